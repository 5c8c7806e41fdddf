package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.expr.Variables;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.PassState;
import io.flowstate.asl.model.TaskState;
import org.junit.jupiter.api.Test;

/**
 * {@code Parameters} may be any JSON value. The ASL specification says "a Payload Template which is a JSON
 * object", but AWS accepts an array, a string or a number: AWS's console linter "permits the value to be any
 * type", and AWS changed its language service schema to match the service (aws/aws-toolkit-vscode#2660,
 * aws/amazon-states-language-service#83); users report arrays working on AWS
 * (nibble-4bits/aws-local-stepfunctions#81, ChristopheBougere/asl-validator#67).
 */
class ParametersShapeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:f";

    private static JsonNode evaluate(PayloadTemplate t, String input) throws Exception {
        return t.evaluate(new EvalContext(MAPPER.readTree(input), MAPPER.createObjectNode(), Variables.NONE));
    }

    @Test
    void parse_passWithArrayParameters_evaluatesEachObjectAsATemplate() throws Exception {
        PassState p = (PassState) valid(Defs.machine(
                "{'Type':'Pass','Parameters':[{'foo':'bar'},{'id.$':'$.id'},3],'End':true}")).machine().orElseThrow().start();
        assertThat(evaluate(p.io().parameters().orElseThrow(), "{\"id\":7}"))
                .isEqualTo(MAPPER.readTree("[{\"foo\":\"bar\"},{\"id\":7},3]"));
    }

    @Test
    void parse_taskWithStringOrNumberParameters_passesTheValueAsItIs() throws Exception {
        TaskState t = (TaskState) valid(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA
                + "','Parameters':'$.not.a.path','End':true}")).machine().orElseThrow().start();
        assertThat(evaluate(t.io().parameters().orElseThrow(), "{}").textValue()).isEqualTo("$.not.a.path");
        valid(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "','Parameters':42,'End':true}"));
    }

    @Test
    void parse_arrayParametersWithBadPath_namesTheKeyInsideTheArray() {
        assertThat(errors(Defs.machine("{'Type':'Pass','Parameters':[{'x.$':'nope'}],'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'x.$' must be a valid JSONPath"
                        + " or a valid intrinsic function call at /States/S/Parameters[0]/x.$");
    }

    @Test
    void parse_mapWithLegacyArrayParameters_isItsItemSelector() {
        MapState m = (MapState) valid(Defs.machine("{'Type':'Map','Parameters':[{'v.$':'$$.Map.Item.Value'}],"
                + "'Iterator':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}"))
                .machine().orElseThrow().start();
        assertThat(m.itemSelector()).isPresent();
    }

    @Test
    void parse_resultSelectorNotAnObject_isRejected() {
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'" + LAMBDA + "','ResultSelector':[1],'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The value for the field 'ResultSelector' must be an OBJECT"
                        + " at /States/S/ResultSelector");
    }
}
