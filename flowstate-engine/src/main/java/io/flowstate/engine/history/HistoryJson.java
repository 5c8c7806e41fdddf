package io.flowstate.engine.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes history events in GetExecutionHistory's JSON shape: {@code timestamp} in epoch seconds, payloads
 * ({@code input}, {@code output}, {@code parameters}) as JSON strings with their {@code *Details} truncation flags.
 */
public final class HistoryJson {
    private HistoryJson() {}

    /** {@code {"events": [...]}} as GetExecutionHistory returns it. */
    public static ObjectNode history(List<HistoryEvent> events, PayloadWriter payloads) {
        ObjectNode root = Json.object();
        ArrayNode array = root.putArray("events");
        events.forEach(e -> array.add(event(e, payloads)));
        return root;
    }

    /** One event, payloads as compact JSON. */
    public static ObjectNode event(HistoryEvent e) {
        return event(e, PayloadWriter.COMPACT);
    }

    /** One event, payloads written by {@code payloads}. */
    public static ObjectNode event(HistoryEvent e, PayloadWriter payloads) {
        ObjectNode node = Json.object();
        node.put("timestamp", BigDecimal.valueOf(e.timestamp().toEpochMilli()).movePointLeft(3));
        node.put("type", e.type().awsName());
        node.put("id", e.id());
        node.put("previousEventId", e.previousEventId());
        e.type().detailsKey().ifPresent(key -> {
            ObjectNode d = details(e.details(), e.type(), payloads);
            node.set(key, d);
        });
        return node;
    }

    /**
     * The event's details object as GetExecutionHistory nests it under its details key ({@code {}} for events
     * without details); execution logging writes the same object.
     */
    public static ObjectNode details(HistoryEvent e, PayloadWriter payloads) {
        return details(e.details(), e.type(), payloads);
    }

    private static ObjectNode details(EventDetails details, EventType type, PayloadWriter payloads) {
        ObjectNode d = Json.object();
        switch (details) {
            case EventDetails.None n -> { }
            case EventDetails.ExecutionStarted s -> {
                payload(d, "input", s.input(), type, payloads);
                d.put("roleArn", s.roleArn());
                s.stateMachineAliasArn().ifPresent(v -> d.put("stateMachineAliasArn", v));
                s.stateMachineVersionArn().ifPresent(v -> d.put("stateMachineVersionArn", v));
            }
            case EventDetails.Output o -> payload(d, "output", o.output(), type, payloads);
            case EventDetails.Failure f -> errorCause(d, f.error(), f.cause());
            case EventDetails.StateEntered s -> {
                d.put("name", s.name());
                payload(d, "input", s.input(), type, payloads);
            }
            case EventDetails.StateExited s -> {
                d.put("name", s.name());
                payload(d, "output", s.output(), type, payloads);
                s.assignedVariables().filter(vars -> payloads != PayloadWriter.OMITTED).ifPresent(vars -> {
                    ObjectNode assigned = d.putObject("assignedVariables");
                    for (Map.Entry<String, JsonNode> v : vars.entrySet()) {
                        assigned.put(v.getKey(), Json.write(v.getValue()));
                    }
                    d.putObject("assignedVariablesDetails").put("truncated", false);
                });
            }
            case EventDetails.TaskScheduled t -> {
                d.put("resourceType", t.resourceType());
                d.put("resource", t.resource());
                d.put("region", t.region());
                if (payloads != PayloadWriter.OMITTED) {
                    d.put("parameters", payloads.write(type, t.parameters()));
                }
                t.timeoutInSeconds().ifPresent(v -> d.put("timeoutInSeconds", v));
                t.heartbeatInSeconds().ifPresent(v -> d.put("heartbeatInSeconds", v));
                t.roleArn().ifPresent(v -> d.putObject("taskCredentials").put("roleArn", v));
            }
            case EventDetails.TaskStarted t -> {
                d.put("resourceType", t.resourceType());
                d.put("resource", t.resource());
            }
            case EventDetails.TaskOutput t -> {
                d.put("resourceType", t.resourceType());
                d.put("resource", t.resource());
                payload(d, "output", t.output(), type, payloads);
            }
            case EventDetails.TaskFailure t -> {
                d.put("resourceType", t.resourceType());
                d.put("resource", t.resource());
                errorCause(d, t.error(), t.cause());
            }
            case EventDetails.Scheduled s -> {
                d.put("resource", s.resource());
                payload(d, "input", s.input(), type, payloads);
                s.timeoutInSeconds().ifPresent(v -> d.put("timeoutInSeconds", v));
                s.heartbeatInSeconds().ifPresent(v -> d.put("heartbeatInSeconds", v));
                s.roleArn().ifPresent(v -> d.putObject("taskCredentials").put("roleArn", v));
            }
            case EventDetails.ActivityStarted a -> a.workerName().ifPresent(v -> d.put("workerName", v));
            case EventDetails.MapStateStarted m -> d.put("length", m.length());
            case EventDetails.MapIteration m -> {
                d.put("name", m.name());
                d.put("index", m.index());
            }
            case EventDetails.MapRunStarted m -> d.put("mapRunArn", m.mapRunArn());
            case EventDetails.Redriven r -> {
                r.mapRunArn().ifPresent(v -> d.put("mapRunArn", v));
                d.put("redriveCount", r.redriveCount());
            }
            case EventDetails.EvaluationFailed f -> {
                d.put("error", f.error());
                d.put("cause", f.cause());
                f.location().ifPresent(v -> d.put("location", v));
                d.put("state", f.state());
            }
        }
        return d;
    }

    private static void payload(ObjectNode d, String field, JsonNode value, EventType type, PayloadWriter payloads) {
        if (payloads == PayloadWriter.OMITTED) {
            return;
        }
        d.put(field, payloads.write(type, value));
        d.putObject(field + "Details").put("truncated", false);
    }

    private static void errorCause(ObjectNode d, Optional<String> error, Optional<String> cause) {
        error.ifPresent(v -> d.put("error", v));
        cause.ifPresent(v -> d.put("cause", v));
    }
}
