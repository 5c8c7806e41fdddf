package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.FailState;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.PassState;
import io.flowstate.asl.model.TaskState;
import io.flowstate.asl.model.TextSource;
import io.flowstate.asl.model.WaitSpec;
import io.flowstate.asl.model.WaitState;
import org.junit.jupiter.api.Test;

class StateRulesTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

    @Test
    void parse_passWithEverything_buildsTheModel() {
        PassState p = (PassState) valid(Defs.machine("{'Type':'Pass','Comment':'c','InputPath':'$.a','Parameters':"
                + "{'x.$':'$.b'},'ResultPath':'$.r','OutputPath':null,'Result':{'k':1},'End':true}"))
                .machine().orElseThrow().start();
        assertThat(p.common().comment()).contains("c");
        assertThat(p.io().inputPath().orElseThrow().text()).isEqualTo("$.a");
        assertThat(p.io().outputPath()).isEmpty();
        assertThat(p.io().resultPath().orElseThrow().text()).isEqualTo("$.r");
        assertThat(p.io().parameters()).isPresent();
        assertThat(p.result().orElseThrow().get("k").intValue()).isEqualTo(1);
    }

    @Test
    void parse_fieldOfAnotherStateType_isNotSupportedAtTheState() {
        assertThat(errors(Defs.machine("{'Type':'Pass','TimeoutSeconds':3,'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'TimeoutSeconds' is not supported at /States/S");
    }

    @Test
    void parse_resultPathWithWildcardOrContext_isNotAReferencePath() {
        assertThat(errors(Defs.machine("{'Type':'Pass','ResultPath':'$.a[*]','End':true}"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'ResultPath' must be a valid ReferencePath at /States/S/ResultPath");
        assertThat(errors(Defs.machine("{'Type':'Pass','ResultPath':'$$.Execution','End':true}"))).hasSize(1);
    }

    @Test
    void parse_inputPathNotAPath_isInvalidJsonPath() {
        assertThat(errors(Defs.machine("{'Type':'Pass','InputPath':'a.b','End':true}"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'InputPath' must be a valid JSONPath at /States/S/InputPath");
    }

    /**
     * AWS's sample aws-samples/serverless-account-signup-service creates a machine with
     * {@code "InputPath": "$..interests[?(@.category==home)]"}: an unquoted word in a filter is valid.
     */
    @Test
    void parse_filterWithUnquotedWord_isAValidPath() {
        valid(Defs.machine("{'Type':'Pass','InputPath':'$..interests[?(@.category==home)]',"
                + "'Parameters':{'ids.$':'$.items[?(@.kind==book && @.price > 5)].id'},'End':true}"));
    }

    @Test
    void parse_dollarKeyWithoutPath_namesTheKey() {
        assertThat(errors(Defs.machine("{'Type':'Pass','Parameters':{'a':{'b.$':'nope'}},'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'b.$' must be a valid JSONPath"
                        + " or a valid intrinsic function call at /States/S/Parameters/a/b.$");
    }

    @Test
    void parse_taskWithTimeouts_readsLiteralAndPath() {
        TaskState t = (TaskState) valid(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "',"
                + "'TimeoutSeconds':10,'HeartbeatSecondsPath':'$.hb','End':true}")).machine().orElseThrow().start();
        assertThat(t.resource()).isEqualTo(LAMBDA);
        assertThat(t.timeoutSeconds()).contains(new IntSource.Literal(10));
        assertThat(t.heartbeatSeconds().orElseThrow()).isInstanceOf(IntSource.FromPath.class);
    }

    @Test
    void parse_taskTimeoutAndTimeoutPath_isAnError() {
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "','TimeoutSeconds':1,"
                + "'TimeoutSecondsPath':'$.t','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Only one of these fields is allowed: "
                        + "[TimeoutSeconds, TimeoutSecondsPath] at /States/S/TimeoutSeconds");
    }

    @Test
    void parse_taskHeartbeatNotBelowTimeout_isAnError() {
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "','TimeoutSeconds':5,"
                + "'HeartbeatSeconds':5,'End':true}"))).singleElement().asString()
                .endsWith("at /States/S/HeartbeatSeconds");
    }

    @Test
    void parse_taskTimeoutZero_isBelowRange() {
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "','TimeoutSeconds':0,'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'TimeoutSeconds' must be greater"
                        + " than or equal to 1 at /States/S/TimeoutSeconds");
    }

    @Test
    void parse_taskWithoutResource_isRequired() {
        assertThat(errors(Defs.machine("{'Type':'Task','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Resource] at /States/S");
    }

    @Test
    void parse_unknownOptimizedIntegration_isNotRecognized() {
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'arn:aws:states:::dynamodb:query','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The resource provided arn:aws:states:::dynamodb:query is"
                        + " not recognized. The value is not a valid resource ARN, or the resource is not available"
                        + " in this region. at /States/S/Resource");
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'not-an-arn','End':true}"))).hasSize(1);
    }

    @Test
    void parse_sdkIntegrationAndActivity_areRecognized() {
        valid(Defs.machine("{'Type':'Task','Resource':'arn:aws:states:::aws-sdk:s3:listBuckets','End':true}"));
        valid(Defs.machine("{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:a','End':true}"));
    }

    @Test
    void parse_syncIntegrationInExpressMachine_isRejected() {
        String def = Defs.q(Defs.machine("{'Type':'Task','Resource':'arn:aws:states:::states:startExecution.sync',"
                + "'End':true}"));
        assertThat(AslParser.parse(def).isValid()).isTrue();
        assertThat(Checks.errors(AslParser.parse(def, MachineType.EXPRESS))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration"
                        + " at /States/S/Resource");
    }

    /** The recorded {@code sfn_api_express.illegal_activity_task} case: AWS refuses activities in EXPRESS machines. */
    @Test
    void parse_activityInExpressMachine_isRejected() {
        String def = Defs.q(Defs.machine("{'Type':'Task','Resource':'arn:aws:states:us-east-1:123456789012:activity:a',"
                + "'End':true}"));
        assertThat(Checks.errors(AslParser.parse(def, MachineType.EXPRESS))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at /States/S/Resource");
    }

    @Test
    void parse_credentialsWithoutRoleArn_isRequired() {
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "','Credentials':{},'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The field 'RoleArn' is required but was missing"
                        + " at /States/S/Credentials");
    }

    @Test
    void parse_waitWithTwoDurations_requiresExactlyOne() {
        assertThat(errors(Defs.machine("{'Type':'Wait','Seconds':1,'SecondsPath':'$.s','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: "
                        + "[Seconds, SecondsPath, Timestamp, TimestampPath] at /States/S");
    }

    @Test
    void parse_waitTimestamp_mustBeRfc3339() {
        assertThat(errors(Defs.machine("{'Type':'Wait','Timestamp':'2016-12-05T21:29:29','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp"
                        + " at /States/S/Timestamp");
        WaitState w = (WaitState) valid(Defs.machine("{'Type':'Wait','Timestamp':'2016-03-14T01:59:00.123+02:00',"
                + "'End':true}")).machine().orElseThrow().start();
        assertThat(w.spec()).isEqualTo(new WaitSpec.Timestamp(new TextSource.Literal("2016-03-14T01:59:00.123+02:00")));
    }

    @Test
    void parse_failWithErrorAndErrorPath_isAnError() {
        assertThat(errors(Defs.machine("{'Type':'Fail','Error':'E','ErrorPath':'$.e'}"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: Only one of these fields is allowed: [Error, ErrorPath] at /States/S/Error");
    }

    @Test
    void parse_failWithPaths_compilesThem() {
        FailState f = (FailState) valid(Defs.machine("{'Type':'Fail','ErrorPath':'$.e','Cause':'c'}"))
                .machine().orElseThrow().start();
        assertThat(f.error().orElseThrow()).isInstanceOf(TextSource.FromExpression.class);
        assertThat(f.cause()).contains(new TextSource.Literal("c"));
    }
}
