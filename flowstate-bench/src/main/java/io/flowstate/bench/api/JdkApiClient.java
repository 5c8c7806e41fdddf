package io.flowstate.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The JDK's {@code java.net.http} client (HTTP/1.1, its own connection pool), shared by every thread: what a
 * Java program without the AWS SDK would use. Kept beside {@link RawApiClient} so the cost of a heavy client
 * stays visible.
 */
record JdkApiClient(HttpClient http, URI endpoint) implements ApiClient {
    static JdkApiClient create(URI endpoint) {
        return new JdkApiClient(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), endpoint);
    }

    @Override
    public JsonNode call(String operation, ObjectNode body) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.mapper().writeValueAsBytes(body)));
        SdkHeaders.forOperation(operation).forEach(req::header);
        HttpResponse<byte[]> res = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        return ApiClient.ok(operation, res.statusCode(), res.body());
    }

    @Override
    public void close() {
        // shared by every worker; closed with the benchmark
    }
}
