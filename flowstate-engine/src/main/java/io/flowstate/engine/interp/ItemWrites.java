package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.MapState;
import java.util.Optional;

/**
 * A Distributed Map's {@code ResultWriter}: once the run succeeded, its results are written out (to S3, or a mock)
 * by an {@link Effect.InvokeTask} carrying the writer's resource, its evaluated {@code Parameters} and, as its
 * configuration, {@code {"ResultWriter": <WriterConfig>, "MapRunArn", "Results", "Children"}} ({@code Children}:
 * one record per item's child execution, see {@link #children}); the state's result is then what
 * the writer answered ({@code MapRunArn} and {@code ResultWriterDetails}), as on AWS. A writer that fails fails the
 * state with its error ({@code States.ResultWriterFailed}).
 */
final class ItemWrites {
    private ItemWrites() {}

    static void request(Run r, Fiber f, MapState s, JsonNode results) {
        JsonNode writer = s.resultWriter().orElseThrow();
        JsonNode source = writer.has("Parameters") ? writer.get("Parameters") : writer.path("Arguments");
        // JSONata's Arguments are evaluated as an ItemReader's are (their {% %} strings, e.g. a bucket from input).
        JsonNode params = !source.isObject() ? source : Run.jsonata(s)
                ? ItemReads.jsonata(source, JsonataIo.bindings(r, f, f.input))
                : PayloadTemplate.compile(source).evaluate(r.context(f, f.effectiveInput));
        ObjectNode config = Json.object();
        config.set("ResultWriter", writer.path("WriterConfig").isObject() ? writer.get("WriterConfig") : Json.object());
        config.put("MapRunArn", f.mapRunArn);
        config.set("Results", results);
        children(r, f).ifPresent(c -> config.set("Children", c));
        long taskId = r.exec.nextTaskId++;
        r.exec.tasks.put(taskId, f);
        f.pendingTaskId = taskId;
        f.phase = Fiber.Phase.AWAIT_TASK;
        f.writing = true;
        r.effects.add(new Effect.InvokeTask(taskId, writer.path("Resource").asText(), params.isObject() ? params
                : Json.object(), s.name(), 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(config)));
    }

    /**
     * What the writer reports of each child execution, in item order: {@code Index}, {@code Status} (SUCCEEDED,
     * FAILED, ABORTED, or PENDING for one never started), {@code Input} (the item as the child got it),
     * {@code Output} or {@code Error}/{@code Cause}, {@code StartDate}/{@code StopDate} (ISO-8601) and
     * {@code RedriveCount}. Empty for a run this execution does not track (inside another run's child).
     */
    private static Optional<ArrayNode> children(Run r, Fiber f) {
        for (ChildGroup g : r.exec.mapRuns) {
            if (!f.mapRunArn.equals(g.mapRunArn)) {
                continue;
            }
            ArrayNode out = Json.nodes().arrayNode();
            for (int i = 0; i < g.results.length; i++) {
                Fiber c = g.fibers[i];
                ObjectNode child = out.addObject().put("Index", i);
                String status = c == null ? "PENDING" : c.phase == Fiber.Phase.FAILED ? "FAILED"
                        : c.phase == Fiber.Phase.SUCCEEDED ? "SUCCEEDED" : "ABORTED";
                child.put("Status", status);
                child.set("Input", g.itemInputs[i]);
                if (c == null) {
                    continue;
                }
                if (c.phase == Fiber.Phase.SUCCEEDED) {
                    child.set("Output", g.results[i]);
                } else if (c.failure != null) {
                    c.failure.errorName().ifPresent(e -> child.put("Error", e));
                    c.failure.cause().ifPresent(e -> child.put("Cause", e));
                }
                if (c.startedAt != null) {
                    child.put("StartDate", c.startedAt.toString());
                }
                if (c.stoppedAt != null) {
                    child.put("StopDate", c.stoppedAt.toString());
                }
                child.put("RedriveCount", c.redriveCount);
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    /** The writer answered: the state exits with its answer as the result. */
    static void written(Run r, Fiber f, MapState s, JsonNode answer) {
        f.writing = false;
        f.written = answer;
        f.phase = Fiber.Phase.ENTER;
        try {
            MapStep.completed(r, f, s, answer);
        } catch (EvaluationException e) {
            r.failState(f, s, e);
        }
    }

    /** The writer failed: the state fails with its error (Retry and Catch apply). */
    static void failed(Run r, Fiber f, MapState s, StateFailure failure) {
        f.writing = false;
        f.phase = Fiber.Phase.ENTER;
        ErrorHandling.handle(r, f, s, failure);
    }
}
