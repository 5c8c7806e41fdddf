package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

/**
 * Work that takes a payload text and answers with one: a local process, an HTTP endpoint. {@link LocalFunction}
 * makes it behave as a Lambda function or as any other Task resource.
 */
@FunctionalInterface
public interface PayloadFunction {
    /** Runs once for {@code payload}. */
    Reply call(String payload);

    /** What the work answered. */
    sealed interface Reply {
        /** It returned {@code text} (JSON, or text that is not). */
        record Ok(String text) implements Reply {
            public Ok {
                requireNonNull(text, "text is null");
            }
        }

        /** It failed: an error name (a function's {@code errorType}) and the cause. */
        record Error(String errorType, String cause) implements Reply {
            public Error {
                requireNonNull(errorType, "errorType is null");
                requireNonNull(cause, "cause is null");
            }
        }
    }
}
