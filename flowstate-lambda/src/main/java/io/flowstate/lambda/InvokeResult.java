package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * How one invocation ended, as Invoke reports it.
 *
 * @param payload the function's result, or the error payload for a function error
 * @param functionError {@code Unhandled} for a function error (the {@code X-Amz-Function-Error} header)
 * @param log the invocation's execution log ({@code START} to {@code REPORT}), for {@code LogType: Tail}
 */
record InvokeResult(byte[] payload, Optional<String> functionError, String log) {
    InvokeResult {
        requireNonNull(payload, "payload is null");
        requireNonNull(functionError, "functionError is null");
        requireNonNull(log, "log is null");
    }

    static InvokeResult success(byte[] payload, String log) {
        return new InvokeResult(payload, Optional.empty(), log);
    }

    static InvokeResult unhandled(String payload, String log) {
        return new InvokeResult(payload.getBytes(StandardCharsets.UTF_8), Optional.of("Unhandled"), log);
    }
}
