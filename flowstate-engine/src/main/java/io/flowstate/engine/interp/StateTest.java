package io.flowstate.engine.interp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The interpreter's step-level entry point behind the TestState API: runs one state of a machine (nested ones
 * included) on a given input, variables and context object, and stops where the state hands on: at its Next
 * (or End), at a Catch, at a Retry, or when it fails. No history is written.
 *
 * <p>A Task's result comes back as a {@link Trigger} like in an execution: the shell answers the decision's
 * {@link Effect.InvokeTask} (with the mock, or by calling the resource) through {@link Interpreter#advance},
 * then reads {@link #outcome}. A mocked Map or Parallel does not run its children: the mock is their result.
 */
public final class StateTest {
    /** The name AWS gives the tested state: in its definition errors and in the context object. */
    public static final String STATE_NAME = "StateName";

    private StateTest() {}

    /** How a tested state ended, as TestState names it. */
    public enum Status { SUCCEEDED, FAILED, CAUGHT_ERROR, RETRIABLE }

    /** A TestState mock: the task's (or Map's or Parallel's) result, or its error. */
    public sealed interface Mock {
        /** The mocked result; {@code text} is the client's text, which output shows unchanged. */
        record Result(JsonNode value, String text) implements Mock {
            public Result {
                requireNonNull(value, "value is null");
                requireNonNull(text, "text is null");
            }
        }

        /** The mocked failure. */
        record Error(String error, Optional<String> cause) implements Mock {
            public Error {
                requireNonNull(error, "error is null");
                requireNonNull(cause, "cause is null");
            }
        }

        /** The trigger that answers the task invocation {@code taskId} with this mock. */
        default Trigger trigger(long taskId) {
            return switch (this) {
                case Result r -> new Trigger.TaskSucceeded(taskId, r.value());
                case Error e -> new Trigger.TaskFailed(taskId, e.error(), e.cause());
            };
        }
    }

    /**
     * TestState's {@code stateConfiguration}: retries already spent by each retrier, Map iterations that
     * failed, the nested state a mocked error comes from, and the items an ItemReader would have read.
     */
    public record Configuration(OptionalInt retrierRetryCount, OptionalInt mapIterationFailureCount,
            Optional<String> errorCausedByState, Optional<JsonNode> mapItemReaderData) {
        public static final Configuration NONE = new Configuration(OptionalInt.empty(), OptionalInt.empty(),
                Optional.empty(), Optional.empty());

        public Configuration {
            requireNonNull(retrierRetryCount, "retrierRetryCount is null");
            requireNonNull(mapIterationFailureCount, "mapIterationFailureCount is null");
            requireNonNull(errorCausedByState, "errorCausedByState is null");
            requireNonNull(mapItemReaderData, "mapItemReaderData is null");
        }
    }

    /**
     * What the test runs with.
     *
     * @param info the execution identity the context object shows ({@code input} is the state's input)
     * @param variables the variables in scope when the state is entered
     * @param context a context object replacing the one the execution would show
     * @param inspect whether to collect inspection data (DEBUG and TRACE)
     */
    public record Setup(ExecutionInfo info, Map<String, JsonNode> variables, Optional<JsonNode> context,
            boolean inspect, Optional<Mock> mock, Configuration configuration) {
        public Setup {
            requireNonNull(info, "info is null");
            variables = Map.copyOf(variables);
            requireNonNull(context, "context is null");
            requireNonNull(mock, "mock is null");
            requireNonNull(configuration, "configuration is null");
        }
    }

    /**
     * How the state ended. Payloads in {@code output} and in {@code inspectionData} are JSON text as AWS returns
     * them (the client's text where a value is still the client's); numbers and {@code errorDetails} are JSON.
     */
    public record Outcome(Status status, Optional<String> output, Optional<String> error, Optional<String> cause,
            Optional<String> nextState, ObjectNode inspectionData) {
        public Outcome {
            requireNonNull(status, "status is null");
            requireNonNull(output, "output is null");
            requireNonNull(error, "error is null");
            requireNonNull(cause, "cause is null");
            requireNonNull(nextState, "nextState is null");
            requireNonNull(inspectionData, "inspectionData is null");
        }
    }

    /** The machine (the top-level one, a branch or an item processor) whose {@code States} hold {@code stateName}. */
    public static Optional<StateMachine> machineOf(StateMachine machine, String stateName) {
        if (machine.states().containsKey(stateName)) {
            return Optional.of(machine);
        }
        for (State s : machine.states().values()) {
            List<StateMachine> inner = new ArrayList<>();
            if (s instanceof MapState m) {
                inner.add(m.itemProcessor());
            } else if (s instanceof ParallelState p) {
                inner.addAll(p.branches());
            }
            for (StateMachine sub : inner) {
                Optional<StateMachine> found = machineOf(sub, stateName);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Enters {@code stateName} of {@code machine} (see {@link #machineOf}) with {@code setup.info().input()}. The
     * decision may ask for a task invocation or a timer; {@link #outcome} tells when the state is done.
     */
    public static Interpreter.Started start(StateMachine machine, String stateName, Setup setup, Instant now) {
        StateMachine owner = machineOf(machine, stateName)
                .orElseThrow(() -> new IllegalArgumentException("no state named " + stateName));
        Execution exec = new Execution(owner, setup.info());
        exec.probe = new StepProbe(setup);
        setup.info().inputText().ifPresent(text -> SubTexts.each(setup.info().input(), text, exec::rememberText));
        setup.mock().ifPresent(m -> {
            if (m instanceof Mock.Result r) {
                exec.rememberText(r.value(), r.text());
            }
        });
        Run r = new Run(exec, now);
        Scope scope = new Scope(null);
        scope.seed(setup.variables());
        Fiber root = new Fiber(owner, null, null, 0, scope, setup.info().input(), 0);
        root.stateName = stateName;
        root.announced = true;
        root.silent = true;
        exec.root = root;
        r.schedule(root);
        r.drain();
        return new Interpreter.Started(exec, r.decision());
    }

    /** The outcome, once the state is done. */
    public static Optional<Outcome> outcome(Execution exec) {
        return exec.probe == null ? Optional.empty() : exec.probe.outcome(exec.payloadWriter());
    }
}
