package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.engine.task.TraceContext;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda through its Invoke API, both ways a state machine calls it:
 * <ul>
 *   <li>the function ARN as Resource: the input is the payload, the function's payload is the result
 *       ({@code LambdaFunction*} events);</li>
 *   <li>{@code arn:aws:states:::lambda:invoke}: Invoke's parameters, and its response wrapped as AWS wraps it
 *       ({@code Payload}, {@code StatusCode}, {@code ExecutedVersion}, SDK metadata).</li>
 * </ul>
 * A function error (the {@code X-Amz-Function-Error} header) fails the task with the payload's {@code errorType}
 * and the payload as cause; Lambda's service errors are named {@code Lambda.<Exception>}. A traced call carries
 * the Task span's context in X-Ray's {@code X-Amzn-Trace-Id} header.
 */
final class LambdaIntegration {
    static final ServiceErrors.V1Service ERRORS =
            new ServiceErrors.V1Service("Lambda", "AWSLambda", "AWSLambdaException", "LambdaException");
    private static final int MAX_RESULT_BYTES = 256 * 1024;

    private final SdkClients clients;

    LambdaIntegration(SdkClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    private LambdaClient client() {
        return (LambdaClient) clients.client(SdkCall.service("lambda"));
    }

    /** The function ARN as Resource, called inside {@code trace}. */
    TaskOutcome function(String arn, JsonNode input, Optional<TraceContext> trace) {
        InvokeResponse response;
        try {
            response = client().invoke(traced(InvokeRequest.builder().functionName(arn)
                    .payload(SdkBytes.fromUtf8String(Json.write(input))), trace).build());
        } catch (SdkException e) {
            return ServiceErrors.v1Style(ERRORS, e);
        }
        String payload = payload(response);
        if (response.functionError() != null) {
            return functionError(payload, false);
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_RESULT_BYTES) {
            return tooLarge(arn);
        }
        return JsonText.tryParse(payload).<TaskOutcome>map(TaskOutcome.Success::new).orElseGet(() ->
                TaskOutcome.Failure.of("Lambda.Unknown", "The Lambda function returned a payload that is not JSON"));
    }

    /** {@code lambda:invoke} with Invoke's parameters, called inside {@code trace}. */
    TaskOutcome invoke(JsonNode params, Optional<TraceContext> trace) {
        InvokeRequest.Builder request = InvokeRequest.builder().functionName(params.path("FunctionName").asText());
        // As Lambda's Invoke API: a string Payload is sent as it is, an absent or null one as {}.
        JsonNode p = params.path("Payload");
        request.payload(SdkBytes.fromUtf8String(p.isMissingNode() || p.isNull() ? "{}"
                : p.isTextual() ? p.textValue() : Json.write(p)));
        text(params, "Qualifier").ifPresent(request::qualifier);
        text(params, "InvocationType").ifPresent(request::invocationType);
        text(params, "LogType").ifPresent(request::logType);
        text(params, "ClientContext").ifPresent(request::clientContext);
        InvokeResponse response;
        try {
            response = client().invoke(traced(request, trace).build());
        } catch (SdkException e) {
            return ServiceErrors.v1Style(ERRORS, e);
        }
        String payload = payload(response);
        if (response.functionError() != null) {
            return functionError(payload, true);
        }
        if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_RESULT_BYTES) {
            return tooLarge("lambda");
        }
        ObjectNode out = Json.object();
        if (response.executedVersion() != null) {
            out.put("ExecutedVersion", response.executedVersion());
        }
        if (response.logResult() != null) {
            out.put("LogResult", response.logResult());
        }
        out.set("Payload", payload.isEmpty() ? Json.nodes().nullNode()
                : JsonText.tryParse(payload).orElseGet(() -> Json.nodes().textNode(payload)));
        SdkMetadata.add(out, response);
        out.put("StatusCode", response.statusCode());
        return new TaskOutcome.Success(out);
    }

    /**
     * The request with X-Ray's trace header, as Step Functions sends it to Lambda, so that the function's own
     * segments (and anything it calls) join the execution's trace.
     */
    private static InvokeRequest.Builder traced(InvokeRequest.Builder request, Optional<TraceContext> trace) {
        trace.ifPresent(t -> request.overrideConfiguration(o -> o.putHeader("X-Amzn-Trace-Id", t.xrayHeader())));
        return request;
    }

    private static String payload(InvokeResponse response) {
        return response.payload() == null ? "" : response.payload().asUtf8String();
    }

    /**
     * The function raised: its error type names the failure. AWS passes the payload on verbatim for a function
     * ARN and re-serialises it compactly for {@code lambda:invoke}.
     */
    private static TaskOutcome functionError(String payload, boolean compact) {
        Optional<JsonNode> json = JsonText.tryParse(payload);
        String error = json.map(j -> j.path("errorType").asText(null)).orElse(null);
        String cause = compact ? json.map(Json::write).orElse(payload) : payload;
        return TaskOutcome.Failure.of(error != null ? error : "Lambda.Unknown", cause);
    }

    private static TaskOutcome tooLarge(String what) {
        return TaskOutcome.Failure.of("States.DataLimitExceeded", "The state/task '" + what
                + "' returned a result with a size exceeding the maximum number of bytes service limit.");
    }

    private static Optional<String> text(JsonNode params, String field) {
        JsonNode v = params.path(field);
        return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
