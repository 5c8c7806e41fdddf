package io.flowstate.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * History events that exercise every {@link EventDetails} type with optional fields both present and absent,
 * nanosecond timestamps and payloads of every JSON kind: what a durable store must give back unchanged.
 */
public final class StoredEvents {
    private StoredEvents() {}

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every details type at least once; ids 1..n, timestamps {@code t0} plus a few nanoseconds each. */
    public static List<HistoryEvent> everyDetailsType(Instant t0) {
        JsonNode payload = json("{\"s\":\"é \\u0000 \\\"q\\\"\",\"n\":-12,\"big\":123456789012345678901234567890,"
                + "\"d\":1.5e300,\"f\":0.1,\"b\":[true,false,null],\"o\":{},\"a\":[]}");
        Map<String, JsonNode> assigned = new LinkedHashMap<>();
        assigned.put("zeta", json("1"));
        assigned.put("alpha", json("{\"x\":[1,2]}"));
        List<EventDetails> details = List.of(
                EventDetails.NONE,
                new EventDetails.ExecutionStarted(payload, "arn:aws:iam::1:role/r", Optional.of("arn:alias"), Optional.empty()),
                new EventDetails.ExecutionStarted(json("\"text\""), "r", Optional.empty(), Optional.of("arn:version")),
                new EventDetails.Output(json("[1,\"two\",{\"three\":3}]")),
                new EventDetails.Failure(Optional.of("Err"), Optional.empty()),
                new EventDetails.Failure(Optional.empty(), Optional.of("only a cause")),
                new EventDetails.StateEntered("S", payload),
                new EventDetails.StateExited("S", json("null"), Optional.empty()),
                new EventDetails.StateExited("S", json("42"), Optional.of(assigned)),
                new EventDetails.TaskScheduled("lambda", "invoke", "us-east-1", payload, Optional.of(99999999L), Optional.empty()),
                new EventDetails.TaskScheduled("sqs", "sendMessage.waitForTaskToken", "eu-west-1", json("{}"),
                        Optional.empty(), Optional.of(60L)),
                new EventDetails.TaskStarted("lambda", "invoke"),
                new EventDetails.TaskOutput("lambda", "invoke", json("{\"Payload\":{}}")),
                new EventDetails.TaskFailure("lambda", "invoke", Optional.of("States.Timeout"), Optional.empty()),
                new EventDetails.TaskFailure("lambda", "invoke", Optional.empty(), Optional.of("c")),
                new EventDetails.Scheduled("arn:aws:lambda:us-east-1:1:function:f", payload, Optional.of(5L), Optional.of(1L)),
                new EventDetails.Scheduled("arn:aws:states:us-east-1:1:activity:a", json("{}"), Optional.empty(), Optional.empty()),
                new EventDetails.ActivityStarted(Optional.of("worker-1")),
                new EventDetails.ActivityStarted(Optional.empty()),
                new EventDetails.MapStateStarted(3),
                new EventDetails.MapIteration("M", 2),
                new EventDetails.MapRunStarted("arn:aws:states:us-east-1:1:mapRun:sm/M:1"),
                new EventDetails.Redriven(Optional.of("arn:mapRun"), 2),
                new EventDetails.Redriven(Optional.empty(), 0),
                new EventDetails.EvaluationFailed("States.Runtime", "bad path", Optional.of("InputPath"), "S"),
                new EventDetails.EvaluationFailed("States.Runtime", "bad", Optional.empty(), "S"));
        EventType[] types = EventType.values();
        List<HistoryEvent> out = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            out.add(new HistoryEvent(i + 1, i, t0.plusNanos(i * 1_000_001L + 7), types[i % types.length], details.get(i)));
        }
        return out;
    }
}
