package io.flowstate.integrations.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.TreeWriter;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.history.PayloadWriter;

/**
 * The messages AWS writes to a log group for history events: one JSON object per event, with {@code id},
 * {@code type}, {@code details} (the event's details as in GetExecutionHistory), {@code previous_event_id},
 * {@code event_timestamp} (epoch milliseconds), {@code execution_arn} and {@code redrive_count}, the numbers as
 * strings. Without {@code includeExecutionData} the payloads (input, output, parameters, assigned variables) and
 * their {@code *Details} are left out.
 */
public final class LogEvents {
    private LogEvents() {}

    /** The log message of {@code e}. */
    public static String message(HistoryEvent e, String executionArn, int redriveCount, boolean includeData,
            PayloadWriter payloads) {
        // Without execution data the payloads are not rendered at all: that is most of the cost saved.
        ObjectNode details = HistoryJson.details(e, includeData ? payloads : PayloadWriter.OMITTED);
        // Written straight as text: building a tree around the details and serialising it cost more than the rest
        // of a logged execution (AWS's field order; the numbers are strings).
        StringBuilder out = new StringBuilder(256);
        out.append("{\"id\":\"").append(e.id()).append("\",\"type\":");
        TreeWriter.quote(e.type().awsName(), out);
        out.append(",\"details\":");
        TreeWriter.plain().write(details, out);
        out.append(",\"previous_event_id\":\"").append(e.previousEventId())
                .append("\",\"event_timestamp\":\"").append(e.timestamp().toEpochMilli()).append("\",\"execution_arn\":");
        TreeWriter.quote(executionArn, out);
        return out.append(",\"redrive_count\":\"").append(redriveCount).append("\"}").toString();
    }
}
