package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Execution log events as files ({@code --logs-dir DIR}), for a machine without CloudWatch Logs: one JSON-lines
 * file per log group ({@code DIR/<group>.jsonl}, slashes in the name as {@code _}), each line one log event's
 * message (the JSON object AWS writes, which names its execution). One background thread appends in the order
 * queued, so an execution's events stay in order and the execution never waits on the disk; the files stay open
 * and are flushed whenever the queue runs dry. Lines beyond the {@link Backlog} are dropped and counted.
 */
public final class DirectoryLogSink implements LogSink, AutoCloseable {
    /** A group's lines, or (with {@code done}) a request to report once everything before it is written. */
    private record Batch(String group, List<LogLine> lines, CompletableFuture<Void> done) {}

    private final Path dir;
    private final LinkedBlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final Map<String, Writer> open = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final Backlog backlog;
    private final Thread appender;
    private volatile boolean closed;

    /** Writes under {@code dir}, created when missing. */
    public DirectoryLogSink(Path dir) {
        this(dir, Backlog.DEFAULT_LIMIT);
    }

    /** Writes under {@code dir}, holding at most {@code backlogLimit} lines not written yet. */
    DirectoryLogSink(Path dir, long backlogLimit) {
        this.dir = requireNonNull(dir, "dir is null");
        this.backlog = new Backlog(backlogLimit);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the logs directory " + dir + ": " + e.getMessage(), e);
        }
        this.appender = Thread.ofPlatform().name("flowstate-logs-dir").daemon().start(this::append);
    }

    /** The file of log group {@code groupName}. */
    public Path file(String groupName) {
        return dir.resolve(groupName.replaceAll("[/\\\\:]", "_") + ".jsonl");
    }

    @Override
    public void write(String groupName, String streamName, List<LogLine> lines, boolean last) {
        if (lines.isEmpty() || closed) {
            return;
        }
        if (!backlog.admit(lines.size())) {
            dropped.addAndGet(lines.size());
            return;
        }
        queue.add(new Batch(groupName, List.copyOf(lines), null));
    }

    private void append() {
        while (true) {
            Batch b;
            try {
                b = queue.poll();
                if (b == null) {
                    flushAll();
                    b = queue.take();
                }
            } catch (InterruptedException e) {
                flushAll();
                return;
            }
            if (b.done() != null) {
                flushAll();
                b.done().complete(null);
                if (closed && queue.isEmpty()) {
                    closeAll();
                    return;
                }
                continue;
            }
            try {
                Writer w = open.computeIfAbsent(b.group(), this::openFile);
                for (LogLine l : b.lines()) {
                    w.write(l.message());
                    w.write('\n');
                }
                backlog.written(b.lines().size());
            } catch (IOException | UncheckedIOException e) {
                backlog.written(b.lines().size());
                dropped.addAndGet(b.lines().size());
                open.remove(b.group());
                System.getLogger(DirectoryLogSink.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot write " + b.lines().size() + " log event(s) to " + file(b.group()) + ": " + e.getMessage());
            }
        }
    }

    private Writer openFile(String group) {
        try {
            return Files.newBufferedWriter(file(group), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void flushAll() {
        open.values().forEach(w -> {
            try {
                w.flush();
            } catch (IOException e) {
                // reported by the next write to it
            }
        });
    }

    private void closeAll() {
        open.values().forEach(w -> {
            try {
                w.close();
            } catch (IOException e) {
                // nothing more to write
            }
        });
        open.clear();
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Waits for what was queued to be written and flushed (tests, shutdown). */
    public void flush() throws InterruptedException {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Batch("", List.of(), done));
        try {
            done.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the log appender did not drain: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            flush();
            appender.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
