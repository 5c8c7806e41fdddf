package io.flowstate.integrations.logs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.history.PayloadWriter;
import java.util.List;

/**
 * The messages AWS writes to a log group for history events: one JSON object per event, with {@code id},
 * {@code type}, {@code details} (the event's details as in GetExecutionHistory), {@code previous_event_id},
 * {@code event_timestamp} (epoch milliseconds), {@code execution_arn} and {@code redrive_count}, the numbers as
 * strings. Without {@code includeExecutionData} the payloads (input, output, parameters, assigned variables) and
 * their {@code *Details} are left out.
 */
public final class LogEvents {
    /** The payload fields includeExecutionData governs. */
    private static final List<String> DATA = List.of("input", "output", "parameters", "assignedVariables");

    /** Renders no payload: for messages that leave payloads out anyway. */
    private static final PayloadWriter NO_PAYLOADS = payload -> "";

    private LogEvents() {}

    /** The log message of {@code e}. */
    public static String message(HistoryEvent e, String executionArn, int redriveCount, boolean includeData,
            PayloadWriter payloads) {
        ObjectNode n = Json.object();
        n.put("id", Long.toString(e.id()));
        n.put("type", e.type().awsName());
        // Without execution data the payloads are dropped below: not rendering them is most of the cost saved.
        ObjectNode details = HistoryJson.details(e, includeData ? payloads : NO_PAYLOADS);
        if (!includeData) {
            for (String f : DATA) {
                details.remove(f);
                details.remove(f + "Details");
            }
        }
        n.set("details", details);
        n.put("previous_event_id", Long.toString(e.previousEventId()));
        n.put("event_timestamp", Long.toString(e.timestamp().toEpochMilli()));
        n.put("execution_arn", executionArn);
        n.put("redrive_count", Integer.toString(redriveCount));
        return Json.write(n);
    }
}
