package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.Retrier;
import io.flowstate.engine.history.PayloadWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link StateTest} watches while its one state runs: the inspection data the state's steps report, and
 * how the state ended. Present on an {@link Execution} only in a state test; the steps ask
 * {@link Run#probe(Fiber)}, which answers null everywhere else, so executions pay nothing for it.
 */
final class StepProbe {
    final StateTest.Setup setup;
    private final Map<String, JsonNode> payloads = new LinkedHashMap<>();
    private final ObjectNode numbers = Json.object();
    private final ObjectNode errorDetails = Json.object();
    private StateTest.Status status;
    private JsonNode output;
    private StateFailure failure;
    private String nextState;

    StepProbe(StateTest.Setup setup) {
        this.setup = setup;
    }

    boolean done() {
        return status != null;
    }

    /** Records a payload the state produced on its way (input, afterInputPath, result, ...). */
    void payload(String key, JsonNode value) {
        if (setup.inspect()) {
            payloads.put(key, value);
        }
    }

    /** Records a number the state evaluated (maxConcurrency, toleratedFailureCount, ...). */
    void number(String key, double value) {
        if (setup.inspect()) {
            if (value == Math.rint(value) && !key.equals("toleratedFailurePercentage")) {
                numbers.put(key, (long) value);
            } else {
                numbers.put(key, value);
            }
        }
    }

    /** The state handed on to {@code next} (null at an End) with {@code output}. */
    void passed(JsonNode output, String next) {
        this.output = output;
        this.nextState = next;
        this.status = failure == null ? StateTest.Status.SUCCEEDED : StateTest.Status.CAUGHT_ERROR;
    }

    /** A catcher took {@code failure}; the state then passes on to the catcher's Next. */
    void caught(StateFailure failure, int catchIndex) {
        this.failure = failure;
        if (setup.inspect()) {
            errorDetails.put("catchIndex", catchIndex);
        }
    }

    /** A retrier matched {@code failure}; with {@code backoff} present it would run the state again after it. */
    void retrier(StateFailure failure, int retryIndex, Optional<Long> backoffSeconds) {
        if (setup.inspect()) {
            backoffSeconds.ifPresent(s -> errorDetails.put("retryBackoffIntervalSeconds", s));
            errorDetails.put("retryIndex", retryIndex);
        }
        if (backoffSeconds.isPresent()) {
            this.failure = failure;
            this.status = StateTest.Status.RETRIABLE;
        }
    }

    void failed(StateFailure failure) {
        this.failure = failure;
        this.status = StateTest.Status.FAILED;
    }

    /** The retries a retrier has spent before the test starts (TestState's {@code retrierRetryCount}). */
    int spentRetries() {
        return setup.configuration().retrierRetryCount().orElse(0);
    }

    /** AWS's whole-second backoff before the next attempt, without jitter. */
    static long backoffSeconds(Retrier rt, int attempt) {
        double seconds = rt.intervalSeconds() * Math.pow(rt.backoffRate(), attempt);
        if (rt.maxDelaySeconds().isPresent()) {
            seconds = Math.min(seconds, rt.maxDelaySeconds().get());
        }
        return (long) seconds;
    }

    Optional<StateTest.Outcome> outcome(PayloadWriter writer) {
        if (status == null) {
            return Optional.empty();
        }
        ObjectNode data = Json.object();
        payloads.forEach((k, v) -> data.put(k, writer.write(v)));
        data.setAll(numbers);
        if (!errorDetails.isEmpty()) {
            data.set("errorDetails", errorDetails);
        }
        Optional<String> error = Optional.ofNullable(failure).map(StateFailure::error).filter(e -> !e.isEmpty());
        Optional<String> cause = Optional.ofNullable(failure).flatMap(StateFailure::cause);
        return Optional.of(new StateTest.Outcome(status,
                Optional.ofNullable(output).map(writer::write), error, cause, Optional.ofNullable(nextState), data));
    }

    /** TestState's inspection data known on entry: the input, the variables, and (JSONPath) InputPath's result. */
    static void inspectEntry(Run r, Fiber f, io.flowstate.asl.model.State s) {
        StepProbe p = r.probe(f);
        if (p == null) {
            return;
        }
        p.payload("input", f.input);
        if (!p.setup.variables().isEmpty()) {
            com.fasterxml.jackson.databind.node.ObjectNode vars = io.flowstate.asl.json.Json.object();
            p.setup.variables().forEach(vars::set);
            p.payload("variables", vars);
        }
        if (!Run.jsonata(s)) {
            switch (s) {
                case io.flowstate.asl.model.ChoiceState c -> p.payload("afterInputPath", Io.inputPath(r, f, c.io(), f.input));
                case io.flowstate.asl.model.SucceedState ss -> p.payload("afterInputPath", Io.inputPath(r, f, ss.io(), f.input));
                case io.flowstate.asl.model.FailState fs -> p.payload("afterInputPath", f.input);
                default -> { }
            }
        }
    }
}
