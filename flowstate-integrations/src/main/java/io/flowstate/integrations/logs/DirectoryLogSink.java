package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Execution log events as files ({@code --logs-dir DIR}), for a machine without CloudWatch Logs: one JSON-lines
 * file per log group ({@code DIR/<group>.jsonl}, slashes in the name as {@code _}), each line one log event's
 * message (the JSON object AWS writes, which names its execution). Appended by one background thread in the order
 * queued, so an execution's events stay in order and the execution never waits on the disk.
 */
public final class DirectoryLogSink implements LogSink, AutoCloseable {
    private final Path dir;
    private final ExecutorService appender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("flowstate-logs-dir").daemon().factory());
    private final AtomicLong dropped = new AtomicLong();

    /** Writes under {@code dir}, created when missing. */
    public DirectoryLogSink(Path dir) {
        this.dir = requireNonNull(dir, "dir is null");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the logs directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The file of log group {@code groupName}. */
    public Path file(String groupName) {
        return dir.resolve(groupName.replaceAll("[/\\\\:]", "_") + ".jsonl");
    }

    @Override
    public void write(String groupName, String streamName, List<LogLine> lines, boolean last) {
        if (lines.isEmpty()) {
            return;
        }
        List<LogLine> copy = List.copyOf(lines);
        appender.execute(() -> {
            try (Writer w = Files.newBufferedWriter(file(groupName), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (LogLine l : copy) {
                    w.write(l.message());
                    w.write('\n');
                }
            } catch (IOException e) {
                dropped.addAndGet(copy.size());
                System.getLogger(DirectoryLogSink.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot write " + copy.size() + " log event(s) to " + file(groupName) + ": " + e.getMessage());
            }
        });
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Waits for what was queued to be written (tests, shutdown). */
    public void flush() throws InterruptedException {
        try {
            appender.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the log appender did not drain: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        appender.shutdown();
        try {
            appender.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
