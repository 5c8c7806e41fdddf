package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A local process per call: the payload on its stdin, its stdout the reply. A non-zero exit fails the call: with
 * the {@code errorType} of a JSON error it printed ({@code {"errorType": ..., "errorMessage": ...}}, the shape
 * Lambda runtimes report), else {@code States.TaskFailed} with the end of its stderr as the cause.
 */
public final class CommandFunction implements PayloadFunction {
    private static final int STDERR_TAIL = 2000;
    private final Target.Command command;

    public CommandFunction(Target.Command command) {
        this.command = requireNonNull(command, "command is null");
    }

    @Override
    public Reply call(String payload) {
        ProcessBuilder pb = new ProcessBuilder(command.argv());
        command.directory().ifPresent(d -> pb.directory(d.toFile()));
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Reply.Error("States.TaskFailed", "Cannot run " + command.argv() + ": " + e.getMessage());
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(payload.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the process did not read its input; its exit status tells what happened
        }
        try {
            if (!p.waitFor(command.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new Reply.Error("States.TaskFailed", command.argv() + " did not finish within "
                        + command.timeout().toSeconds() + " seconds");
            }
            String stdout = out.join();
            if (p.exitValue() == 0) {
                return new Reply.Ok(stdout.strip());
            }
            return failure(stdout.strip(), err.join(), p.exitValue());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Reply.Error("States.TaskFailed", "Interrupted while running " + command.argv());
        }
    }

    private Reply failure(String stdout, String stderr, int exit) {
        try {
            JsonNode json = Json.parse(stdout);
            if (json.path("errorType").isTextual()) {
                return new Reply.Error(json.get("errorType").textValue(), stdout);
            }
        } catch (IOException notJson) {
            // fall through: the cause is stderr's end
        }
        String tail = stderr.length() > STDERR_TAIL ? stderr.substring(stderr.length() - STDERR_TAIL) : stderr;
        return new Reply.Error("States.TaskFailed", command.argv() + " exited with " + exit + ": " + tail.strip());
    }

    private static CompletableFuture<String> drain(InputStream s) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (s) {
                f.complete(new String(s.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.complete("");
            }
        });
        return f;
    }
}
