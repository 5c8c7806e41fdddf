package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.engine.task.lambda.LambdaInvokeOutput;
import io.flowstate.integrations.IntegrationResource;
import io.flowstate.integrations.JsonText;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A {@link PayloadFunction} as a task handler. For a Lambda resource it stands in for the function: the function
 * ARN sends the Task's parameters and returns the bare result; {@code lambda:invoke} sends the {@code Payload}
 * parameter and wraps the result as Invoke's response. For any other resource the parameters are the payload and
 * the reply is the result. An {@code errorType} reply fails the task with that name.
 */
public final class LocalFunction implements TaskHandler {
    private final PayloadFunction fn;
    private final InstantSource clock;

    public LocalFunction(PayloadFunction fn, InstantSource clock) {
        this.fn = requireNonNull(fn, "fn is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        IntegrationResource r = IntegrationResource.parse(inv.resource());
        boolean invokeApi = r.kind() == IntegrationResource.Kind.OPTIMIZED && r.service().equals("lambda");
        String payload;
        if (invokeApi) {
            JsonNode p = inv.input().path("Payload");
            payload = p.isMissingNode() || p.isNull() ? "{}" : p.isTextual() ? p.textValue() : Json.write(p);
        } else {
            payload = Json.write(inv.input());
        }
        return switch (fn.call(payload)) {
            case PayloadFunction.Reply.Error e -> TaskOutcome.Failure.of(e.errorType(), e.cause());
            case PayloadFunction.Reply.Ok ok -> {
                Optional<JsonNode> json = JsonText.tryParse(ok.text());
                if (r.kind() == IntegrationResource.Kind.LAMBDA_FUNCTION || invokeApi) {
                    if (json.isEmpty()) {
                        yield TaskOutcome.Failure.of("Lambda.Unknown", "The function returned a payload that is not JSON");
                    }
                    yield new TaskOutcome.Success(invokeApi ? LambdaInvokeOutput.of(json.get(),
                            ok.text().getBytes(StandardCharsets.UTF_8).length, clock.instant()) : json.get());
                }
                yield new TaskOutcome.Success(json.orElseGet(() -> Json.nodes().textNode(ok.text())));
            }
        };
    }
}
