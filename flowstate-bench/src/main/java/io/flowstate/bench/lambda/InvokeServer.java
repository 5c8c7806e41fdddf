package io.flowstate.bench.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A Lambda Invoke API server on loopback serving the workloads' {@code bench-identity} function (a copy of the
 * input with {@code calls} incremented), the same for the raw SDK baseline and for Flowstate, so that the
 * benchmark measures what Flowstate adds to each call, not the function.
 */
final class InvokeServer implements AutoCloseable {
    private final HttpServer server;

    InvokeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void invoke(HttpExchange x) throws IOException {
        byte[] reply;
        try {
            JsonNode in = Json.parse(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ObjectNode out = in.isObject() ? ((ObjectNode) in).deepCopy() : Json.object();
            out.put("calls", in.path("calls").asInt(0) + 1);
            reply = Json.write(out).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            reply = "{\"errorMessage\":\"bad payload\",\"errorType\":\"ValueError\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
        }
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        x.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
        x.sendResponseHeaders(200, reply.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(reply);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
