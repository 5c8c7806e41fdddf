package io.flowstate.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.nio.charset.StandardCharsets;

/**
 * How the benchmark talks to the API: one AWS JSON 1.0 call, with the SDK's headers, answered 200 with a JSON
 * object (anything else is thrown). An instance belongs to one benchmark thread.
 */
sealed interface ApiClient extends AutoCloseable permits JdkApiClient, RawApiClient {
    /** Calls {@code operation} with {@code body} and returns the parsed response. */
    JsonNode call(String operation, ObjectNode body) throws Exception;

    @Override
    void close() throws java.io.IOException;

    /** The response body as JSON, when the status is 200. */
    static JsonNode ok(String operation, int status, byte[] body) throws Exception {
        if (status != 200) {
            throw new IllegalStateException(operation + " answered " + status + ": "
                    + new String(body, StandardCharsets.UTF_8));
        }
        return Json.mapper().readTree(body);
    }
}
