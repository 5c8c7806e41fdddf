package io.flowstate.asl.jsonata;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.jsonata.JsonataEval.bindings;
import static io.flowstate.asl.jsonata.JsonataEval.eval;
import static io.flowstate.asl.jsonata.JsonataEval.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.expr.ExpressionSyntaxException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The parity layer between the JSONata library and AWS's JSONata: how values cross between JSON and the
 * library, what {@code $states} and variables look like, and which library behaviours are replaced.
 */
class JsonataExpressionTest {
    @Test
    void evaluate_statesInput_readsTheStateInput() {
        assertThat(value("$states.input.a.b", "{'a':{'b':[1,2]}}").toString()).isEqualTo(json("[1,2]").toString());
    }

    @Test
    void evaluate_statesContext_readsTheContextObject() {
        assertThat(value("$states.context.Execution.Name", "{}").textValue()).isEqualTo("run-1");
    }

    @Test
    void evaluate_missingField_isUndefinedNotNull() {
        assertThat(eval("$states.input.absent", "{}")).isEmpty();
        assertThat(value("$states.input.n", "{'n':null}").isNull()).isTrue();
    }

    @Test
    void evaluate_nullInsideObjects_keepsItsKey() {
        assertThat(value("{'v': $states.input.n}", "{'n':null}").toString()).isEqualTo(json("{'v':null}").toString());
    }

    @Test
    void evaluate_undefinedMember_isLeftOut() {
        assertThat(value("{'v': $states.input.absent, 'w': 1}", "{}").toString()).isEqualTo(json("{'w':1}").toString());
    }

    @Test
    void evaluate_wholeDouble_isWrittenWithoutFraction() {
        assertThat(value("2.5 * 2", "{}").toString()).isEqualTo("5");
        assertThat(value("0.1 + 0.2", "{}").toString()).isEqualTo("0.30000000000000004");
    }

    @Test
    void evaluate_nonFiniteNumber_isTheStringJavaScriptNamesIt() {
        assertThat(JavaValues.toJson(Double.POSITIVE_INFINITY).orElseThrow().textValue()).isEqualTo("Infinity");
        assertThat(JavaValues.toJson(Double.NaN).orElseThrow().textValue()).isEqualTo("NaN");
    }

    @Test
    void evaluate_variable_isBoundByName() {
        assertThat(JsonataExpression.compile("$x + 1").evaluate(bindings("{}", Map.of("x", json("41"))))
                .orElseThrow().toString()).isEqualTo("42");
    }

    @Test
    void evaluate_unknownVariable_isUndefined() {
        assertThat(eval("$doesNotExist", "{}")).isEmpty();
    }

    @Test
    void evaluate_function_isAnUnsupportedResult() {
        assertThatThrownBy(() -> eval("function($x){$x}", "{}")).isInstanceOfSatisfying(JsonataFailure.class,
                f -> assertThat(f.kind()).isEqualTo(JsonataFailure.Kind.UNSUPPORTED_RESULT));
    }

    @Test
    void evaluate_typeError_isAFailure() {
        assertThatThrownBy(() -> eval("'a' + 1", "{}")).isInstanceOfSatisfying(JsonataFailure.class,
                f -> assertThat(f.kind()).isEqualTo(JsonataFailure.Kind.ERROR));
    }

    @Test
    void evaluate_eval_isRemovedAsOnAws() {
        assertThatThrownBy(() -> eval("$eval('1')", "{}")).isInstanceOf(JsonataFailure.class);
    }

    @Test
    void evaluate_now_readsTheDecisionClockNotTheWallClock() {
        assertThat(value("$now()", "{}").textValue()).isEqualTo("2024-05-01T10:20:30.456Z");
        assertThat(value("$millis()", "{}").longValue()).isEqualTo(JsonataEval.NOW.toEpochMilli());
    }

    @Test
    void evaluate_randomAndUuid_comeFromTheSeededSource() {
        assertThat(value("$random()", "{}")).isEqualTo(value("$random()", "{}"));
        assertThat(value("$uuid()", "{}").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].{3}-.{12}");
    }

    @Test
    void compile_syntaxError_throwsWithTheParserMessage() {
        assertThatThrownBy(() -> JsonataExpression.compile("a[1,2)")).isInstanceOf(ExpressionSyntaxException.class);
    }

    @Test
    void variableNames_skipStringsAndComments() {
        assertThat(JsonataExpression.variableNames("$a & '$b' & /* $c */ $d.e & $states.input"))
                .containsExactly("a", "d");
    }
}
