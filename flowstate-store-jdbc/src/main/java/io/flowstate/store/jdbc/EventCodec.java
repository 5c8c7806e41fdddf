package io.flowstate.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * History events as stored JSON, lossless where {@code HistoryJson} (AWS's API shape) is not: timestamps keep
 * their nanoseconds, every event keeps its details (also types AWS shows without them), absent optionals stay
 * absent, and payloads are embedded as JSON trees rather than strings. A payload reads back as the shared
 * {@link Json} mapper parses its text, which is how the engine reads every input; values the engine builds
 * in memory with another number node class (a {@code LongNode} 5) read back as the parsed class ({@code IntNode}
 * 5), equal as JSON.
 *
 * <p>The format is versioned by its keys: new optional keys may be added; a renamed key needs a migration.
 */
public final class EventCodec {
    private EventCodec() {}

    /** One event as compact JSON text. */
    public static String write(HistoryEvent e) {
        JsonText n = new JsonText(new StringBuilder(256));
        write(e, new PayloadTexts(), PayloadRefs.none(), n);
        return n.toString();
    }

    /**
     * The events of one commit as one stored text: the JSON array of the events, each as {@link #write} writes
     * it, every payload tree serialised once, and a payload seen earlier in the commit written as a reference to
     * it (see {@link PayloadRefs}): the events are only readable together, by {@link #readBatch}. Storing a commit
     * as one row rather than a row per event is most of the native work a commit saves; writing it into one
     * buffer saves a copy of every event's text.
     */
    static String writeBatch(List<HistoryEvent> events, PayloadTexts texts) {
        StringBuilder out = new StringBuilder(512 * events.size() + 2).append('[');
        PayloadRefs refs = PayloadRefs.batch();
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            refs.event(i);
            write(events.get(i), texts, refs, new JsonText(out));
        }
        return out.append(']').toString();
    }

    /** One event as compact JSON text appended to {@code n}, its payloads taken from (or added to) {@code texts}. */
    private static void write(HistoryEvent e, PayloadTexts texts, PayloadRefs refs, JsonText n) {
        n.begin();
        n.number("id", e.id());
        n.number("previousEventId", e.previousEventId());
        n.plain("timestamp", texts.timestamp(e.timestamp()));
        n.plain("type", e.type().name());
        details(n.beginObject("details"), e.details(), texts, refs);
        n.end().end();
    }

    /** Reads what {@link #write} wrote; {@link IllegalArgumentException} for anything else. */
    public static HistoryEvent read(String text) {
        JsonNode n;
        try {
            n = Json.parse(text);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a stored event: " + text, ex);
        }
        return read(n, null);
    }

    /** Reads what {@link #writeBatch} wrote: the events of one commit, in order. */
    static List<HistoryEvent> readBatch(String text) {
        return readBatch(text, Long.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * The events of a batch with ids above {@code afterEventId}, at most {@code max} of them: a history page
     * converts only the events it returns (a Map's batch can hold thousands), though the whole text is parsed
     * (a payload may refer to an earlier event's).
     */
    static List<HistoryEvent> readBatch(String text, long afterEventId, int max) {
        JsonNode n;
        try {
            n = Json.parse(text);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a stored event batch: " + text, ex);
        }
        if (!n.isArray()) {
            throw new IllegalArgumentException("not a stored event batch: " + text);
        }
        List<HistoryEvent> out = new ArrayList<>(Math.min(n.size(), max));
        for (JsonNode e : n) {
            if (out.size() >= max) {
                break;
            }
            if (e.path("id").asLong() > afterEventId) {
                out.add(read(e, n));
            }
        }
        return out;
    }

    /** One stored event; {@code batch} is the array it was read from, for its payload references, or null. */
    private static HistoryEvent read(JsonNode n, JsonNode batch) {
        return new HistoryEvent(n.path("id").asLong(), n.path("previousEventId").asLong(),
                Instant.parse(n.path("timestamp").asText()), EventType.valueOf(n.path("type").asText()),
                details(n.path("details"), batch));
    }

    private static void details(JsonText d, EventDetails details, PayloadTexts texts, PayloadRefs refs) {
        switch (details) {
            case EventDetails.None x -> d.plain("kind", "None");
            case EventDetails.ExecutionStarted x -> {
                d.plain("kind", "ExecutionStarted");
                payload(d, "input", x.input(), texts, refs);
                d.string("roleArn", x.roleArn());
                x.stateMachineAliasArn().ifPresent(v -> d.string("stateMachineAliasArn", v));
                x.stateMachineVersionArn().ifPresent(v -> d.string("stateMachineVersionArn", v));
            }
            case EventDetails.Output x -> {
                d.plain("kind", "Output");
                payload(d, "output", x.output(), texts, refs);
            }
            case EventDetails.Failure x -> {
                d.plain("kind", "Failure");
                x.error().ifPresent(v -> d.string("error", v));
                x.cause().ifPresent(v -> d.string("cause", v));
            }
            case EventDetails.StateEntered x -> {
                d.plain("kind", "StateEntered");
                d.string("name", x.name());
                payload(d, "input", x.input(), texts, refs);
            }
            case EventDetails.StateExited x -> {
                d.plain("kind", "StateExited");
                d.string("name", x.name());
                payload(d, "output", x.output(), texts, refs);
                x.assignedVariables().ifPresent(vars -> {
                    d.beginObject("assignedVariables");
                    vars.forEach((name, value) -> payload(d, name, value, texts));
                    d.end();
                });
            }
            case EventDetails.TaskScheduled x -> {
                d.plain("kind", "TaskScheduled");
                d.string("resourceType", x.resourceType());
                d.string("resource", x.resource());
                d.string("region", x.region());
                payload(d, "parameters", x.parameters(), texts, refs);
                x.timeoutInSeconds().ifPresent(v -> d.number("timeoutInSeconds", v));
                x.heartbeatInSeconds().ifPresent(v -> d.number("heartbeatInSeconds", v));
                x.roleArn().ifPresent(v -> d.string("roleArn", v));
            }
            case EventDetails.TaskStarted x -> {
                d.plain("kind", "TaskStarted");
                d.string("resourceType", x.resourceType());
                d.string("resource", x.resource());
            }
            case EventDetails.TaskOutput x -> {
                d.plain("kind", "TaskOutput");
                d.string("resourceType", x.resourceType());
                d.string("resource", x.resource());
                payload(d, "output", x.output(), texts, refs);
            }
            case EventDetails.TaskFailure x -> {
                d.plain("kind", "TaskFailure");
                d.string("resourceType", x.resourceType());
                d.string("resource", x.resource());
                x.error().ifPresent(v -> d.string("error", v));
                x.cause().ifPresent(v -> d.string("cause", v));
            }
            case EventDetails.Scheduled x -> {
                d.plain("kind", "Scheduled");
                d.string("resource", x.resource());
                payload(d, "input", x.input(), texts, refs);
                x.timeoutInSeconds().ifPresent(v -> d.number("timeoutInSeconds", v));
                x.heartbeatInSeconds().ifPresent(v -> d.number("heartbeatInSeconds", v));
                x.roleArn().ifPresent(v -> d.string("roleArn", v));
            }
            case EventDetails.ActivityStarted x -> {
                d.plain("kind", "ActivityStarted");
                x.workerName().ifPresent(v -> d.string("workerName", v));
            }
            case EventDetails.MapStateStarted x -> {
                d.plain("kind", "MapStateStarted");
                d.number("length", x.length());
            }
            case EventDetails.MapIteration x -> {
                d.plain("kind", "MapIteration");
                d.string("name", x.name());
                d.number("index", x.index());
            }
            case EventDetails.MapRunStarted x -> {
                d.plain("kind", "MapRunStarted");
                d.string("mapRunArn", x.mapRunArn());
            }
            case EventDetails.Redriven x -> {
                d.plain("kind", "Redriven");
                x.mapRunArn().ifPresent(v -> d.string("mapRunArn", v));
                d.number("redriveCount", x.redriveCount());
            }
            case EventDetails.EvaluationFailed x -> {
                d.plain("kind", "EvaluationFailed");
                d.string("error", x.error());
                d.string("cause", x.cause());
                x.location().ifPresent(v -> d.string("location", v));
                d.string("state", x.state());
            }
        }
    }

    private static void payload(JsonText d, String field, JsonNode value, PayloadTexts texts) {
        d.raw(field, value == null ? "null" : texts.text(value));
    }

    /** A top-level payload: written in full the first time in a batch, as a reference after that. */
    private static void payload(JsonText d, String field, JsonNode value, PayloadTexts texts, PayloadRefs refs) {
        if (value == null) {
            d.raw(field, "null");
            return;
        }
        String text = texts.text(value);
        String ref = refs.refer(value, text, field);
        if (ref == null) {
            d.raw(field, text);
        } else {
            d.plain(field + "@", ref);
        }
    }

    private static EventDetails details(JsonNode d, JsonNode batch) {
        return switch (d.path("kind").asText()) {
            case "None" -> EventDetails.NONE;
            case "ExecutionStarted" -> new EventDetails.ExecutionStarted(PayloadRefs.resolve(d, "input", batch), d.path("roleArn").asText(),
                    text(d, "stateMachineAliasArn"), text(d, "stateMachineVersionArn"));
            case "Output" -> new EventDetails.Output(PayloadRefs.resolve(d, "output", batch));
            case "Failure" -> new EventDetails.Failure(text(d, "error"), text(d, "cause"));
            case "StateEntered" -> new EventDetails.StateEntered(d.path("name").asText(), PayloadRefs.resolve(d, "input", batch));
            case "StateExited" -> new EventDetails.StateExited(d.path("name").asText(), PayloadRefs.resolve(d, "output", batch),
                    d.has("assignedVariables") ? Optional.of(variables(d.get("assignedVariables"))) : Optional.empty());
            case "TaskScheduled" -> new EventDetails.TaskScheduled(d.path("resourceType").asText(),
                    d.path("resource").asText(), d.path("region").asText(), PayloadRefs.resolve(d, "parameters", batch),
                    number(d, "timeoutInSeconds"), number(d, "heartbeatInSeconds"), text(d, "roleArn"));
            case "TaskStarted" -> new EventDetails.TaskStarted(d.path("resourceType").asText(), d.path("resource").asText());
            case "TaskOutput" -> new EventDetails.TaskOutput(d.path("resourceType").asText(), d.path("resource").asText(),
                    PayloadRefs.resolve(d, "output", batch));
            case "TaskFailure" -> new EventDetails.TaskFailure(d.path("resourceType").asText(),
                    d.path("resource").asText(), text(d, "error"), text(d, "cause"));
            case "Scheduled" -> new EventDetails.Scheduled(d.path("resource").asText(), PayloadRefs.resolve(d, "input", batch),
                    number(d, "timeoutInSeconds"), number(d, "heartbeatInSeconds"), text(d, "roleArn"));
            case "ActivityStarted" -> new EventDetails.ActivityStarted(text(d, "workerName"));
            case "MapStateStarted" -> new EventDetails.MapStateStarted(d.path("length").asInt());
            case "MapIteration" -> new EventDetails.MapIteration(d.path("name").asText(), d.path("index").asInt());
            case "MapRunStarted" -> new EventDetails.MapRunStarted(d.path("mapRunArn").asText());
            case "Redriven" -> new EventDetails.Redriven(text(d, "mapRunArn"), d.path("redriveCount").asInt());
            case "EvaluationFailed" -> new EventDetails.EvaluationFailed(d.path("error").asText(),
                    d.path("cause").asText(), text(d, "location"), d.path("state").asText());
            default -> throw new IllegalArgumentException("unknown stored event details: " + d);
        };
    }

    private static Map<String, JsonNode> variables(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static Optional<String> text(JsonNode d, String field) {
        return d.has(field) ? Optional.of(d.get(field).asText()) : Optional.empty();
    }

    private static Optional<Long> number(JsonNode d, String field) {
        return d.has(field) ? Optional.of(d.get(field).asLong()) : Optional.empty();
    }
}
