package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.UUID;

/**
 * An in-process stand-in for one Lambda function of a case, behaving as the corpus's Python handler did.
 *
 * <p>{@link #invoke} never sleeps: a function that ran for a while in AWS reports that time as
 * {@link #duration()}, and the engine makes the result available that much later on its own clock (so a
 * 60-second function against {@code TimeoutSeconds: 5} times out without anyone waiting).
 *
 * @param name the function name (what {@code __LAMBDA_n_NAME__} was replaced with)
 * @param arn the unqualified function ARN (what {@code __LAMBDA_n_ARN__} was replaced with)
 * @param behaviour what the function does
 */
public record LambdaFunction(String name, String arn, LambdaBehaviour behaviour) {
    public LambdaFunction {
        requireNonNull(name, "name is null");
        requireNonNull(arn, "arn is null");
        requireNonNull(behaviour, "behaviour is null");
    }

    /** How long one invocation runs before its result is available. */
    public Duration duration() {
        return behaviour instanceof LambdaBehaviour.SleepThenIdentity sleep ? sleep.sleep() : Duration.ZERO;
    }

    /**
     * Invokes the function with the Invoke request payload (the JSON text Step Functions sends).
     *
     * @throws IllegalArgumentException when {@code payload} is not JSON (Lambda's Python runtime would fail too)
     */
    public LambdaResult invoke(String payload) {
        return switch (behaviour) {
            case LambdaBehaviour.Identity identity -> returning(Json.parse(payload));
            case LambdaBehaviour.SleepThenIdentity sleep -> returning(Json.parse(payload));
            case LambdaBehaviour.Constant constant -> returning(constant.returns());
            case LambdaBehaviour.RawPayload raw -> new LambdaResult.Success(raw.payload());
            case LambdaBehaviour.RawPayloadRepeat repeat ->
                    new LambdaResult.Success(repeat.text().repeat(repeat.count()));
            case LambdaBehaviour.PythonStrFormat format -> returning(JsonNodeFactory.instance.textNode(
                    "input-event-" + PythonText.str(Json.parse(payload))));
            case LambdaBehaviour.Raise raise -> new LambdaResult.FunctionError(raise.errorType(), errorPayload(raise));
        };
    }

    private static LambdaResult returning(JsonNode value) {
        return new LambdaResult.Success(PythonText.jsonDumps(value));
    }

    private static String errorPayload(LambdaBehaviour.Raise raise) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("errorMessage", raise.errorMessage());
        error.put("errorType", raise.errorType());
        error.put("requestId", UUID.randomUUID().toString());
        raise.stackTrace().forEach(error.putArray("stackTrace")::add);
        return PythonText.jsonDumps(error);
    }
}
