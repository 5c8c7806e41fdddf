package io.flowstate.integrations.logs;

import java.util.List;

/**
 * Where execution log events go: CloudWatch Logs ({@link CloudWatchLogsWriter}) or files ({@link DirectoryLogSink},
 * {@code --logs-dir}). Called on the execution's thread after a commit; an implementation queues and returns, and
 * never fails the caller.
 */
public interface LogSink {
    /**
     * Queues {@code lines} for the stream {@code streamName} of {@code groupName}, after what was queued for it
     * before; {@code last}: nothing more will come for the stream.
     */
    void write(String groupName, String streamName, List<LogLine> lines, boolean last);

    /** How many events were dropped because the destination could not take them (a logs outage). */
    long dropped();
}
