package io.flowstate.integrations.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real moto server ({@code python3 -m moto.server}) as a child process on a free loopback port: the AWS
 * stand-in whose EventBridge and Secrets Manager APIs the connection tests call. It is ready when it logs that
 * it runs (no polling); its output is drained so the pipe never fills.
 */
final class MotoServer implements AutoCloseable {
    private final Process process;
    private final int port;

    MotoServer() {
        port = freePort();
        try {
            process = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1",
                    "-p", String.valueOf(port)).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start moto (python3 -m moto.server): " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> drain(out, ready));
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            close();
            throw new IllegalStateException("moto did not start on port " + port, e);
        }
    }

    private void drain(BufferedReader out, CompletableFuture<Void> ready) {
        try {
            StringBuilder seen = new StringBuilder();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!ready.isDone()) {
                    seen.append(line).append('\n');
                    if (line.contains("Running on")) {
                        ready.complete(null);
                    }
                }
            }
            ready.completeExceptionally(new IllegalStateException("moto exited:\n" + seen));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
