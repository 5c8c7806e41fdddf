package io.flowstate.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server speaking Lambda's Invoke API ({@code POST /2015-03-31/functions/NAME/invocations}) whose every
 * function answers {@code {"echo": <payload>}}; it records each call's function and request headers.
 */
final class EchoLambda implements AutoCloseable {
    /** One call: the function as named in the path, and the request's headers. */
    record Call(String function, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    EchoLambda() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void invoke(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String target = URLDecoder.decode(path.substring("/2015-03-31/functions/".length(),
                path.length() - "/invocations".length()), StandardCharsets.UTF_8);
        String payload = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        calls.add(new Call(target, Map.copyOf(x.getRequestHeaders())));
        byte[] out = ("{\"echo\":" + (payload.isBlank() ? "{}" : payload) + "}").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.getResponseHeaders().add("x-amzn-RequestId", "req-1");
        x.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        x.sendResponseHeaders(200, out.length);
        try (var body = x.getResponseBody()) {
            body.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
