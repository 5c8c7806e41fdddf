package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.MapState;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * A Distributed Map's ResultWriter writing while the run goes on: the records of the children that succeeded
 * are sent in parts of at most {@value #RECORDS} records (or about {@value #BYTES} bytes), so a run over millions
 * of items holds only the records not written yet. A part is a writer task whose configuration is
 * {@code {"ResultWriter", "MapRunArn", "Part": true, "Children": [...], "FileIndex": {"FAILED": n, "PENDING": n,
 * "SUCCEEDED": n}}} (the number of each status's next file); the writer answers the files it wrote,
 * {@code {"ResultFiles": {"FAILED": [{"Key", "Size"}...], ...}}}. The final write ({@link ItemWrites}) carries
 * these as {@code Written}, with the records still to write, and writes the manifest listing every file.
 * One part is out at a time; the run settles once it is answered. A part that fails fails the run and the state
 * with the writer's error.
 *
 * <p>A child execution of type EXPRESS whose record went into a part is let go altogether (its fiber and input:
 * {@link ChildGroup#release}); a STANDARD one is kept, as its execution is described and listed by its ARN.
 * Mutable, owned by its {@link ChildGroup}.
 */
final class ResultParts {
    static final int RECORDS = 1_000;
    static final long BYTES = 16L * 1024 * 1024;
    private static final List<String> STATUSES = List.of("FAILED", "PENDING", "SUCCEEDED");

    final String resource;
    final JsonNode params;
    final JsonNode writerConfig;
    /** Records of succeeded children not sent yet, and their approximate size. */
    ArrayNode pending = Json.nodes().arrayNode();
    long pendingBytes;
    /** The part out now (null when none), kept so that a run failing meanwhile still writes its records. */
    ArrayNode inFlight;
    long taskId = -1;
    /** Whether a part was sent: until then the run keeps every result, as one written at the end does. */
    boolean sent;
    /** The children whose records went into a part or {@link #pending}. */
    final BitSet recorded = new BitSet();
    /** Every file the answered parts wrote, by status. */
    final ObjectNode written = Json.object();

    ResultParts(String resource, JsonNode params, JsonNode writerConfig) {
        this.resource = resource;
        this.params = params;
        this.writerConfig = writerConfig;
        STATUSES.forEach(written::putArray);
    }

    /** Whether results are written in parts for {@code s}: a Distributed Map writing to a resource. */
    static boolean applies(MapState s) {
        return s.resultWriter().map(w -> !w.path("Resource").asText("").isEmpty()).orElse(false);
    }

    /**
     * Child {@code child} succeeded: its record joins the next part (a run writing in parts), and an Express child
     * is let go. Without parts, an Express child of a run whose results are the state's output is let go too, its
     * result kept.
     */
    static void succeeded(Run r, ChildGroup g, Fiber child) {
        boolean express = ChildContexts.express(g) && !r.exec.captureChildren;
        ResultParts p = g.parts;
        if (p == null) {
            MapState m = (MapState) g.owner.machine.state(g.owner.stateName);
            if (express && m.resultWriter().isEmpty()) {
                g.release(child.index);
            }
            return;
        }
        ObjectNode record = ItemWrites.record(g, child.index, child);
        p.pending.add(record);
        p.pendingBytes += JsonSize.bytes(record);
        p.recorded.set(child.index);
        if (express) {
            g.release(child.index);
        }
        flushIfDue(r, g);
    }

    /** Sends the pending records as a part once there are enough of them and no part is out. */
    static void flushIfDue(Run r, ChildGroup g) {
        ResultParts p = g.parts;
        if (p.taskId >= 0 || (p.pending.size() < RECORDS && p.pendingBytes < BYTES)) {
            return;
        }
        ObjectNode config = Json.object();
        config.set("ResultWriter", p.writerConfig);
        config.put("MapRunArn", g.mapRunArn);
        config.put("Part", true);
        ObjectNode index = config.putObject("FileIndex");
        STATUSES.forEach(s -> index.put(s, p.written.get(s).size()));
        // Once a part is out the run's results are the writer's alone: the state's output is its answer.
        p.sent = true;
        // At most RECORDS a part: what came while the last part was out waits for the next.
        ArrayNode part = Json.nodes().arrayNode();
        ArrayNode rest = Json.nodes().arrayNode();
        long restBytes = 0;
        for (JsonNode record : p.pending) {
            if (part.size() < RECORDS) {
                part.add(record);
                g.results.set(record.path("Index").asInt(), null);
            } else {
                rest.add(record);
                restBytes += JsonSize.bytes(record);
            }
        }
        config.set("Children", part);
        p.inFlight = part;
        p.pending = rest;
        p.pendingBytes = restBytes;
        long taskId = r.exec.nextTaskId++;
        r.exec.tasks.put(taskId, g.owner);
        p.taskId = taskId;
        r.effects.add(new Effect.InvokeTask(taskId, p.resource, p.params, g.owner.stateName, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(config)));
    }

    /** The part out was written: its files are remembered, the next part may go, and the run may settle. */
    static void written(Run r, ChildGroup g, JsonNode answer) {
        ResultParts p = g.parts;
        p.taskId = -1;
        p.inFlight = null;
        JsonNode files = answer.path("ResultFiles");
        for (String s : STATUSES) {
            files.path(s).forEach(((com.fasterxml.jackson.databind.node.ArrayNode) p.written.get(s))::add);
        }
        flushIfDue(r, g);
        if (Children.settles(g)) {
            Children.settled(r, g);
            r.resume(g.owner);
        }
    }

    /** The part out failed: the run fails, its children stop, and the state fails with the writer's error. */
    static void failed(Run r, ChildGroup g, StateFailure failure) {
        ResultParts p = g.parts;
        p.taskId = -1;
        p.inFlight = null;
        Fiber owner = g.owner;
        Children.stopRun(r, g);
        r.emit(owner, EventType.MAP_RUN_FAILED, EventDetails.Failure.of(failure.error(), failure.cause().orElse(null)));
        owner.children = null;
        owner.phase = Fiber.Phase.ENTER;
        Children.failed(r, owner, owner.machine.state(owner.stateName), g, failure);
        r.resume(owner);
    }

    /**
     * The records the final write still has to write, in item order: those not sent, and those of a part still
     * out (a run that failed meanwhile no longer waits for it).
     */
    ArrayNode unwritten() {
        ArrayNode out = Json.nodes().arrayNode();
        if (inFlight != null) {
            out.addAll(inFlight);
        }
        out.addAll(pending);
        return out;
    }
}
