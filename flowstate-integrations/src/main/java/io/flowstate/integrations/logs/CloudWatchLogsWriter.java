package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import io.flowstate.integrations.sdk.SdkClients;
import io.flowstate.integrations.sdk.SdkService;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Writes log events to CloudWatch Logs with PutLogEvents, through the {@code cloudwatchlogs} client of
 * {@link SdkClients} (routed by {@code AWS_ENDPOINT_URL_CLOUDWATCH_LOGS} / {@code AWS_ENDPOINT_URL} like every
 * call). Off the caller's thread: each stream has an ordered queue of batches, drained by one virtual thread at
 * a time, so that an execution's events arrive in order while the execution goes on. The stream is created
 * before its first batch. A failed call is logged and its batch dropped: logging never holds an execution up.
 * Lines beyond the {@link Backlog} (CloudWatch Logs slower than the executions, or down) are dropped and counted.
 */
public final class CloudWatchLogsWriter implements LogSink {
    /** PutLogEvents takes at most 10,000 events per call; smaller calls keep each request well under 1 MB. */
    private static final int MAX_BATCH = 500;

    private final SdkClients clients;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    private final Backlog backlog;

    /** A writer calling CloudWatch Logs where {@code clients} route it. */
    public CloudWatchLogsWriter(SdkClients clients) {
        this(clients, Backlog.DEFAULT_LIMIT);
    }

    /** A writer holding at most {@code backlogLimit} lines not written yet. */
    CloudWatchLogsWriter(SdkClients clients, long backlogLimit) {
        this.clients = requireNonNull(clients, "clients is null");
        this.backlog = new Backlog(backlogLimit);
    }

    /** The pending batches of one stream, and whether a thread drains them. */
    private static final class Stream {
        final String group;
        final String name;
        final Queue<List<LogLine>> pending = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        boolean created;

        Stream(String group, String name) {
            this.group = group;
            this.name = name;
        }
    }

    /**
     * Queues {@code lines} for the stream {@code streamName} of {@code groupName}, after what was queued for it
     * before. {@code last} says no more will come for the stream (the execution ended): its state is dropped
     * once written.
     */
    @Override
    public void write(String groupName, String streamName, List<LogLine> lines, boolean last) {
        String key = groupName + '\n' + streamName;
        Stream s = streams.computeIfAbsent(key, k -> new Stream(groupName, streamName));
        if (!lines.isEmpty()) {
            if (backlog.admit(lines.size())) {
                s.pending.add(List.copyOf(lines));
            } else {
                dropped.addAndGet(lines.size());
            }
        }
        if (last) {
            s.pending.add(List.of()); // the marker: drop the stream's state once everything before it is written
        }
        drain(key, s);
    }

    private void drain(String key, Stream s) {
        if (!s.draining.compareAndSet(false, true)) {
            return; // the thread draining it will take this batch too
        }
        Thread.ofVirtual().name("flowstate-logs").start(() -> {
            try {
                List<LogLine> batch;
                while ((batch = s.pending.poll()) != null) {
                    if (batch.isEmpty()) {
                        streams.remove(key, s);
                    } else {
                        put(s, batch);
                        backlog.written(batch.size());
                    }
                }
            } finally {
                s.draining.set(false);
            }
            // A batch queued after the loop ended and before the flag was cleared has no thread yet.
            if (!s.pending.isEmpty()) {
                drain(key, s);
            }
        });
    }

    private void put(Stream s, List<LogLine> batch) {
        try {
            CloudWatchLogsClient logs = client();
            if (!s.created) {
                try {
                    logs.createLogStream(b -> b.logGroupName(s.group).logStreamName(s.name));
                } catch (ResourceAlreadyExistsException e) {
                    // written to before (a redriven execution)
                }
                s.created = true;
            }
            for (int i = 0; i < batch.size(); i += MAX_BATCH) {
                List<InputLogEvent> events = batch.subList(i, Math.min(batch.size(), i + MAX_BATCH)).stream()
                        .map(l -> InputLogEvent.builder().timestamp(l.timestamp().toEpochMilli()).message(l.message()).build())
                        .toList();
                logs.putLogEvents(b -> b.logGroupName(s.group).logStreamName(s.name).logEvents(events));
            }
        } catch (RuntimeException e) {
            dropped.addAndGet(batch.size());
            System.getLogger(CloudWatchLogsWriter.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot write " + batch.size() + " log event(s) to " + s.group + " " + s.name + ": " + e.getMessage());
        }
    }

    private CloudWatchLogsClient client() {
        return (CloudWatchLogsClient) clients.client(SdkService.find("cloudwatchlogs")
                .orElseThrow(() -> new IllegalStateException("the CloudWatch Logs SDK module is missing")));
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Whether some stream still has events to write (for tests and shutdown). */
    public boolean busy() {
        return streams.values().stream().anyMatch(s -> !s.pending.isEmpty() || s.draining.get());
    }
}
