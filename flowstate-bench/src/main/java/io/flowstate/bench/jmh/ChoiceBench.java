package io.flowstate.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.Interpreter;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Choice evaluation through the interpreter (the evaluator is internal to the engine): an execution of one
 * Choice state whose rules are checked in order until one matches (a string test that fails, then
 * choice-loop's {@code NumericLessThan}, which matches; the {@code And} after it is never evaluated) before
 * reaching a Succeed state, beside an execution of that Succeed state alone. The difference is the cost of the
 * Choice state and its transition.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChoiceBench {
    private static final String CHOICE = """
            {"StartAt": "Check", "States": {
              "Check": {"Type": "Choice", "Default": "Other", "Choices": [
                {"Variable": "$.order.currency", "StringEquals": "USD", "Next": "Other"},
                {"Variable": "$.order.items", "NumericLessThan": 100, "Next": "Done"},
                {"And": [{"Variable": "$.meta.attempt", "NumericEquals": 1},
                         {"Variable": "$.meta.source", "StringEquals": "bench"}], "Next": "Other"}]},
              "Done": {"Type": "Succeed"},
              "Other": {"Type": "Succeed"}}}""";
    private static final String SUCCEED = """
            {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}""";

    private StateMachine choice;
    private StateMachine succeed;
    private ExecutionInfo info;

    /** Parses the definitions and the input once. */
    @Setup
    public void setUp() {
        choice = Fixtures.machine(CHOICE);
        succeed = Fixtures.machine(SUCCEED);
        info = Fixtures.info(Fixtures.json(Fixtures.ORDER_INPUT));
    }

    /** Choice (two rules evaluated) then Succeed. */
    @Benchmark
    public JsonNode choiceThenSucceed() {
        return Interpreter.start(choice, info, Fixtures.START).execution().output().orElseThrow();
    }

    /** Succeed alone: the baseline. */
    @Benchmark
    public JsonNode succeedOnly() {
        return Interpreter.start(succeed, info, Fixtures.START).execution().output().orElseThrow();
    }
}
