package io.flowstate.asl.expr.intrinsic;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.expr.intrinsic.Calls.assertInvalid;
import static io.flowstate.asl.expr.intrinsic.Calls.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.Variables;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {
    @Test
    void mathAdd_roundsEachArgumentHalfUp() {
        // Recorded AWS results (corpus intrinsic_functions/math_operations.math_add-*).
        String[][] cases = {
            {"-9", "3", "-6"}, {"1.49", "1.5", "3"}, {"1.5", "1.51", "4"}, {"-1.49", "-1.5", "-2"},
            {"-1.5", "-1.51", "-3"}, {"1.49", "-1.49", "0"}, {"-0.5", "0.5", "1"}, {"-2.5", "0", "-2"}, {"2.5", "0", "3"},
        };
        for (String[] c : cases) {
            assertThat(eval("States.MathAdd(" + c[0] + ", " + c[1] + ")")).as(c[0] + "+" + c[1]).isEqualTo(json(c[2]));
        }
    }

    @Test
    void mathAdd_badArguments_areInvalid() {
        assertInvalid("States.MathAdd(1, 'NOT A NUMBER')", "{}", "States.MathAdd");
        assertInvalid("States.MathAdd(2147483648, 1)", "{}", "States.MathAdd");
        assertInvalid("States.MathAdd(1)", "{}", "States.MathAdd");
        assertThat(eval("States.MathAdd(2147483647, 1)")).isEqualTo(json("2147483648"));
    }

    @Test
    void mathRandom_inHalfOpenRange_fromTheContextsRandomSource() {
        Set<Integer> seen = new HashSet<>();
        EvalContext ctx = new EvalContext(json("{}"), NullNode.getInstance(), Variables.NONE, new Random(1));
        for (int i = 0; i < 200; i++) {
            seen.add(eval("States.MathRandom(1, 4)", ctx).intValue());
        }
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3);
        EvalContext same = new EvalContext(json("{}"), NullNode.getInstance(), Variables.NONE, new Random(1));
        EvalContext again = new EvalContext(json("{}"), NullNode.getInstance(), Variables.NONE, new Random(1));
        assertThat(eval("States.MathRandom(0, 1000000)", same)).isEqualTo(eval("States.MathRandom(0, 1000000)", again));
    }

    @Test
    void mathRandom_sameSeed_sameNumber() {
        assertThat(eval("States.MathRandom(1, 100, 42)")).isEqualTo(eval("States.MathRandom(1, 100, 42)"));
        int v = eval("States.MathRandom(-99999, -9999, 3)").intValue();
        assertThat(v).isBetween(-99999, -10000);
    }

    @Test
    void mathRandom_boundsAreTruncated() {
        for (int i = 0; i < 50; i++) {
            assertThat(eval("States.MathRandom(1.6, 5.4)").intValue()).isBetween(1, 4);
        }
    }

    @Test
    void mathRandom_badArguments_areInvalid() {
        String fn = "States.MathRandom";
        assertInvalid("States.MathRandom(1, 1)", "{}", fn);
        assertInvalid("States.MathRandom(10, 5)", "{}", fn);
        assertInvalid("States.MathRandom(1.4, 1.6)", "{}", fn);
        assertInvalid("States.MathRandom('a', 10)", "{}", fn);
        assertInvalid("States.MathRandom(1, 10, 'seed')", "{}", fn);
        assertInvalid("States.MathRandom(1, 10, null)", "{}", fn);
        assertInvalid("States.MathRandom(1)", "{}", fn);
        assertInvalid("States.MathRandom(1, 10, 5, 99)", "{}", fn);
    }
}
