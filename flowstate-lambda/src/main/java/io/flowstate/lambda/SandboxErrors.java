package io.flowstate.lambda;

import java.util.Locale;

/**
 * The error payloads Lambda itself answers with when the function could not answer: the sandbox's shape,
 * {@code {"errorType":...,"errorMessage":"RequestId: <id> Error: ..."}} (type first, no stack trace).
 */
final class SandboxErrors {
    private SandboxErrors() {}

    /** Lambda's timeout line, also written to the log: {@code Task timed out after 3.00 seconds}. */
    static String timeoutMessage(int timeoutSeconds) {
        return String.format(Locale.ROOT, "Task timed out after %.2f seconds", (double) timeoutSeconds);
    }

    /** The payload of a function killed at its timeout (current AWS: {@code Sandbox.Timedout}). */
    static String timedOut(String requestId, int timeoutSeconds) {
        return payload("Sandbox.Timedout", "RequestId: " + requestId + " Error: " + timeoutMessage(timeoutSeconds));
    }

    /** The payload of a runtime process that exited mid-invocation, e.g. {@code exit status 1}. */
    static String exited(String requestId, String status) {
        return payload("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited with error: " + status);
    }

    /** Lambda's answer to a result over the 6 MB response limit. */
    static String responseTooLarge() {
        return "{\"errorMessage\":\"Response payload size exceeded maximum allowed payload size (6291556 bytes).\","
                + "\"errorType\":\"Function.ResponseSizeTooLarge\"}";
    }

    private static String payload(String type, String message) {
        return LambdaJson.text(LambdaJson.object().put("errorType", type).put("errorMessage", message));
    }
}
