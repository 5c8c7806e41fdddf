package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.ResultPaths;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.Catcher;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.asl.model.Retrier;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.TaskState;
import io.flowstate.asl.model.Transition;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Retry and Catch for Task, Parallel and Map. The first retrier whose ErrorEquals matches decides: it retries
 * while it has attempts left (a timer for the backoff), and once it is exhausted the error goes to Catch.
 * The first matching catcher moves to its Next with the error output placed by its ResultPath.
 */
final class ErrorHandling {
    private ErrorHandling() {}

    static void handle(Run r, Fiber f, State s, StateFailure failure) {
        if (!retry(r, f, s, failure)) {
            fail(r, f, s, failure);
        }
    }

    /** Starts a retry when the first matching retrier has attempts left; false when the error goes on. */
    static boolean retry(Run r, Fiber f, State s, StateFailure failure) {
        List<Retrier> retry = retriers(s);
        for (int i = 0; i < retry.size(); i++) {
            Retrier rt = retry.get(i);
            if (ErrorNames.matches(rt.errorEquals(), failure)) {
                StepProbe probe = r.probe(f);
                if (f.retrierAttempts == null) {
                    f.retrierAttempts = new int[retry.size()];
                    if (probe != null) {
                        java.util.Arrays.fill(f.retrierAttempts, probe.spentRetries());
                    }
                }
                if (probe != null) {
                    probe.retrier(failure, i, f.retrierAttempts[i] < rt.maxAttempts()
                            ? java.util.Optional.of(StepProbe.backoffSeconds(rt, f.retrierAttempts[i]))
                            : java.util.Optional.empty());
                }
                if (f.retrierAttempts[i] < rt.maxAttempts()) {
                    Duration delay = delay(r, rt, f.retrierAttempts[i]);
                    f.retrierAttempts[i]++;
                    f.retryCount++;
                    f.phase = Fiber.Phase.AWAIT_RETRY;
                    f.pendingTimerId = r.startTimer(r.now.plus(delay), Execution.TimerKind.RETRY, f, -1);
                    return true;
                }
                break;
            }
        }
        return false;
    }

    /** Catch, or fail the fiber: what happens to an error no retrier takes. */
    static void fail(Run r, Fiber f, State s, StateFailure failure) {
        List<Catcher> catchers = catchers(s);
        for (int i = 0; i < catchers.size(); i++) {
            Catcher c = catchers.get(i);
            if (ErrorNames.matches(c.errorEquals(), failure)) {
                StepProbe probe = r.probe(f);
                if (probe != null) {
                    probe.caught(failure, i);
                }
                if (Run.jsonata(s)) {
                    caughtJsonata(r, f, s, c, i, failure);
                } else {
                    caught(r, f, s, c, failure);
                }
                return;
            }
        }
        r.failFiber(f, failure);
    }

    private static void caught(Run r, Fiber f, State s, Catcher c, StateFailure failure) {
        ObjectNode errorOutput = failure.errorOutput();
        try {
            Map<String, JsonNode> assigned = r.assign(f, c.assign(), errorOutput);
            JsonNode output;
            if (c.resultPath().isEmpty()) {
                output = f.input;
            } else if (Io.isRoot(c.resultPath().get())) {
                output = errorOutput;
            } else {
                output = ResultPaths.merge(c.resultPath().get(), f.input, errorOutput);
            }
            r.exit(f, s, output, assigned, new Transition.Next(c.next()));
        } catch (EvaluationException e) {
            r.failFiber(f, r.stateError(f, e));
        }
    }

    /**
     * JSONata: the catcher's Output (default: the error output) and Assign see {@code $states.errorOutput};
     * {@code $states.input} is still the state's input.
     */
    private static void caughtJsonata(Run r, Fiber f, State s, Catcher c, int index, StateFailure failure) {
        ObjectNode errorOutput = failure.errorOutput();
        try {
            JsonataBindings b = JsonataIo.bindings(r, f, f.input).withErrorOutput(errorOutput);
            String at = "Catch[" + index + "]";
            Map<String, JsonNode> assigned = JsonataIo.assign(c.assign(), b, at + "/Assign");
            JsonNode output = JsonataIo.output(c.output(), b, at + "/Output", errorOutput);
            r.applyAssign(f, assigned);
            r.exit(f, s, output, assigned, new Transition.Next(c.next()));
        } catch (EvaluationException e) {
            StateFailure err = r.stateError(f, e);
            if (e.error().equals(ErrorNames.QUERY_EVALUATION_ERROR)) {
                r.evaluationFailed(f, err, e.location(), f.cursor);
            }
            r.failFiber(f, err);
        }
    }

    /** Backoff: IntervalSeconds x BackoffRate^attempt, capped by MaxDelaySeconds, FULL jitter in [0, delay]. */
    static Duration delay(Run r, Retrier rt, int attempt) {
        double seconds = rt.intervalSeconds() * Math.pow(rt.backoffRate(), attempt);
        if (rt.maxDelaySeconds().isPresent()) {
            seconds = Math.min(seconds, rt.maxDelaySeconds().get());
        }
        if (rt.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            seconds = r.exec.random.nextDouble() * seconds;
        }
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** Runs the failed state again once its retry timer fired. */
    static void retryNow(Run r, Fiber f) {
        State s = f.machine.state(f.stateName);
        f.phase = Fiber.Phase.ENTER;
        try {
            switch (s) {
                case TaskState t -> TaskStep.attempt(r, f, t);
                case ParallelState p -> ParallelStep.start(r, f, p);
                case MapState m -> MapStep.attempt(r, f, m);
                default -> throw new IllegalStateException("no retry for " + s.type());
            }
        } catch (EvaluationException e) {
            r.failState(f, s, e, s instanceof MapState);
        }
    }

    private static List<Retrier> retriers(State s) {
        return switch (s) {
            case TaskState t -> t.retry();
            case ParallelState p -> p.retry();
            case MapState m -> m.retry();
            default -> List.of();
        };
    }

    private static List<Catcher> catchers(State s) {
        return switch (s) {
            case TaskState t -> t.catchers();
            case ParallelState p -> p.catchers();
            case MapState m -> m.catchers();
            default -> List.of();
        };
    }
}
