package io.flowstate.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.Path;
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
 * JSONPath evaluation of definite paths (the kind every InputPath, OutputPath, Choice Variable and
 * {@code .$} template field uses), compiled once as at parse time, read against the pass-chain input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PathBench {
    private EvalContext ctx;
    private Path orderId;
    private Path deepTag;
    private Path root;

    /** Compiles the paths and parses the input once. */
    @Setup
    public void setUp() {
        ctx = new EvalContext(Fixtures.json(Fixtures.ORDER_INPUT), Json.object(), Variables.NONE);
        orderId = Path.compile("$.order.id");
        deepTag = Path.compile("$.meta.tags[1]");
        root = Path.compile("$");
    }

    /** {@code $.order.id}: two field steps. */
    @Benchmark
    public JsonNode readTwoFields() {
        return orderId.read(ctx);
    }

    /** {@code $.meta.tags[1]}: fields and an array index. */
    @Benchmark
    public JsonNode readFieldsAndIndex() {
        return deepTag.read(ctx);
    }

    /** {@code $}: the whole input (the default InputPath and OutputPath). */
    @Benchmark
    public JsonNode readRoot() {
        return root.read(ctx);
    }
}
