package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A function process's log stream (its stderr, where the bootstrap also sends the function's stdout), read on its
 * own thread. Every line goes to the server's log as it comes; the lines of one invocation are kept until the
 * bootstrap's end marker, so Invoke's {@code LogType: Tail} gets exactly that invocation's output however the
 * answer and the log race through their two pipes. Lines before the first invocation (the init phase) count
 * towards the first invocation, as there is nobody else to show them to.
 */
final class LogStream {
    /** Written by the bootstraps after each invocation, then the request id. */
    static final String END_MARKER = "\u001eflowstate-end ";

    private final Consumer<String> sink;
    private final BlockingQueue<String> completed = new LinkedBlockingQueue<>();
    private final StringBuilder current = new StringBuilder();

    private LogStream(Consumer<String> sink) {
        this.sink = requireNonNull(sink, "sink is null");
    }

    /** Starts reading {@code in} on a daemon thread named {@code name}. */
    static LogStream read(InputStream in, String name, Consumer<String> sink) {
        LogStream log = new LogStream(sink);
        Thread.ofPlatform().daemon().name(name).start(() -> log.pump(in));
        return log;
    }

    /** The log of the invocation that just answered, waiting a little for its end marker. */
    String awaitInvocation(Duration wait) throws InterruptedException {
        String log = completed.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        return log != null ? log : drain();
    }

    /** What was logged since the last completed invocation (after a timeout or a crash: there is no marker). */
    synchronized String drain() {
        String log = current.toString();
        current.setLength(0);
        return log;
    }

    private void pump(InputStream in) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    line(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(b);
                }
            }
            if (line.size() > 0) {
                line(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        }
    }

    private void line(String text) {
        int marker = text.indexOf(END_MARKER);
        String content = marker < 0 ? text : text.substring(0, marker);
        if (marker < 0 || !content.isEmpty()) {
            sink.accept(content);
            synchronized (this) {
                current.append(content).append('\n');
            }
        }
        if (marker >= 0) {
            completed.add(drain());
        }
    }
}
