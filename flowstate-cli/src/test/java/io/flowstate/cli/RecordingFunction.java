package io.flowstate.cli;

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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A task function for the crash tests, served over HTTP in the test's own JVM (so it outlives the killed server):
 * each call is recorded with the server generation ({@link #epoch}) it came from and when it was answered, then
 * answered after a pause of {@code minMillis..maxMillis} with the payload plus {@code "done": true}. The pause
 * keeps calls in flight long enough for a kill to catch some of them.
 */
final class RecordingFunction implements AutoCloseable {
    /** One call: the payload's {@code id}, the server generation that made it, and when (if) the reply was sent. */
    static final class Call {
        final String id;
        final int epoch;
        /** {@code System.nanoTime()} once the reply was written; -1 while in flight or if writing it failed. */
        volatile long answeredNanos = -1;

        Call(String id, int epoch) {
            this.id = id;
            this.epoch = epoch;
        }
    }

    private final HttpServer server;
    private final int minMillis;
    private final int maxMillis;
    private final List<Call> calls = new ArrayList<>();
    private volatile int epoch;

    RecordingFunction(int minMillis, int maxMillis) throws IOException {
        this.minMillis = minMillis;
        this.maxMillis = maxMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/work", this::handle);
        server.start();
    }

    /** Where the routing file sends the calls. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/work");
    }

    /** Calls from now on come from the next server generation (called once the previous one is dead). */
    void nextEpoch() {
        epoch++;
    }

    /** Every call so far, in arrival order. */
    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode payload = Json.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Call call = new Call(payload.path("id").asText(), epoch);
            synchronized (calls) {
                calls.add(call);
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(minMillis, maxMillis + 1));
            ObjectNode result = ((ObjectNode) payload.deepCopy()).put("done", true);
            byte[] body = Json.write(result).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            call.answeredNanos = System.nanoTime();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the server that called was killed while the call was in flight: no reply reached it
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
