package io.flowstate.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.expr.Variables;
import io.flowstate.asl.json.Json;
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
 * Payload template evaluation: pass-chain's {@code Parameters} ({@code {step, order.$, items.$}}), compiled once,
 * evaluated against the pass-chain input. This is the per-state data work of pass-chain, map-1000 and parallel-10.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PayloadTemplateBench {
    private EvalContext ctx;
    private PayloadTemplate passParameters;
    private PayloadTemplate mathAdd;

    /** Compiles the templates and parses the input once. */
    @Setup
    public void setUp() {
        ctx = new EvalContext(Fixtures.json(Fixtures.ORDER_INPUT), Json.object(), Variables.NONE);
        passParameters = PayloadTemplate.compile(Fixtures.json(Fixtures.PASS_PARAMETERS));
        mathAdd = PayloadTemplate.compile(Fixtures.json("{\"value.$\": \"States.MathAdd($.order.items, 1)\"}"));
    }

    /** pass-chain's Parameters: one constant and two definite paths. */
    @Benchmark
    public JsonNode passChainParameters() {
        return passParameters.evaluate(ctx);
    }

    /** choice-loop's Parameters: one intrinsic function call. */
    @Benchmark
    public JsonNode intrinsicMathAdd() {
        return mathAdd.evaluate(ctx);
    }
}
