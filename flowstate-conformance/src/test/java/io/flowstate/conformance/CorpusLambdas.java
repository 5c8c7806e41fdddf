package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.engine.task.lambda.LambdaInvokeOutput;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The case's Lambda functions as a task handler, for both ways a state machine calls Lambda: the function
 * ARN as Resource (the bare payload comes back) and {@code arn:aws:states:::lambda:invoke} (the payload wrapped
 * in Invoke's response). A function that does not exist fails as AWS's Lambda does.
 */
final class CorpusLambdas implements TaskHandler {
    private static final String INVOKE = "arn:aws:states:::lambda:invoke";

    private final Map<String, LambdaFunction> byArn;
    private final InstantSource clock;

    CorpusLambdas(Map<String, LambdaFunction> byArn, InstantSource clock) {
        this.byArn = byArn;
        this.clock = clock;
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        if (inv.resource().startsWith(INVOKE)) {
            JsonNode fn = inv.input().path("FunctionName");
            // As Lambda's Invoke API: a string Payload is sent as it is, an absent or null one as {}.
            JsonNode p = inv.input().path("Payload");
            String payload = p.isMissingNode() || p.isNull() ? "{}" : p.isTextual() ? p.textValue() : Json.write(p);
            return call(fn.asText(), payload, true);
        }
        return call(inv.resource(), Json.write(inv.input()), false);
    }

    private TaskOutcome call(String nameOrArn, String payload, boolean invokeIntegration) {
        String arn = nameOrArn.startsWith("arn:") ? unqualified(nameOrArn) : Arns.lambdaFunction(nameOrArn);
        LambdaFunction fn = byArn.get(arn);
        if (fn == null) {
            return TaskOutcome.Failure.of("Lambda.ResourceNotFoundException", "Function not found: " + arn
                    + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
                    + UUID.randomUUID() + "; Proxy: null)");
        }
        TaskOutcome outcome = switch (fn.invoke(payload)) {
            case LambdaResult.Success s when s.payload().getBytes(StandardCharsets.UTF_8).length > 256 * 1024 ->
                    TaskOutcome.Failure.of("States.DataLimitExceeded", "The state/task '" + (invokeIntegration ? "lambda" : arn)
                            + "' returned a result with a size exceeding the maximum number of bytes service limit.");
            case LambdaResult.Success s -> {
                Optional<JsonNode> json = s.json();
                if (json.isEmpty()) {
                    yield TaskOutcome.Failure.of("Lambda.Unknown", "The Lambda function returned a payload that is not JSON");
                }
                yield new TaskOutcome.Success(invokeIntegration
                        ? LambdaInvokeOutput.of(json.get(), s.payload().getBytes(StandardCharsets.UTF_8).length, clock.instant())
                        : json.get());
            }
            case LambdaResult.FunctionError e -> TaskOutcome.Failure.of(e.errorType(),
                    invokeIntegration ? Json.tryParse(e.cause()).map(Json::write).orElse(e.cause()) : e.cause());
        };
        return fn.duration().isZero() ? outcome : new TaskOutcome.Delayed(fn.duration(), outcome);
    }

    private static String unqualified(String arn) {
        String[] parts = arn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : arn;
    }
}
