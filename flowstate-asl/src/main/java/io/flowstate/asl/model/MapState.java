package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.jsonata.JsonataTemplate;
import java.util.List;
import java.util.Optional;

/**
 * {@code "Type": "Map"}: runs {@code itemProcessor} for each item. The legacy {@code Iterator} is parsed into
 * {@code itemProcessor} and the legacy {@code Parameters} into {@code itemSelector} (they mean the same).
 * {@code items} is the JSONata-mode {@code Items}; Distributed Map's reader, batcher and writer are kept as written.
 */
public record MapState(
        StateCommon common,
        Transition transition,
        IoSpec io,
        StateMachine itemProcessor,
        ProcessorConfig processorConfig,
        Optional<Path> itemsPath,
        Optional<JsonataTemplate> items,
        Optional<Template> itemSelector,
        IntSource maxConcurrency,
        Optional<IntSource> toleratedFailureCount,
        Optional<NumberSource> toleratedFailurePercentage,
        Optional<String> label,
        Optional<JsonNode> itemReader,
        Optional<JsonNode> itemBatcher,
        Optional<JsonNode> resultWriter,
        List<Retrier> retry,
        List<Catcher> catchers) implements State {
    public MapState {
        requireNonNull(common, "common is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(io, "io is null");
        requireNonNull(itemProcessor, "itemProcessor is null");
        requireNonNull(processorConfig, "processorConfig is null");
        requireNonNull(itemsPath, "itemsPath is null");
        requireNonNull(items, "items is null");
        requireNonNull(itemSelector, "itemSelector is null");
        requireNonNull(maxConcurrency, "maxConcurrency is null");
        requireNonNull(toleratedFailureCount, "toleratedFailureCount is null");
        requireNonNull(toleratedFailurePercentage, "toleratedFailurePercentage is null");
        requireNonNull(label, "label is null");
        requireNonNull(itemReader, "itemReader is null");
        requireNonNull(itemBatcher, "itemBatcher is null");
        requireNonNull(resultWriter, "resultWriter is null");
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
    }

    @Override
    public String type() {
        return "Map";
    }
}
