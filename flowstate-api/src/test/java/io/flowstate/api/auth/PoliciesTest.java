package io.flowstate.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.json.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IAM policy evaluation as the IAM User Guide describes it ("Policy evaluation logic"): explicit Deny wins. */
class PoliciesTest {
    private static final AccessKeys.Key ALICE = new AccessKeys.Key("AKIDALICE", "s", "alice", Optional.empty());
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:";

    private static Policies policies(String json) throws Exception {
        return Policies.parse(Json.parse(json.replace('\'', '"')), "test");
    }

    @Test
    void authorize_allowedActionOnMatchingResource_isAllowed() throws Exception {
        Policies p = policies("{'alice':{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                + "'Action':'states:Start*','Resource':'" + SM + "orders-*'}]}}");

        assertThat(p.authorize(ALICE, "123456789012", "states:StartExecution", SM + "orders-eu")).isEmpty();
        assertThat(p.authorize(ALICE, "123456789012", "states:startexecution", SM + "orders-eu")).isEmpty();
    }

    @Test
    void authorize_noStatementAllows_deniedWithAwsMessage() throws Exception {
        Policies p = policies("{'AKIDALICE':{'Statement':{'Effect':'Allow','Action':'states:List*','Resource':'*'}}}");

        AuthFailure f = p.authorize(ALICE, "123456789012", "states:StartExecution", SM + "x").orElseThrow();

        assertThat(f.code()).isEqualTo("AccessDeniedException");
        assertThat(f.message()).isEqualTo("User: arn:aws:iam::123456789012:user/alice is not authorized to perform: "
                + "states:StartExecution on resource: " + SM + "x because no identity-based policy allows the "
                + "states:StartExecution action");
    }

    @Test
    void authorize_explicitDenyAndAllow_denyWins() throws Exception {
        Policies p = policies("{'alice':[{'Statement':[{'Effect':'Allow','Action':'states:*','Resource':'*'}]},"
                + "{'Statement':[{'Effect':'Deny','Action':'states:Delete*','Resource':'*'}]}]}");

        assertThat(p.authorize(ALICE, "123456789012", "states:DeleteStateMachine", SM + "x").orElseThrow().message())
                .endsWith("with an explicit deny in an identity-based policy");
        assertThat(p.authorize(ALICE, "123456789012", "states:DescribeStateMachine", SM + "x")).isEmpty();
    }

    @Test
    void authorize_notActionAndNotResource_matchEverythingElse() throws Exception {
        Policies p = policies("{'alice':{'Statement':[{'Effect':'Allow','NotAction':'states:Delete*',"
                + "'NotResource':'" + SM + "prod-?'}]}}");

        assertThat(p.authorize(ALICE, "1", "states:StartExecution", SM + "dev")).isEmpty();
        assertThat(p.authorize(ALICE, "1", "states:StartExecution", SM + "prod-1")).isPresent();
        assertThat(p.authorize(ALICE, "1", "states:DeleteStateMachine", SM + "dev")).isPresent();
    }

    @Test
    void authorize_keyWithoutPolicy_isDenied() throws Exception {
        Policies p = policies("{'bob':{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}}");

        assertThat(p.authorize(ALICE, "1", "states:ListStateMachines", "*")).isPresent();
    }

    @Test
    void parse_condition_refusedRatherThanIgnored() {
        assertThatThrownBy(() -> policies("{'alice':{'Statement':{'Effect':'Allow','Action':'*','Resource':'*',"
                + "'Condition':{'StringEquals':{'aws:x':'y'}}}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Condition is not supported");
    }

    @Test
    void parse_badEffect_namesIt() {
        assertThatThrownBy(() -> policies("{'alice':{'Statement':{'Effect':'Maybe','Action':'*','Resource':'*'}}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Effect must be Allow or Deny");
    }

    @Test
    void resource_eachKindOfRequest_isTheArnIamChecks() throws Exception {
        assertThat(RequestResource.of("CreateStateMachine", Json.parse("{\"name\":\"m\"}"), "eu-west-1", "1"))
                .isEqualTo("arn:aws:states:eu-west-1:1:stateMachine:m");
        assertThat(RequestResource.of("StopExecution", Json.parse("{\"executionArn\":\"arn:x\"}"), "r", "1"))
                .isEqualTo("arn:x");
        assertThat(RequestResource.of("ListStateMachines", Json.parse("{}"), "r", "1")).isEqualTo("*");
    }

    @Test
    void decide_roleArnMember_limitsThatRoleOnly() throws Exception {
        String role = "arn:aws:iam::123456789012:role/Jobs";
        String fn = "arn:aws:lambda:us-east-1:123456789012:function:";
        Policies p = policies("{'" + role + "':[{'Statement':{'Effect':'Allow','Action':'lambda:InvokeFunction',"
                + "'Resource':'" + fn + "allowed*'}},{'Statement':{'Effect':'Deny','Action':'lambda:*',"
                + "'Resource':'" + fn + "allowed-but-denied'}}]}");

        assertThat(p.has(role)).isTrue();
        assertThat(p.has("arn:aws:iam::123456789012:role/Other")).isFalse();
        assertThat(p.decide(role, "lambda:InvokeFunction", fn + "allowed")).isEqualTo(Policies.Decision.ALLOWED);
        assertThat(p.decide(role, "lambda:InvokeFunction", fn + "other")).isEqualTo(Policies.Decision.NOT_ALLOWED);
        assertThat(p.decide(role, "lambda:InvokeFunction", fn + "allowed-but-denied"))
                .isEqualTo(Policies.Decision.DENIED);
    }
}
