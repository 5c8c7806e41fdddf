package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer: status, headers beyond {@code x-amzn-RequestId} (which the handler adds), body.
 *
 * @param headers in the order they are sent
 */
record Reply(int status, Map<String, String> headers, byte[] body) {
    static final String JSON = "application/json";

    Reply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        requireNonNull(body, "body is null");
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Map.of("Content-Type", JSON), LambdaJson.bytes(body));
    }

    /** A body-less answer (204, 202). */
    static Reply empty(int status) {
        return new Reply(status, Map.of(), new byte[0]);
    }

    /** Lambda's error shape: the code in {@code x-amzn-ErrorType}, {@code Type} and the message in the body. */
    static Reply error(LambdaException e) {
        LambdaError error = e.error();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("x-amzn-ErrorType", error.code());
        JsonNode body = LambdaJson.object().put("Type", error.type()).put(error.messageKey(), e.getMessage());
        return new Reply(error.status(), headers, LambdaJson.bytes(body));
    }
}
