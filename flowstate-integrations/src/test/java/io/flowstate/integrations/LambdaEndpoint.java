package io.flowstate.integrations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;

/**
 * A real HTTP server speaking Lambda's Invoke API ({@code POST /2015-03-31/functions/NAME/invocations}) for
 * functions given as text transformers: what a test needs of {@code sam local start-lambda}. A function that
 * throws answers as Lambda's runtime does, with {@code X-Amz-Function-Error: Unhandled} and an error payload;
 * an unknown function answers Lambda's 404 {@code ResourceNotFoundException}.
 */
final class LambdaEndpoint implements AutoCloseable {
    /** What a function raises: its type and message, as the runtime reports them. */
    static final class FunctionError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String type;

        FunctionError(String type, String message) {
            super(message);
            this.type = type;
        }
    }

    private final HttpServer server;
    private final Map<String, UnaryOperator<String>> functions = new ConcurrentHashMap<>();

    LambdaEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/2015-03-31/functions/", this::invoke);
        server.start();
    }

    /** Binds {@code name} to {@code fn} (payload text in, payload text out). */
    LambdaEndpoint function(String name, UnaryOperator<String> fn) {
        functions.put(name, fn);
        return this;
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void invoke(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath();
        String target = URLDecoder.decode(path.substring("/2015-03-31/functions/".length(),
                path.length() - "/invocations".length()), StandardCharsets.UTF_8);
        String name = target.startsWith("arn:") ? target.split(":")[6] : target;
        String payload = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        x.getResponseHeaders().add("x-amzn-RequestId", "req-1");
        x.getResponseHeaders().add("Content-Type", "application/json");
        UnaryOperator<String> fn = functions.get(name);
        if (fn == null) {
            x.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
            reply(x, 404, "{\"Type\":\"User\",\"message\":\"Function not found: arn:aws:lambda:us-east-1:123456789012:function:"
                    + name + "\"}");
            return;
        }
        x.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
        try {
            reply(x, 200, fn.apply(payload));
        } catch (FunctionError e) {
            x.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            reply(x, 200, "{\"errorMessage\": \"" + e.getMessage() + "\", \"errorType\": \"" + e.type
                    + "\", \"requestId\": \"req-1\", \"stackTrace\": []}");
        }
    }

    private static void reply(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
