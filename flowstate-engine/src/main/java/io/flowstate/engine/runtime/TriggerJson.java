package io.flowstate.engine.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.Trigger;
import java.util.Optional;

/** Triggers as JSON, for stores that keep an execution's journal. */
public final class TriggerJson {
    private TriggerJson() {}

    public static ObjectNode write(Trigger trigger) {
        ObjectNode n = Json.object();
        switch (trigger) {
            case Trigger.TaskSucceeded t -> {
                n.put("type", "TaskSucceeded");
                n.put("taskId", t.taskId());
                n.set("output", t.output());
            }
            case Trigger.TaskFailed t -> {
                n.put("type", "TaskFailed");
                n.put("taskId", t.taskId());
                n.put("error", t.error());
                t.cause().ifPresent(c -> n.put("cause", c));
            }
            case Trigger.TaskStarted t -> {
                n.put("type", "TaskStarted");
                n.put("taskId", t.taskId());
                t.workerName().ifPresent(w -> n.put("workerName", w));
            }
            case Trigger.TaskSubmitted t -> {
                n.put("type", "TaskSubmitted");
                n.put("taskId", t.taskId());
                n.set("output", t.output());
            }
            case Trigger.TaskHeartbeat t -> {
                n.put("type", "TaskHeartbeat");
                n.put("taskId", t.taskId());
            }
            case Trigger.TimerFired t -> {
                n.put("type", "TimerFired");
                n.put("timerId", t.timerId());
            }
            case Trigger.Redrive d -> n.put("type", "Redrive");
            case Trigger.UpdateMapRun u -> {
                n.put("type", "UpdateMapRun");
                n.put("mapRunArn", u.mapRunArn());
                u.maxConcurrency().ifPresent(m -> n.put("maxConcurrency", m));
                u.toleratedFailurePercentage().ifPresent(p -> n.put("toleratedFailurePercentage", p));
                u.toleratedFailureCount().ifPresent(c -> n.put("toleratedFailureCount", c));
            }
            case Trigger.StopChild s -> {
                n.put("type", "StopChild");
                n.put("mapRunArn", s.mapRunArn());
                n.put("index", s.index());
                s.error().ifPresent(e -> n.put("error", e));
                s.cause().ifPresent(c -> n.put("cause", c));
            }
            case Trigger.Stop s -> {
                n.put("type", "Stop");
                s.error().ifPresent(e -> n.put("error", e));
                s.cause().ifPresent(c -> n.put("cause", c));
            }
        }
        return n;
    }

    /** Reads what {@link #write} wrote; {@link IllegalArgumentException} for anything else. */
    public static Trigger read(JsonNode n) {
        return switch (n.path("type").asText()) {
            case "TaskSucceeded" -> new Trigger.TaskSucceeded(n.path("taskId").asLong(), n.path("output"));
            case "TaskFailed" -> new Trigger.TaskFailed(n.path("taskId").asLong(), n.path("error").asText(), text(n, "cause"));
            case "TaskStarted" -> new Trigger.TaskStarted(n.path("taskId").asLong(), text(n, "workerName"));
            case "TaskSubmitted" -> new Trigger.TaskSubmitted(n.path("taskId").asLong(), n.path("output"));
            case "TaskHeartbeat" -> new Trigger.TaskHeartbeat(n.path("taskId").asLong());
            case "TimerFired" -> new Trigger.TimerFired(n.path("timerId").asLong());
            case "Redrive" -> new Trigger.Redrive();
            case "UpdateMapRun" -> new Trigger.UpdateMapRun(n.path("mapRunArn").asText(),
                    n.hasNonNull("maxConcurrency") ? Optional.of(n.get("maxConcurrency").asInt()) : Optional.empty(),
                    n.hasNonNull("toleratedFailurePercentage")
                            ? Optional.of(n.get("toleratedFailurePercentage").asDouble()) : Optional.empty(),
                    n.hasNonNull("toleratedFailureCount")
                            ? Optional.of(n.get("toleratedFailureCount").asLong()) : Optional.empty());
            case "Stop" -> new Trigger.Stop(text(n, "error"), text(n, "cause"));
            case "StopChild" -> new Trigger.StopChild(n.path("mapRunArn").asText(), n.path("index").asInt(),
                    text(n, "error"), text(n, "cause"));
            default -> throw new IllegalArgumentException("not a stored trigger: " + n);
        };
    }

    private static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }
}
