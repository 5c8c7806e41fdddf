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
 * Pass transitions through the pure interpreter ({@code Interpreter.start}, no runner, no task handler): a
 * whole pass-chain execution (10 Pass states, one decision) and a single-Pass execution. The difference divided
 * by 9 is the cost of one Pass transition with its history events; the single-Pass figure is mostly the fixed
 * cost of starting and finishing an execution.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PassTransitionBench {
    private StateMachine passChain;
    private StateMachine onePass;
    private ExecutionInfo info;

    /** Parses the definitions and the input once. */
    @Setup
    public void setUp() {
        passChain = Fixtures.machine(Fixtures.passChain(10));
        onePass = Fixtures.machine(Fixtures.passChain(1));
        info = Fixtures.info(Fixtures.json(Fixtures.ORDER_INPUT));
    }

    /** One pass-chain execution, start to ExecutionSucceeded. */
    @Benchmark
    public JsonNode passChainExecution() {
        return Interpreter.start(passChain, info, Fixtures.START).execution().output().orElseThrow();
    }

    /** One execution of a single Pass state. */
    @Benchmark
    public JsonNode singlePassExecution() {
        return Interpreter.start(onePass, info, Fixtures.START).execution().output().orElseThrow();
    }
}
