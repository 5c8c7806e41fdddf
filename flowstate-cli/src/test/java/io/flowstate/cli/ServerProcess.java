package io.flowstate.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code flowstate server} in a child JVM (the test classpath and the current java), as a user runs it: ready
 * once it prints its "ready in" line, which also gives the time it took and the executions it resumed.
 * {@link #kill} is {@code kill -9}; {@link #close} kills too, so a failing test leaves no process behind.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern READY = Pattern.compile(
            "http://[^:]+:(\\d+) .*resumed (\\d+) execution\\(s\\), ready in (\\d+) ms");

    private final Process process;
    /** Everything it printed so far; the reader thread keeps adding to it (guarded by itself). */
    private final List<String> output;
    private final int port;
    private final int resumed;
    private final long readyMillis;

    private ServerProcess(Process process, List<String> output, int port, int resumed, long readyMillis) {
        this.port = port;
        this.process = process;
        this.output = output;
        this.resumed = resumed;
        this.readyMillis = readyMillis;
    }

    /** Starts a server on {@code port} with its SQLite database in {@code data}; waits until it is ready. */
    static ServerProcess start(Path data, int port) throws IOException, InterruptedException {
        return start(List.of("--port", Integer.toString(port), "--data", data.toString()));
    }

    /** Starts {@code flowstate server} with {@code options}; waits until it is ready. */
    static ServerProcess start(List<String> options) throws IOException, InterruptedException {
        return start(options, java.util.Map.of());
    }

    /** Starts {@code flowstate server} with {@code options} and more {@code environment}; waits until it is ready. */
    static ServerProcess start(List<String> options, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "server"));
        command.addAll(options);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(ServerRuns.TASK_ENVIRONMENT);
        pb.environment().putAll(environment);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.complete(m);
                    }
                }
            } catch (IOException e) {
                // the process died; the wait below reports its output
            }
            ready.completeExceptionally(new IllegalStateException("server exited before it was ready"));
        });
        try {
            Matcher m = ready.get(60, TimeUnit.SECONDS);
            return new ServerProcess(p, lines, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Long.parseLong(m.group(3)));
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly().waitFor();
            synchronized (lines) {
                throw new IllegalStateException("server did not become ready: " + String.join("\n", lines), e);
            }
        }
    }

    /** The port it serves on. */
    int port() {
        return port;
    }

    /** How many executions it resumed at startup. */
    int resumed() {
        return resumed;
    }

    /** The lines it printed so far. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Its own "ready in" figure. */
    long readyMillis() {
        return readyMillis;
    }

    /** {@code kill -9}, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server pid " + process.pid() + " did not die: " + output());
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
