package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Invoke: {@code RequestResponse} (200, the function's payload, {@code X-Amz-Function-Error} for a function
 * error), {@code Event} (202 at once, the function runs in the background), {@code DryRun} (204), as the Lambda
 * API reference describes them, with the payload limits of Lambda's quotas (6 MB synchronous, 1 MB asynchronous).
 */
final class InvokeApi {
    static final int MAX_SYNC_PAYLOAD = 6_291_456;
    static final int MAX_ASYNC_PAYLOAD = 1_048_576;
    private static final List<String> TYPES = List.of("Event", "RequestResponse", "DryRun");
    private static final List<String> LOG_TYPES = List.of("None", "Tail");

    private final FunctionLookup lookup;
    private final ExecutorService background;
    private final Consumer<String> serverLog;

    InvokeApi(FunctionLookup lookup, ExecutorService background, Consumer<String> serverLog) {
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.background = requireNonNull(background, "background is null");
        this.serverLog = requireNonNull(serverLog, "serverLog is null");
    }

    /** What Invoke's headers and query ask for, checked before the body is read. */
    record Call(FunctionRef ref, Optional<String> qualifier, String type, boolean tail, Optional<String> context) {
        long maxPayload() {
            return type.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD;
        }
    }

    Call call(String function, Optional<String> qualifier, Optional<String> type, Optional<String> logType,
              Optional<String> clientContext) {
        FunctionRef ref = FunctionRef.parse(function);
        String t = checkEnum("invocationType", type.orElse("RequestResponse"), TYPES);
        String log = checkEnum("logType", logType.orElse("None"), LOG_TYPES);
        return new Call(ref, FunctionLookup.qualifier(ref, qualifier), t, log.equals("Tail"),
                clientContext.map(InvokeApi::decodeContext));
    }

    /** Lambda's answer to a payload over the limit, {@code N byte payload is too large for the ... type}. */
    static LambdaException tooLarge(Call call, long size) {
        String message = size < 0 ? "Request must be smaller than " + MAX_SYNC_PAYLOAD + " bytes for the"
                + " InvokeFunction operation" : size + " byte payload is too large for the " + call.type()
                + " invocation type (limit " + call.maxPayload() + " bytes)";
        return LambdaError.REQUEST_ENTITY_TOO_LARGE.exception(message);
    }

    Reply invoke(Call call, byte[] body, String requestId) throws InterruptedException {
        Deployed function = lookup.find(call.ref(), call.qualifier()).orElseThrow(() -> notFound(call));
        String payload = body.length == 0 ? "{}" : checkJson(body);
        Invocation invocation = new Invocation(requestId, payload, lookup.invokedArn(call.ref(), call.qualifier()),
                call.context());
        switch (call.type()) {
            case "DryRun" -> {
                return Reply.empty(204);
            }
            case "Event" -> {
                background.submit(() -> runInBackground(function, invocation));
                return Reply.empty(202);
            }
            default -> {
                InvokeResult result = function.runtime().invoke(invocation);
                // The headers AWS sends with an Invoke answer, all of them (Connection and Date come from the
                // handler): Step Functions' lambda:invoke shows them to the state machine (SdkHttpMetadata), so a
                // missing one changes its output.
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("Content-Type", Reply.JSON);
                headers.put("X-Amz-Executed-Version", "$LATEST");
                result.functionError().ifPresent(e -> headers.put("X-Amz-Function-Error", e));
                if (call.tail()) {
                    headers.put("X-Amz-Log-Result", ExecutionLog.tail(result.log()));
                }
                headers.put("x-amzn-Remapped-Content-Length", "0");
                headers.put("X-Amzn-Trace-Id", traceId());
                return new Reply(200, headers, result.payload());
            }
        }
    }

    /**
     * Invoke names the version it looked for: an unqualified name that does not exist is reported as
     * {@code ...:function:NAME:$LATEST} (as recorded from AWS in the conformance corpus, error_handling/
     * task_service_lambda.no_such_function), unlike GetFunction's message.
     */
    private LambdaException notFound(Call call) {
        return lookup.notFound(call.ref(), call.qualifier().or(() -> Optional.of("$LATEST")));
    }

    /** An X-Ray trace header in AWS's shape: {@code root=1-<epoch seconds, hex>-<96 random bits, hex>;sampled=0}. */
    private static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format("root=1-%08x-%08x%016x;sampled=0", System.currentTimeMillis() / 1000,
                random.nextInt(), random.nextLong());
    }

    private void runInBackground(Deployed function, Invocation invocation) {
        try {
            InvokeResult result = function.runtime().invoke(invocation);
            result.functionError().ifPresent(e -> serverLog.accept("asynchronous invocation "
                    + invocation.requestId() + " of " + function.config().name() + " failed: "
                    + new String(result.payload(), StandardCharsets.UTF_8)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (LambdaException e) {
            serverLog.accept("asynchronous invocation " + invocation.requestId() + " of "
                    + function.config().name() + " not run: " + e.getMessage());
        }
    }

    private static String checkJson(byte[] body) {
        try {
            // Blank is no payload, which the function receives as {} (as Invoke without a payload does).
            return LambdaJson.parse(body).isMissingNode() ? "{}" : new String(body, StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw LambdaError.INVALID_REQUEST_CONTENT.exception("Could not parse request body into json: Could not"
                    + " parse payload into json: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw LambdaError.INVALID_REQUEST_CONTENT.exception("Could not parse request body into json: "
                    + e.getMessage());
        }
    }

    private static String checkEnum(String member, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw LambdaException.validation(member, value, "Member must satisfy enum value set: " + allowed);
        }
        return value;
    }

    private static String decodeContext(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaError.INVALID_REQUEST_CONTENT.exception("Client context must be a valid Base64-encoded JSON"
                    + " object.");
        }
    }
}
