package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * What a corpus Lambda function does, one record per {@code needs.json} {@code behaviour.kind}.
 * {@link #fromJson} reads a behaviour; {@code stackTrace} is what a raising function reports (see
 * {@link RecordedStackTrace}).
 */
public sealed interface LambdaBehaviour {

    /** {@code identity}: returns its input event. */
    record Identity() implements LambdaBehaviour {}

    /** {@code constant}: ignores its input and returns {@code returns}. */
    record Constant(JsonNode returns) implements LambdaBehaviour {
        public Constant {
            requireNonNull(returns, "returns is null");
        }
    }

    /** {@code raw_payload}: the Invoke response payload is exactly {@code payload}. */
    record RawPayload(String payload) implements LambdaBehaviour {
        public RawPayload {
            requireNonNull(payload, "payload is null");
        }
    }

    /** {@code raw_payload_repeat}: the payload is {@code count} copies of {@code text} (not JSON, too large). */
    record RawPayloadRepeat(String text, int count) implements LambdaBehaviour {
        public RawPayloadRepeat {
            requireNonNull(text, "text is null");
        }
    }

    /** {@code python_str_format}: returns the JSON string {@code "input-event-" + str(event)}. */
    record PythonStrFormat() implements LambdaBehaviour {}

    /** {@code sleep_then_identity}: returns its input after {@code sleep}, modelled on the engine's clock. */
    record SleepThenIdentity(Duration sleep) implements LambdaBehaviour {
        public SleepThenIdentity {
            requireNonNull(sleep, "sleep is null");
        }
    }

    /** {@code raise}: a function error with the Python runtime's error payload. */
    record Raise(String errorType, String errorMessage, List<String> stackTrace) implements LambdaBehaviour {
        public Raise {
            requireNonNull(errorType, "errorType is null");
            requireNonNull(errorMessage, "errorMessage is null");
            stackTrace = List.copyOf(stackTrace);
        }
    }

    /**
     * Reads a {@code needs.json} behaviour.
     *
     * @param stackTrace the stack trace a {@code raise} behaviour reports (ignored by the other kinds)
     */
    static LambdaBehaviour fromJson(JsonNode behaviour, List<String> stackTrace) {
        String kind = behaviour.path("kind").asText();
        return switch (kind) {
            case "identity" -> new Identity();
            case "constant" -> new Constant(behaviour.path("returns"));
            case "raw_payload" -> new RawPayload(behaviour.path("payload").asText());
            case "raw_payload_repeat" -> new RawPayloadRepeat(
                    behaviour.path("char").asText(), behaviour.path("count").asInt());
            case "python_str_format" -> new PythonStrFormat();
            case "sleep_then_identity" -> new SleepThenIdentity(
                    Duration.ofMillis(Math.round(behaviour.path("sleep_seconds").asDouble() * 1000)));
            case "raise" -> new Raise(
                    behaviour.path("errorType").asText(), behaviour.path("errorMessage").asText(), stackTrace);
            default -> throw new IllegalArgumentException("unknown Lambda behaviour kind '" + kind + "'");
        };
    }
}
