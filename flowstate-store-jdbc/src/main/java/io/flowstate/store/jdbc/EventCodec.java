package io.flowstate.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
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
        return write(e, new PayloadTexts());
    }

    /** One event as compact JSON text, its payloads taken from (or added to) {@code texts}. */
    static String write(HistoryEvent e, PayloadTexts texts) {
        ObjectNode n = Json.object();
        n.put("id", e.id());
        n.put("previousEventId", e.previousEventId());
        n.put("timestamp", e.timestamp().toString());
        n.put("type", e.type().name());
        n.set("details", details(e.details(), texts));
        return Json.write(n);
    }

    /** Reads what {@link #write} wrote; {@link IllegalArgumentException} for anything else. */
    public static HistoryEvent read(String text) {
        JsonNode n;
        try {
            n = Json.parse(text);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not a stored event: " + text, ex);
        }
        return new HistoryEvent(n.path("id").asLong(), n.path("previousEventId").asLong(),
                Instant.parse(n.path("timestamp").asText()), EventType.valueOf(n.path("type").asText()),
                details(n.path("details")));
    }

    private static ObjectNode details(EventDetails details, PayloadTexts texts) {
        ObjectNode d = Json.object();
        switch (details) {
            case EventDetails.None x -> d.put("kind", "None");
            case EventDetails.ExecutionStarted x -> {
                d.put("kind", "ExecutionStarted");
                payload(d, "input", x.input(), texts);
                d.put("roleArn", x.roleArn());
                x.stateMachineAliasArn().ifPresent(v -> d.put("stateMachineAliasArn", v));
                x.stateMachineVersionArn().ifPresent(v -> d.put("stateMachineVersionArn", v));
            }
            case EventDetails.Output x -> {
                d.put("kind", "Output");
                payload(d, "output", x.output(), texts);
            }
            case EventDetails.Failure x -> {
                d.put("kind", "Failure");
                x.error().ifPresent(v -> d.put("error", v));
                x.cause().ifPresent(v -> d.put("cause", v));
            }
            case EventDetails.StateEntered x -> {
                d.put("kind", "StateEntered");
                d.put("name", x.name());
                payload(d, "input", x.input(), texts);
            }
            case EventDetails.StateExited x -> {
                d.put("kind", "StateExited");
                d.put("name", x.name());
                payload(d, "output", x.output(), texts);
                x.assignedVariables().ifPresent(vars -> {
                    ObjectNode assigned = d.putObject("assignedVariables");
                    vars.forEach(assigned::set);
                });
            }
            case EventDetails.TaskScheduled x -> {
                d.put("kind", "TaskScheduled");
                d.put("resourceType", x.resourceType());
                d.put("resource", x.resource());
                d.put("region", x.region());
                payload(d, "parameters", x.parameters(), texts);
                x.timeoutInSeconds().ifPresent(v -> d.put("timeoutInSeconds", v));
                x.heartbeatInSeconds().ifPresent(v -> d.put("heartbeatInSeconds", v));
            }
            case EventDetails.TaskStarted x -> {
                d.put("kind", "TaskStarted");
                d.put("resourceType", x.resourceType());
                d.put("resource", x.resource());
            }
            case EventDetails.TaskOutput x -> {
                d.put("kind", "TaskOutput");
                d.put("resourceType", x.resourceType());
                d.put("resource", x.resource());
                payload(d, "output", x.output(), texts);
            }
            case EventDetails.TaskFailure x -> {
                d.put("kind", "TaskFailure");
                d.put("resourceType", x.resourceType());
                d.put("resource", x.resource());
                x.error().ifPresent(v -> d.put("error", v));
                x.cause().ifPresent(v -> d.put("cause", v));
            }
            case EventDetails.Scheduled x -> {
                d.put("kind", "Scheduled");
                d.put("resource", x.resource());
                payload(d, "input", x.input(), texts);
                x.timeoutInSeconds().ifPresent(v -> d.put("timeoutInSeconds", v));
                x.heartbeatInSeconds().ifPresent(v -> d.put("heartbeatInSeconds", v));
            }
            case EventDetails.ActivityStarted x -> {
                d.put("kind", "ActivityStarted");
                x.workerName().ifPresent(v -> d.put("workerName", v));
            }
            case EventDetails.MapStateStarted x -> {
                d.put("kind", "MapStateStarted");
                d.put("length", x.length());
            }
            case EventDetails.MapIteration x -> {
                d.put("kind", "MapIteration");
                d.put("name", x.name());
                d.put("index", x.index());
            }
            case EventDetails.MapRunStarted x -> {
                d.put("kind", "MapRunStarted");
                d.put("mapRunArn", x.mapRunArn());
            }
            case EventDetails.Redriven x -> {
                d.put("kind", "Redriven");
                x.mapRunArn().ifPresent(v -> d.put("mapRunArn", v));
                d.put("redriveCount", x.redriveCount());
            }
            case EventDetails.EvaluationFailed x -> {
                d.put("kind", "EvaluationFailed");
                d.put("error", x.error());
                d.put("cause", x.cause());
                x.location().ifPresent(v -> d.put("location", v));
                d.put("state", x.state());
            }
        }
        return d;
    }

    private static void payload(ObjectNode d, String field, JsonNode value, PayloadTexts texts) {
        if (value == null) {
            d.putNull(field);
        } else {
            d.putRawValue(field, texts.raw(value));
        }
    }

    private static EventDetails details(JsonNode d) {
        return switch (d.path("kind").asText()) {
            case "None" -> EventDetails.NONE;
            case "ExecutionStarted" -> new EventDetails.ExecutionStarted(d.get("input"), d.path("roleArn").asText(),
                    text(d, "stateMachineAliasArn"), text(d, "stateMachineVersionArn"));
            case "Output" -> new EventDetails.Output(d.get("output"));
            case "Failure" -> new EventDetails.Failure(text(d, "error"), text(d, "cause"));
            case "StateEntered" -> new EventDetails.StateEntered(d.path("name").asText(), d.get("input"));
            case "StateExited" -> new EventDetails.StateExited(d.path("name").asText(), d.get("output"),
                    d.has("assignedVariables") ? Optional.of(variables(d.get("assignedVariables"))) : Optional.empty());
            case "TaskScheduled" -> new EventDetails.TaskScheduled(d.path("resourceType").asText(),
                    d.path("resource").asText(), d.path("region").asText(), d.get("parameters"),
                    number(d, "timeoutInSeconds"), number(d, "heartbeatInSeconds"));
            case "TaskStarted" -> new EventDetails.TaskStarted(d.path("resourceType").asText(), d.path("resource").asText());
            case "TaskOutput" -> new EventDetails.TaskOutput(d.path("resourceType").asText(), d.path("resource").asText(),
                    d.get("output"));
            case "TaskFailure" -> new EventDetails.TaskFailure(d.path("resourceType").asText(),
                    d.path("resource").asText(), text(d, "error"), text(d, "cause"));
            case "Scheduled" -> new EventDetails.Scheduled(d.path("resource").asText(), d.get("input"),
                    number(d, "timeoutInSeconds"), number(d, "heartbeatInSeconds"));
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
