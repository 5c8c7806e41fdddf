package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.jsonata.JsonataBindings;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.NumberSource;
import io.flowstate.asl.model.ProcessorConfig;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import java.util.Map;

/**
 * Map (inline): runs the item processor once per item of the array at ItemsPath, at most MaxConcurrency at a
 * time (0: no limit); the result is the array of iteration outputs in item order.
 */
final class MapStep {
    /** {@code $$.Map.Item.Source} for items taken from the state input. */
    static final String STATE_DATA = "STATE_DATA";

    private MapStep() {}

    static void enter(Run r, Fiber f, MapState s) {
        f.effectiveInput = Run.jsonata(s) ? f.input : Io.inputPath(r, f, s.io(), f.input);
        attempt(r, f, s);
    }

    /**
     * One attempt at the state over its effective input: the first, or a retry. An attempt is a new Map Run, so
     * an ItemReader reads again (a retry after the reader failed must not map over the state input instead).
     */
    static void attempt(Run r, Fiber f, MapState s) {
        f.readItems = null;
        f.itemSource = null;
        f.mapRunArn = null;
        f.written = null;
        f.writing = false;
        f.failedRun = null;
        f.runFailure = null;
        if (s.itemReader().isPresent() && r.probe(f) == null) {
            ItemReads.request(r, f, s, f.effectiveInput);
            return;
        }
        start(r, f, s);
    }

    static void start(Run r, Fiber f, MapState s) {
        JsonNode effective = f.effectiveInput;
        boolean jsonata = Run.jsonata(s);
        JsonataBindings b = jsonata ? JsonataIo.bindings(r, f, f.input) : null;
        JsonNode items;
        // A reader that reads in windows answered the first ({"Items", "More"}).
        boolean more = false;
        if (f.readItems != null && ItemStream.isWindow(f.readItems)) {
            more = f.readItems.get("More").booleanValue();
            f.readItems = f.readItems.get("Items");
        }
        if (jsonata && s.items().isPresent()) {
            items = s.items().get().evaluate(b, "Items");
            if (!items.isArray()) {
                throw JsonataIo.unexpected(s.items().get(), "Items", "array", items);
            }
        } else {
            // With an ItemReader, AWS maps over what it read and ignores ItemsPath (recorded:
            // map_item_reader_base_json_with_items_path-*).
            items = f.readItems != null ? f.readItems : s.itemsPath().isPresent() && !Io.isRoot(s.itemsPath().get())
                    ? s.itemsPath().get().read(r.context(f, effective)) : effective;
        }
        if (f.readItems != null && !items.isArray()) {
            ItemReads.failed(r, f, s, StateFailure.of(ErrorNames.ITEM_READER_FAILED,
                    "Attempting to map over non-iterable node."));
            return;
        }
        StepProbe probe = r.probe(f);
        if (probe != null && s.itemReader().isPresent()) {
            items = probe.setup.configuration().mapItemReaderData().orElse(items);
        }
        if (probe != null && !jsonata) {
            probe.payload("afterInputPath", effective);
            probe.payload("afterItemsPath", items);
        }
        if (!items.isArray() && !jsonata && f.readItems == null && s.itemsPath().isPresent()
                && s.itemsPath().get().root() == io.flowstate.asl.expr.Path.Root.CONTEXT) {
            // An ItemsPath into the context object fails with a bare message naming the path inside the context
            // ("$$.Execution.Input" as "$.Execution.Input"), recorded on AWS (TestState state_map_context_object).
            r.failFiber(f, StateFailure.of(ErrorNames.RUNTIME, "Reference path \""
                    + s.itemsPath().get().text().substring(1) + "\" must point to array."));
            return;
        }
        if (!items.isArray()) {
            throw new EvaluationException(jsonata ? ErrorNames.QUERY_EVALUATION_ERROR : ErrorNames.RUNTIME,
                    "Map state input must be an array but was: " + Json.write(items));
        }
        int maxConcurrency = (int) integer(r, f, s.maxConcurrency(), effective, "MaxConcurrencyPath");
        // Where the items came from, for the ItemSelector's $$.Map.Item.Source.
        String source = s.itemReader().isEmpty() || s.itemSelector().isEmpty() ? STATE_DATA
                : ItemReads.source(r, f, s, effective);
        JsonNode[] inputs = select(r, f, s, effective, items, 0, source);
        boolean read = f.readItems != null;
        if (!read) {
            r.emit(f, EventType.MAP_STATE_STARTED, new EventDetails.MapStateStarted(items.size()));
        }
        // A reader that answered a first window of items reads on while the children run (ItemStream).
        ItemStream stream = more ? new ItemStream(s.itemReader().orElseThrow().path("Resource").asText(),
                f.readerParams, f.readerConfig, source, items.size()) : null;
        // The ItemSelector shapes each item, then the ItemBatcher groups them: a child per batch.
        NewChildren children = batch(r, f, s, stream, inputs);
        JsonNode[] childInputs = children.inputs();
        ChildGroup g = new ChildGroup(ChildGroup.Kind.MAP, f, childInputs.length, childInputs, maxConcurrency);
        if (children.counts() != null) {
            g.batched(children.counts());
        }
        g.stream = stream;
        // AWS evaluates the tolerated-failure fields after MapStateStarted (their errors follow that event).
        if (s.toleratedFailureCount().isPresent()) {
            g.toleratedFailureCount = integer(r, f, s.toleratedFailureCount().get(), effective, "ToleratedFailureCountPath");
            if (g.toleratedFailureCount < 0) {
                throw new EvaluationException(ErrorNames.RUNTIME, "ToleratedFailureCount cannot be negative.");
            }
        }
        if (s.toleratedFailurePercentage().isPresent()) {
            g.toleratedFailurePercentage = number(r, f, s.toleratedFailurePercentage().get(), effective);
            if (g.toleratedFailurePercentage < 0 || g.toleratedFailurePercentage > 100) {
                throw new EvaluationException(ErrorNames.RUNTIME, "ToleratedFailurePercentage must be between 0 and 100.");
            }
        }
        if (probe != null) {
            probe.number("maxConcurrency", maxConcurrency);
            if (s.toleratedFailureCount().isPresent()) {
                probe.number("toleratedFailureCount", g.toleratedFailureCount);
            }
            if (s.toleratedFailurePercentage().isPresent()) {
                probe.number("toleratedFailurePercentage", g.toleratedFailurePercentage);
            }
            if (probe.setup.mock().isPresent()) {
                mocked(r, f, s, g, probe);
                return;
            }
        }
        if (s.processorConfig().mode() == ProcessorConfig.Mode.DISTRIBUTED) {
            g.distributed = true;
            // An ItemReader's run started before it read (see ItemReads).
            g.mapRunArn = read ? f.mapRunArn : mapRunArn(r, s);
            f.mapRunArn = g.mapRunArn;
            if (!f.silent) {
                // A run inside another run's iteration belongs to a child execution, not to this one.
                r.exec.mapRuns.add(g);
            }
            if (probe == null && ResultParts.applies(s)) {
                try {
                    g.parts = ItemWrites.parts(r, f, s);
                } catch (EvaluationException e) {
                    // The writer's parameters fail where they always did: when the run's results are written.
                    g.parts = null;
                }
            }
            if (!read) {
                r.emit(f, EventType.MAP_RUN_STARTED, new EventDetails.MapRunStarted(g.mapRunArn));
            }
        }
        f.children = g;
        f.phase = Fiber.Phase.AWAIT_CHILDREN;
        if (childInputs.length == 0 && stream == null) {
            if (g.distributed) {
                if (read) {
                    r.emit(f, EventType.MAP_RUN_SUCCEEDED, EventDetails.NONE);
                } else {
                    r.emitDetached(f, EventType.MAP_RUN_SUCCEEDED, EventDetails.NONE);
                }
            }
            r.emitAfterLast(f, EventType.MAP_STATE_SUCCEEDED, EventDetails.NONE);
            f.children = null;
            f.phase = Fiber.Phase.ENTER;
            completed(r, f, s, Json.nodes().arrayNode());
            return;
        }
        Children.startIterations(r, g);
    }

    /**
     * The children's inputs of {@code items}, the first at item index {@code first}: each item through the
     * ItemSelector, if any.
     */
    static JsonNode[] select(Run r, Fiber f, MapState s, JsonNode effective, JsonNode items, long first,
            String source) {
        boolean jsonata = Run.jsonata(s);
        JsonataBindings bindings = jsonata ? JsonataIo.bindings(r, f, f.input) : null;
        JsonNode[] inputs = new JsonNode[items.size()];
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int index = (int) (first + i);
            if (s.itemSelector().isEmpty()) {
                inputs[i] = item;
            } else if (jsonata) {
                inputs[i] = JsonataIo.template(s.itemSelector().get(),
                        bindings.withContext(itemContextObject(r, f, index, item, source)), "ItemSelector");
            } else {
                inputs[i] = s.itemSelector().get().compiled().orElseThrow()
                        .evaluate(itemContext(r, f, effective, index, item, source));
            }
        }
        return inputs;
    }

    /** New children: their inputs, and with an ItemBatcher how many items each batch holds (else null). */
    record NewChildren(JsonNode[] inputs, int[] counts) {}

    /**
     * The children over {@code inputs}: one per input, or one per batch with an ItemBatcher. While a streamed
     * run reads on, its last batch waits for the next window (it may not be full yet): its items are carried
     * over, and batches come out as they would over all the items at once.
     */
    static NewChildren batch(Run r, Fiber f, MapState s, ItemStream stream, JsonNode[] inputs) {
        if (!ItemBatches.applies(s)) {
            return new NewChildren(inputs, null);
        }
        JsonNode[] all = inputs;
        if (stream != null && !stream.carry.isEmpty()) {
            all = new JsonNode[stream.carry.size() + inputs.length];
            for (int i = 0; i < stream.carry.size(); i++) {
                all[i] = stream.carry.get(i);
            }
            System.arraycopy(inputs, 0, all, stream.carry.size(), inputs.length);
        }
        ItemBatches.Batches b = ItemBatches.of(r, f, s, f.effectiveInput, all);
        if (stream == null || !stream.more || b.inputs().length == 0) {
            if (stream != null) {
                stream.carry = java.util.List.of();
            }
            return new NewChildren(b.inputs(), b.itemCounts());
        }
        int keep = b.inputs().length - 1;
        int carried = b.itemCounts()[keep];
        stream.carry = java.util.List.of(java.util.Arrays.copyOfRange(all, all.length - carried, all.length));
        return new NewChildren(java.util.Arrays.copyOf(b.inputs(), keep), java.util.Arrays.copyOf(b.itemCounts(), keep));
    }

    /**
     * Entered again by a redrive with the iterations of the attempt that did not succeed ({@link Redrive}): the
     * items, their inputs and the thresholds stay as evaluated then; only the unfinished iterations run.
     */
    static void resume(Run r, Fiber f, MapState s, ChildGroup g) {
        r.emit(f, EventType.MAP_STATE_STARTED, new EventDetails.MapStateStarted(g.totalItems));
        Redrive.resume(g);
        if (g.distributed) {
            g.redriveTime = r.now;
            r.emit(f, EventType.MAP_RUN_REDRIVEN, new EventDetails.Redriven(java.util.Optional.of(g.mapRunArn),
                    ++g.redriveCount));
        }
        f.children = g;
        f.phase = Fiber.Phase.AWAIT_CHILDREN;
        if (Children.settles(g)) {
            Children.settled(r, g);
            return;
        }
        Children.startIterations(r, g);
    }

    /**
     * A state test's mock stands for the iterations: their result array, or the error a nested state raised;
     * TestState's {@code mapIterationFailureCount} says how many iterations failed.
     */
    private static void mocked(Run r, Fiber f, MapState s, ChildGroup g, StepProbe probe) {
        switch (probe.setup.mock().get()) {
            case StateTest.Mock.Error e -> ErrorHandling.handle(r, f, s, new StateFailure(e.error(), e.cause()));
            case StateTest.Mock.Result m -> {
                g.failures = probe.setup.configuration().mapIterationFailureCount().orElse(0);
                boolean limited = s.toleratedFailureCount().isPresent() || s.toleratedFailurePercentage().isPresent();
                if (limited && g.failures > 0 && !Children.tolerated(g)) {
                    ErrorHandling.handle(r, f, s, StateFailure.of(ErrorNames.EXCEEDS_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded"));
                } else {
                    completed(r, f, s, m.value());
                }
            }
        }
    }

    /** {@code arn:aws:states:REGION:ACCOUNT:mapRun:MACHINE/LABEL:ID}; the id is unique per Map run. */
    static String mapRunArn(Run r, MapState s) {
        String machineArn = r.exec.info.stateMachineArn();
        String prefix = machineArn.replace(":stateMachine:", ":mapRun:");
        String label = s.label().orElse(Long.toHexString(r.exec.random.nextLong() & 0xffffffffL));
        return prefix + "/" + label + ":" + new java.util.UUID(r.exec.random.nextLong(), r.exec.random.nextLong());
    }

    private static EvalContext itemContext(Run r, Fiber f, JsonNode effective, int index, JsonNode item,
            String source) {
        return new EvalContext(effective, itemContextObject(r, f, index, item, source), f.scope, r.exec.random);
    }

    /**
     * The context object an ItemSelector sees: the Map state's, with {@code Map.Item}: {@code Index}, {@code Value}
     * and {@code Source} ({@code STATE_DATA} for items from the state input, else the S3 URI the reader read;
     * see {@link ItemReads#source}). Only the ItemSelector sees it: the states of the ItemProcessor do not.
     */
    private static JsonNode itemContextObject(Run r, Fiber f, int index, JsonNode item, String source) {
        ObjectNode ctx = (ObjectNode) r.contextObject(f);
        ObjectNode it = ctx.putObject("Map").putObject("Item");
        it.put("Index", index);
        it.set("Value", item);
        it.put("Source", source);
        return ctx;
    }

    static void completed(Run r, Fiber f, MapState s, JsonNode results) {
        if (s.resultWriter().isPresent() && f.written == null && r.probe(f) == null
                && s.processorConfig().mode() == ProcessorConfig.Mode.DISTRIBUTED && f.mapRunArn != null) {
            ItemWrites.request(r, f, s, results);
            return;
        }
        // With a ResultWriter, the state's result is what the writer answered (the Map Run and where it wrote).
        JsonNode value = f.written != null ? f.written : results;
        f.written = null;
        CombinedResult.exit(r, f, s, s.io(), s.transition(), value, false);
    }

    private static long integer(Run r, Fiber f, IntSource source, JsonNode effective, String field) {
        return switch (source) {
            case IntSource.Literal l -> l.value();
            case IntSource.FromPath p -> {
                JsonNode v = p.path().read(r.context(f, effective));
                java.util.OptionalLong n = wholeNumber(v);
                if (n.isEmpty()) {
                    throw new EvaluationException(ErrorNames.RUNTIME, "The " + field + " field refers to value \""
                            + shown(v) + "\" which is not a valid integer: " + p.path().text());
                }
                yield n.getAsLong();
            }
            case IntSource.FromJsonata j -> JsonataIo.integer(j.expression(), JsonataIo.bindings(r, f, f.input),
                    field.replace("Path", ""));
        };
    }

    private static double number(Run r, Fiber f, NumberSource source, JsonNode effective) {
        return switch (source) {
            case NumberSource.Literal l -> l.value();
            case NumberSource.FromPath p -> {
                JsonNode v = p.path().read(r.context(f, effective));
                if (v.isTextual()) {
                    try {
                        yield Double.parseDouble(v.textValue());
                    } catch (NumberFormatException e) {
                        // reported below with AWS's message
                    }
                }
                if (!v.isNumber()) {
                    throw new EvaluationException(ErrorNames.RUNTIME, "The ToleratedFailurePercentagePath field refers to value \""
                            + shown(v) + "\" which is not a valid float: " + p.path().text());
                }
                yield v.doubleValue();
            }
            case NumberSource.FromJsonata j -> JsonataIo.number(j.expression(), JsonataIo.bindings(r, f, f.input),
                    "ToleratedFailurePercentage");
        };
    }

    /** An integer, or a string holding one (AWS accepts {@code "1"} from a path). */
    private static java.util.OptionalLong wholeNumber(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return java.util.OptionalLong.of(v.intValue());
        }
        if (v.isTextual()) {
            try {
                return java.util.OptionalLong.of(Integer.parseInt(v.textValue().strip()));
            } catch (NumberFormatException e) {
                return java.util.OptionalLong.empty();
            }
        }
        return java.util.OptionalLong.empty();
    }

    private static String shown(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.write(v);
    }

}
