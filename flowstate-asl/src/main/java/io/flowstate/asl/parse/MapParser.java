package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.NumberSource;
import io.flowstate.asl.model.ProcessorConfig;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.model.Template;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Map}: the item processor (or legacy {@code Iterator}), where the items come from (ItemsPath / Items /
 * ItemReader), the per-item selector (ItemSelector or legacy Parameters), concurrency, failure tolerance, the
 * Map Run label, batching, result writing, Retry and Catch.
 */
final class MapParser {
    private static final Set<String> PROCESSOR_CONFIG = Set.of("Mode", "ExecutionType");

    private MapParser() {}

    static Optional<State> parse(StateInput in) {
        FieldReader r = in.fields();
        Optional<StateMachine> processor = Optional.empty();
        ProcessorConfig config = ProcessorConfig.INLINE;
        if (!r.has("ItemProcessor") && !r.has("Iterator")) {
            r.require("ItemProcessor");
        } else if (r.atMostOne("ItemProcessor", "Iterator")) {
            String field = r.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
            Optional<ObjectNode> obj = r.object(field);
            if (obj.isPresent()) {
                config = processorConfig(new FieldReader(obj.get(), r.at(field), in.out()));
                processor = MachineParser.nested(obj.get(), r.at(field), in.ctx(), MachineParser.Kind.ITEM_PROCESSOR);
            }
        }
        Optional<Template> selector = itemSelector(r, in);
        Optional<Path> itemsPath = in.jsonata() ? Optional.empty()
                : r.string("ItemsPath").flatMap(p -> Expressions.path(p, "ItemsPath", r.at("ItemsPath"), in.out()));
        Optional<io.flowstate.asl.jsonata.JsonataTemplate> items = in.jsonata()
                ? r.value("Items").flatMap(v -> Expressions.jsonata(v, r.at("Items"), in.out()))
                : Optional.empty();
        IntSource maxConcurrency = Sources.integer(r, "MaxConcurrency", "MaxConcurrencyPath", in.language(), 0,
                Long.MAX_VALUE).orElse(new IntSource.Literal(0));
        Optional<IntSource> toleratedCount = Sources.integer(r, "ToleratedFailureCount", "ToleratedFailureCountPath",
                in.language(), 0, Long.MAX_VALUE);
        Optional<NumberSource> toleratedPercentage = Sources.number(r, "ToleratedFailurePercentage",
                "ToleratedFailurePercentagePath", in.language(), 0, 100);
        Optional<String> label = label(r, in);
        Optional<JsonNode> reader = r.object("ItemReader").map(JsonNode.class::cast);
        Optional<JsonNode> batcher = r.object("ItemBatcher").map(JsonNode.class::cast);
        Optional<JsonNode> writer = r.object("ResultWriter").map(JsonNode.class::cast);
        var retry = RetryParser.parse(r);
        var catchers = CatchParser.parse(r, in.language());
        ProcessorConfig pc = config;
        return processor.map(p -> new MapState(in.common(), in.transition(), in.io(), p, pc, itemsPath, items,
                selector, maxConcurrency, toleratedCount, toleratedPercentage, label, reader, batcher, writer, retry,
                catchers));
    }

    /** ItemSelector, or its legacy name Parameters (JSONPath only); not both. */
    private static Optional<Template> itemSelector(FieldReader r, StateInput in) {
        if (!r.atMostOne("ItemSelector", "Parameters")) {
            return Optional.empty();
        }
        String field = r.has("ItemSelector") ? "ItemSelector" : "Parameters";
        if (!r.has(field)) {
            return Optional.empty();
        }
        if (in.jsonata()) {
            return r.value(field).flatMap(v -> Expressions.jsonataTemplate(v, r.at(field), in.out()));
        }
        // The legacy Parameters may be any JSON value, as in other states (see IoParser); ItemSelector is an object.
        Optional<JsonNode> template = field.equals("Parameters") ? r.value(field)
                : r.object(field).map(JsonNode.class::cast);
        return template.flatMap(o -> Expressions.template(o, r.at(field), in.out()));
    }

    private static Optional<String> label(FieldReader r, StateInput in) {
        Optional<String> label = r.string("Label");
        if (label.isEmpty()) {
            return label;
        }
        if (!LabelRules.isValid(label.get())) {
            in.out().error(Codes.INVALID_LABEL_NAME, Messages.invalidLabel(), r.at("Label"));
            return Optional.empty();
        }
        if (!in.ctx().labels.add(label.get())) {
            in.out().error(Codes.DUPLICATE_LABEL_NAME, Messages.duplicateLabel(label.get()), r.at("Label"));
        }
        return label;
    }

    private static ProcessorConfig processorConfig(FieldReader processor) {
        if (!processor.has("ProcessorConfig")) {
            return ProcessorConfig.INLINE;
        }
        Optional<ObjectNode> obj = processor.object("ProcessorConfig");
        if (obj.isEmpty()) {
            return ProcessorConfig.INLINE;
        }
        FieldReader r = new FieldReader(obj.get(), processor.at("ProcessorConfig"), processor.out());
        r.rejectUnknown(PROCESSOR_CONFIG);
        ProcessorConfig.Mode mode = ProcessorConfig.Mode.INLINE;
        Optional<String> m = r.string("Mode");
        if (m.isPresent()) {
            try {
                mode = ProcessorConfig.Mode.valueOf(m.get());
            } catch (IllegalArgumentException e) {
                r.out().schema(Messages.oneOfValues("Mode", List.of("INLINE", "DISTRIBUTED")), r.at("Mode"));
            }
        }
        Optional<String> executionType = r.string("ExecutionType");
        if (executionType.isPresent() && !List.of("STANDARD", "EXPRESS").contains(executionType.get())) {
            r.out().schema(Messages.oneOfValues("ExecutionType", List.of("STANDARD", "EXPRESS")),
                    r.at("ExecutionType"));
        }
        return new ProcessorConfig(mode, executionType);
    }
}
