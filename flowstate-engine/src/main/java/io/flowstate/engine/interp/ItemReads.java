package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.jsonata.JsonataExpression;
import io.flowstate.asl.model.MapState;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.util.Optional;

/**
 * A Distributed Map's {@code ItemReader}: the items come from outside the interpreter (S3, or a mock), so the Map
 * asks for them with an {@link Effect.InvokeTask} that carries the reader's resource, its evaluated
 * {@code Parameters} and its {@code ReaderConfig} ({@code MaxItemsPath} resolved), and goes on when the answer comes
 * back. As on AWS, the Map Run starts first ({@code MapStateStarted} with length 0, {@code MapRunStarted}), reading
 * records no Task events, and a reader that fails fails the run ({@code MapRunFailed}) and the state with the
 * reader's error ({@code States.ItemReaderFailed}).
 */
final class ItemReads {
    /** AWS reads at most this many items, whatever MaxItems says. */
    static final long MAX_ITEMS = 100_000_000;

    private ItemReads() {}

    /** Schedules the read; the Map waits for it as a Task waits for its result. */
    static void request(Run r, Fiber f, MapState s, JsonNode effective) {
        JsonNode reader = s.itemReader().orElseThrow();
        boolean jsonata = Run.jsonata(s);
        JsonataBindings b = jsonata ? JsonataIo.bindings(r, f, f.input) : null;
        JsonNode params = parameters(r, f, s, effective);
        f.itemSource = source(reader, params);
        ObjectNode config = reader.path("ReaderConfig").isObject() ? ((ObjectNode) reader.get("ReaderConfig")).deepCopy()
                : Json.object();
        if (config.has("MaxItemsPath")) {
            JsonNode max = io.flowstate.asl.expr.Path.compile(config.get("MaxItemsPath").asText())
                    .read(r.context(f, effective));
            config.remove("MaxItemsPath");
            config.set("MaxItems", max);
        } else if (jsonata && config.has("MaxItems")) {
            config.set("MaxItems", jsonata(config.get("MaxItems"), b));
        }
        // A number given as text ("2", e.g. from a variable) counts as that number, as on AWS.
        JsonNode max = config.path("MaxItems");
        if (max.isTextual() && max.textValue().trim().matches("-?\\d+")) {
            config.put("MaxItems", Long.parseLong(max.textValue().trim()));
        }
        r.emit(f, EventType.MAP_STATE_STARTED, new EventDetails.MapStateStarted(0));
        f.mapRunArn = MapStep.mapRunArn(r, s);
        r.emit(f, EventType.MAP_RUN_STARTED, new EventDetails.MapRunStarted(f.mapRunArn));
        f.readerParams = params;
        f.readerConfig = config;
        long taskId = r.exec.nextTaskId++;
        r.exec.tasks.put(taskId, f);
        f.pendingTaskId = taskId;
        f.phase = Fiber.Phase.AWAIT_TASK;
        r.effects.add(new Effect.InvokeTask(taskId, reader.path("Resource").asText(), params, s.name(), 0,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(windowed(config, 0, f.mapRunArn))));
    }

    /**
     * The reader's configuration asking for the window of items from {@code start} ({@link ItemStream}); the Map
     * Run's ARN keeps the reads of two runs over the same object apart (a reader keeps each one's place).
     */
    private static ObjectNode windowed(ObjectNode config, long start, String mapRunArn) {
        ObjectNode c = config.deepCopy();
        c.put("MapRunArn", mapRunArn);
        c.putObject("Window").put("Start", start).put("Size", ItemStream.WINDOW);
        return c;
    }

    /** Asks the reader of the streamed run {@code g} for its next window; the run goes on meanwhile. */
    static void nextWindow(Run r, ChildGroup g) {
        ItemStream st = g.stream;
        long taskId = r.exec.nextTaskId++;
        r.exec.tasks.put(taskId, g.owner);
        st.taskId = taskId;
        r.effects.add(new Effect.InvokeTask(taskId, st.resource, st.params, g.owner.stateName, 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(windowed(st.config, st.position, g.mapRunArn))));
    }

    /**
     * The reader answered the next window of the streamed run {@code g}: its items become children (through the
     * ItemSelector and the ItemBatcher, as the first window's did) and start as the concurrency allows.
     */
    static void window(Run r, ChildGroup g, JsonNode answer) {
        ItemStream st = g.stream;
        st.taskId = -1;
        Fiber f = g.owner;
        MapState s = (MapState) f.machine.state(f.stateName);
        if (!ItemStream.isWindow(answer) && !answer.isArray()) {
            windowFailed(r, g, StateFailure.of(ErrorNames.ITEM_READER_FAILED,
                    "Attempting to map over non-iterable node."));
            return;
        }
        JsonNode items = answer.isArray() ? answer : answer.get("Items");
        st.more = !answer.isArray() && answer.get("More").booleanValue();
        try {
            JsonNode[] selected = MapStep.select(r, f, s, f.effectiveInput, items, st.position, st.source);
            st.position += items.size();
            MapStep.NewChildren children = MapStep.batch(r, f, s, g.stream, selected);
            g.add(children.inputs(), children.counts());
        } catch (EvaluationException e) {
            // As when the first window's items fail to evaluate: the state fails with the error.
            Children.stopRun(r, g);
            f.children = null;
            f.phase = Fiber.Phase.ENTER;
            r.failState(f, s, e);
            r.resume(f);
            return;
        }
        Children.startIterations(r, g);
        if (Children.settles(g)) {
            Children.settled(r, g);
            r.resume(f);
        }
    }

    /** A later window failed: the run fails (its children stop), then the state with the reader's error. */
    static void windowFailed(Run r, ChildGroup g, StateFailure failure) {
        g.stream.taskId = -1;
        Fiber f = g.owner;
        MapState s = (MapState) f.machine.state(f.stateName);
        Children.stopRun(r, g);
        f.children = null;
        failed(r, f, s, failure);
        r.resume(f);
    }

    /** The reader's {@code Parameters} (JSONPath) or {@code Arguments} (JSONata), evaluated. */
    private static JsonNode parameters(Run r, Fiber f, MapState s, JsonNode effective) {
        JsonNode reader = s.itemReader().orElseThrow();
        JsonNode source = reader.has("Parameters") ? reader.get("Parameters") : reader.path("Arguments");
        if (!source.isObject()) {
            return Json.object();
        }
        return Run.jsonata(s) ? jsonata(source, JsonataIo.bindings(r, f, f.input))
                : PayloadTemplate.compile(source).evaluate(r.context(f, effective));
    }

    /**
     * {@code $$.Map.Item.Source} for the items this entry read: the URI of the S3 object ({@code s3://bucket/key}),
     * or of the bucket for {@code s3:listObjectsV2} ({@code s3://bucket}). AWS's context object page writes
     * {@code S3://bucket-name/object-key}; runs observed on AWS show the scheme in lower case, as S3 URIs are.
     * A state test (no read; its items are the configuration's) evaluates the reader's parameters here, and shows
     * no Source (null) rather than fail on parameters it never needed to evaluate.
     */
    static String source(Run r, Fiber f, MapState s, JsonNode effective) {
        if (f.itemSource == null) {
            try {
                f.itemSource = source(s.itemReader().orElseThrow(), parameters(r, f, s, effective));
            } catch (EvaluationException e) {
                return null;
            }
        }
        return f.itemSource;
    }

    private static String source(JsonNode reader, JsonNode params) {
        String bucket = "s3://" + params.path("Bucket").asText();
        return reader.path("Resource").asText().endsWith(":listObjectsV2") ? bucket
                : bucket + "/" + params.path("Key").asText();
    }

    /**
     * A JSONata-mode value with {@code {% %}} strings evaluated. ItemReader fields are kept as written by the parser,
     * so their expressions are compiled here, once per read.
     */
    static JsonNode jsonata(JsonNode v, JsonataBindings b) {
        if (v.isTextual() && v.textValue().startsWith("{%") && v.textValue().endsWith("%}")) {
            String text = v.textValue();
            return JsonataExpression.compile(text.substring(2, text.length() - 2)).evaluate(b)
                    .orElse(Json.nodes().nullNode());
        }
        if (v.isObject()) {
            ObjectNode out = Json.object();
            v.properties().forEach(e -> out.set(e.getKey(), jsonata(e.getValue(), b)));
            return out;
        }
        if (v.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = Json.nodes().arrayNode();
            v.forEach(x -> out.add(jsonata(x, b)));
            return out;
        }
        return v;
    }

    /** The reader answered {@code items} (all of them, or a first window): the Map starts over them. */
    static void read(Run r, Fiber f, MapState s, JsonNode items) {
        f.readItems = items;
        f.phase = Fiber.Phase.ENTER;
        try {
            MapStep.start(r, f, s);
        } catch (EvaluationException e) {
            r.failState(f, s, e);
        }
    }

    /** The reader failed: the run fails, then the state with the reader's error (Retry and Catch apply). */
    static void failed(Run r, Fiber f, MapState s, StateFailure failure) {
        f.phase = Fiber.Phase.ENTER;
        f.readItems = null;
        f.readerParams = null;
        f.readerConfig = null;
        r.emit(f, EventType.MAP_RUN_FAILED, EventDetails.Failure.of(failure.error(), failure.cause().orElse(null)));
        if (!ErrorHandling.retry(r, f, s, failure)) {
            r.emit(f, EventType.MAP_STATE_FAILED, EventDetails.NONE);
            ErrorHandling.fail(r, f, s, failure);
        }
    }
}
