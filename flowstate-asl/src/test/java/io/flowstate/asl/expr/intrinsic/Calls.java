package io.flowstate.asl.expr.intrinsic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.TestJson;

/** Test helpers: evaluate a call text against an input written with single quotes. */
final class Calls {
    private Calls() {}

    static JsonNode eval(String call, String input) {
        return IntrinsicParser.parse(call).evaluate(TestJson.ctx(input));
    }

    static JsonNode eval(String call, EvalContext ctx) {
        return IntrinsicParser.parse(call).evaluate(ctx);
    }

    static JsonNode eval(String call) {
        return eval(call, "{}");
    }

    /** Asserts AWS's runtime envelope for bad arguments. */
    static void assertInvalid(String call, String input, String function) {
        assertThatThrownBy(() -> eval(call, input)).as(call)
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("Invalid arguments in " + function);
                });
    }
}
