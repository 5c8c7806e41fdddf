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
 * state with its error ({@code States.ResultWriterFailed}). A run that failed (over its tolerated failures) is
 * written too, with its failed, aborted and never started children ({@link #afterFailure}); the state then fails
 * with the run's error, after {@code MapRunFailed}, whatever the writer answered.
 */
final class ItemWrites {
    private ItemWrites() {}

    static void request(Run r, Fiber f, MapState s, JsonNode results) {
        request(r, f, s, results, group(r, f));
    }

    /**
     * The run {@code g} failed (over its tolerated failures): when the Map has a ResultWriter, its results are
     * written as AWS does for a failed Map Run, the succeeded, failed (or aborted) and pending (never started)
     * children each to their files, and the state fails with {@code failure} once the writer answered, whatever it
     * answered. False when there is nothing to write.
     */
    static boolean afterFailure(Run r, Fiber f, MapState s, ChildGroup g, StateFailure failure) {
        if (s.resultWriter().isEmpty() || r.probe(f) != null || f.mapRunArn == null) {
            return false;
        }
        ArrayNode results = Json.nodes().arrayNode();
        if (g.parts == null || !g.parts.sent) {
            for (int i = 0; i < g.size(); i++) {
                JsonNode v = g.results.get(i);
                results.add(v == null ? Json.nodes().nullNode() : v);
            }
        }
        f.failedRun = g;
        f.runFailure = failure;
        request(r, f, s, results, Optional.of(g));
        return true;
    }

    private static void request(Run r, Fiber f, MapState s, JsonNode results, Optional<ChildGroup> group) {
        JsonNode writer = s.resultWriter().orElseThrow();
        JsonNode params = params(r, f, s);
        ObjectNode config = Json.object();
        config.set("ResultWriter", writer.path("WriterConfig").isObject() ? writer.get("WriterConfig") : Json.object());
        config.put("MapRunArn", f.mapRunArn);
        config.set("Results", results);
        group.ifPresent(g -> config.set("Children", children(g)));
        group.map(g -> g.parts).ifPresent(p -> config.set("Written", p.written));
        long taskId = r.exec.nextTaskId++;
        r.exec.tasks.put(taskId, f);
        f.pendingTaskId = taskId;
        f.phase = Fiber.Phase.AWAIT_TASK;
        f.writing = true;
        r.effects.add(new Effect.InvokeTask(taskId, writer.path("Resource").asText(), params.isObject() ? params
                : Json.object(), s.name(), 0, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(config)));
    }

    /** The writer's {@code Parameters} (JSONPath) or {@code Arguments} (JSONata), evaluated. */
    private static JsonNode params(Run r, Fiber f, MapState s) {
        JsonNode writer = s.resultWriter().orElseThrow();
        JsonNode source = writer.has("Parameters") ? writer.get("Parameters") : writer.path("Arguments");
        // JSONata's Arguments are evaluated as an ItemReader's are (their {% %} strings, e.g. a bucket from input).
        return !source.isObject() ? source : Run.jsonata(s)
                ? ItemReads.jsonata(source, JsonataIo.bindings(r, f, f.input))
                : PayloadTemplate.compile(source).evaluate(r.context(f, f.effectiveInput));
    }

    /** The parts a run of {@code s} writes its results in as it goes ({@link ResultParts#applies}). */
    static ResultParts parts(Run r, Fiber f, MapState s) {
        JsonNode writer = s.resultWriter().orElseThrow();
        JsonNode params = params(r, f, s);
        return new ResultParts(writer.path("Resource").asText(), params.isObject() ? params : Json.object(),
                writer.path("WriterConfig").isObject() ? writer.get("WriterConfig") : Json.object());
    }

    /** The run this entry of the Map started; empty for a run this execution does not track (in another run's child). */
    private static Optional<ChildGroup> group(Run r, Fiber f) {
        for (ChildGroup g : r.exec.mapRuns) {
            if (f.mapRunArn.equals(g.mapRunArn)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * What the writer reports of each child execution, in item order: {@code Index}, {@code Status} (SUCCEEDED,
     * FAILED, ABORTED, or PENDING for one never started), {@code Input} (the item as the child got it),
     * {@code Output} or {@code Error}/{@code Cause}, {@code StartDate}/{@code StopDate} (ISO-8601) and
     * {@code RedriveCount}. A run writing in parts ({@link ResultParts}) reports here only what no answered part
     * wrote.
     */
    private static ArrayNode children(ChildGroup g) {
        ArrayNode out = Json.nodes().arrayNode();
        if (g.parts != null) {
            out.addAll(g.parts.unwritten());
        }
        for (int i = 0; i < g.size(); i++) {
            if (g.parts != null && g.parts.recorded.get(i)) {
                continue;
            }
            out.add(record(g, i, g.fibers.get(i)));
        }
        if (g.parts != null) {
            // The parts' records came as children succeeded; the writer is given them in item order.
            java.util.List<JsonNode> sorted = new java.util.ArrayList<>();
            out.forEach(sorted::add);
            sorted.sort(java.util.Comparator.comparingInt(n -> n.path("Index").asInt()));
            out = Json.nodes().arrayNode();
            out.addAll(sorted);
        }
        return out;
    }

    /** The writer's record of child {@code i} ({@code c}: its fiber, null when it never started). */
    static ObjectNode record(ChildGroup g, int i, Fiber c) {
        ObjectNode child = Json.object().put("Index", i);
        String status = c == null ? "PENDING" : c.phase == Fiber.Phase.FAILED ? "FAILED"
                : c.phase == Fiber.Phase.SUCCEEDED ? "SUCCEEDED" : "ABORTED";
        child.put("Status", status);
        child.set("Input", g.itemInputs.get(i));
        if (c == null) {
            return child;
        }
        if (c.phase == Fiber.Phase.SUCCEEDED) {
            child.set("Output", c.output != null ? c.output : g.results.get(i));
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
        return child;
    }

    /** The writer answered: the state exits with its answer as the result, or fails as its run did. */
    static void written(Run r, Fiber f, MapState s, JsonNode answer) {
        f.writing = false;
        if (runFailed(r, f, s)) {
            return;
        }
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
        if (runFailed(r, f, s)) {
            return;
        }
        ErrorHandling.handle(r, f, s, failure);
    }

    /** After writing a failed run's results: the state fails as the run did (Retry and Catch apply). */
    private static boolean runFailed(Run r, Fiber f, MapState s) {
        if (f.runFailure == null) {
            return false;
        }
        StateFailure failure = f.runFailure;
        ChildGroup g = f.failedRun;
        f.runFailure = null;
        f.failedRun = null;
        f.phase = Fiber.Phase.ENTER;
        Children.failed(r, f, s, g, failure);
        return true;
    }
}
