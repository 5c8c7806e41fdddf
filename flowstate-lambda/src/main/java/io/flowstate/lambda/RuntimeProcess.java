package io.flowstate.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One warm execution environment: a child process running a bootstrap that loaded the handler once and answers
 * one invocation at a time (see {@code bootstrap.py} / {@code bootstrap.js}). Not thread-safe: the pool hands a
 * process to one invocation at a time.
 */
final class RuntimeProcess {
    /** How long an answer's log may trail behind it (normally it is already there). */
    private static final Duration LOG_GRACE = Duration.ofSeconds(2);
    private static final Optional<String> EOF = Optional.empty();

    private final Process process;
    private final OutputStream requests;
    private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
    private final LogStream log;

    private RuntimeProcess(Process process, String name, Consumer<String> sink) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.log = LogStream.read(process.getErrorStream(), "lambda-" + name + "-log", sink);
        Thread.ofPlatform().daemon().name("lambda-" + name + "-out").start(this::readAnswers);
    }

    /** Starts the bootstrap; {@link #awaitReady} then waits for its init phase. */
    static RuntimeProcess start(ProcessSpec spec, Consumer<String> sink) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.taskRoot().toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        return new RuntimeProcess(builder.start(), spec.name(), sink);
    }

    /** True once the handler is loaded (or failed to load, which the first invocation then reports). */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null || line.isEmpty()) {
                return false;
            }
            try {
                return LambdaJson.parse(line.get()).path("ready").asBoolean();
            } catch (IllegalArgumentException e) {
                // Something wrote to stdout before the bootstrap took it over (a sitecustomize, say): not ours.
            }
        }
    }

    /** Sends one invocation and waits for its answer, at most {@code timeout}. */
    Outcome invoke(JsonNode request, Duration timeout) throws InterruptedException {
        try {
            requests.write(LambdaJson.bytes(request));
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            return exited();
        }
        Optional<String> line = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            long memory = maxMemoryMb().orElse(0);
            kill();
            return new Outcome.TimedOut(log.drain(), memory);
        }
        if (line.isEmpty()) {
            return exited();
        }
        long memory = maxMemoryMb().orElse(0);
        return new Outcome.Answered(LambdaJson.parse(line.get()), log.awaitInvocation(LOG_GRACE), memory);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void kill() {
        process.destroyForcibly();
    }

    private Outcome exited() throws InterruptedException {
        process.waitFor(LOG_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        int code = process.isAlive() ? -1 : process.exitValue();
        kill();
        // Java reports a death by signal as 128 + the signal's number, as shells do.
        String status = switch (code) {
            case 137 -> "signal: killed";
            case 143 -> "signal: terminated";
            case 134 -> "signal: aborted";
            case 139 -> "signal: segmentation fault";
            default -> "exit status " + code;
        };
        return new Outcome.Exited(status, log.drain());
    }

    /** The process's peak resident memory, for REPORT's "Max Memory Used" (Linux only). */
    private OptionalLong maxMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone: the line goes without it.
        }
        return OptionalLong.empty();
    }

    private void readAnswers() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                answers.add(Optional.of(line));
            }
        } catch (IOException e) {
            // The process is gone.
        }
        answers.add(EOF);
    }

    /** How one invocation ended, seen from outside the process. */
    sealed interface Outcome {
        /** The bootstrap answered ({@code result} or {@code error}, and {@code exit} when it stops after this). */
        record Answered(JsonNode answer, String log, long maxMemoryMb) implements Outcome {}

        /** The function ran past its timeout; the process was killed. */
        record TimedOut(String log, long maxMemoryMb) implements Outcome {}

        /** The process died mid-invocation ({@code exit status 1}, {@code signal: killed}, ...). */
        record Exited(String status, String log) implements Outcome {}
    }
}
