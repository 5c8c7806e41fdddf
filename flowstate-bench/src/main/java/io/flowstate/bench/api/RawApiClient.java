package io.flowstate.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;

/** One keep-alive connection per benchmark thread ({@link RawHttpConnection}), like a load generator. */
record RawApiClient(RawHttpConnection connection) implements ApiClient {
    static RawApiClient connect(String host, int port) {
        return new RawApiClient(new RawHttpConnection(host, port));
    }

    @Override
    public JsonNode call(String operation, ObjectNode body) throws Exception {
        RawHttpConnection.Response res = connection.post(SdkHeaders.forOperation(operation),
                Json.mapper().writeValueAsBytes(body));
        return ApiClient.ok(operation, res.status(), res.body());
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
