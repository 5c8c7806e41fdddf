package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.EvaluationException;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.PayloadTemplate;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.ProcessorConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Distributed Map's {@code ItemBatcher}: groups the items (each already through the ItemSelector) into batches,
 * one child execution per batch, whose input is {@code {"BatchInput": ..., "Items": [...]}} ({@code BatchInput} only
 * when the batcher has one), as AWS's "ItemBatcher (Map)" page shows. A batch holds at most
 * {@code MaxItemsPerBatch} items and at most {@code MaxInputBytesPerBatch} bytes of JSON text (the whole batch
 * input), never over AWS's 256 KiB; with only one of the two limits, the other does not bound the batch. The items
 * keep their order; a batch is closed as soon as the next item would break a limit.
 *
 * <p>JSONPath: {@code MaxItemsPerBatchPath} and {@code MaxInputBytesPerBatchPath} are reference paths into the
 * state's effective input and must give a positive integer (a number given as text counts, as for the Map's other
 * {@code *Path} fields); {@code BatchInput} is a payload template over the effective input. JSONata:
 * {@code MaxItemsPerBatch}, {@code MaxInputBytesPerBatch} and {@code BatchInput} may hold {@code {% %}} expressions.
 * A value that is not a positive integer, or an item too large for a batch on its own, is {@code States.Runtime}.
 */
final class ItemBatches {
    /** AWS's cap on a batch, and the size of a batch when no byte limit is given. */
    static final long MAX_BYTES = 256 * 1024;

    private ItemBatches() {}

    /** The child inputs and how many items each one carries, in order. */
    record Batches(JsonNode[] inputs, int[] itemCounts) {}

    static boolean applies(MapState s) {
        return s.itemBatcher().isPresent() && s.processorConfig().mode() == ProcessorConfig.Mode.DISTRIBUTED;
    }

    static Batches of(Run r, Fiber f, MapState s, JsonNode effective, JsonNode[] items) {
        JsonNode batcher = s.itemBatcher().orElseThrow();
        boolean jsonata = Run.jsonata(s);
        long maxItems = limit(r, f, batcher, "MaxItemsPerBatch", effective, jsonata).orElse(Long.MAX_VALUE);
        long maxBytes = Math.min(MAX_BYTES, limit(r, f, batcher, "MaxInputBytesPerBatch", effective, jsonata)
                .orElse(MAX_BYTES));
        Optional<JsonNode> batchInput = batchInput(r, f, batcher, effective, jsonata);
        // {"BatchInput":<v>,"Items":[]} without the items, which add their own size and a comma each but the first.
        long base = batchInput.map(v -> "{\"BatchInput\":,\"Items\":[]}".length() + JsonSize.bytes(v))
                .orElse((long) "{\"Items\":[]}".length());
        List<JsonNode> inputs = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        ArrayNode batch = null;
        long size = 0;
        for (int i = 0; i < items.length; i++) {
            long itemBytes = JsonSize.bytes(items[i]);
            if (base + itemBytes > maxBytes) {
                throw new EvaluationException(ErrorNames.RUNTIME, "The item at index " + i + " is " + itemBytes
                        + " bytes: a batch with it alone is over the MaxInputBytesPerBatch of " + maxBytes + " bytes.");
            }
            if (batch != null && (batch.size() >= maxItems || size + 1 + itemBytes > maxBytes)) {
                counts.add(batch.size());
                batch = null;
            }
            if (batch == null) {
                ObjectNode input = Json.object();
                batchInput.ifPresent(v -> input.set("BatchInput", v));
                batch = input.putArray("Items");
                inputs.add(input);
                size = base + itemBytes;
            } else {
                size += 1 + itemBytes;
            }
            batch.add(items[i]);
        }
        if (batch != null) {
            counts.add(batch.size());
        }
        return new Batches(inputs.toArray(JsonNode[]::new), counts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** {@code field} or {@code fieldPath}: a positive integer, or empty when neither is given. */
    private static Optional<Long> limit(Run r, Fiber f, JsonNode batcher, String field, JsonNode effective,
            boolean jsonata) {
        String pathField = field + "Path";
        if (!jsonata && batcher.path(pathField).isTextual()) {
            String path = batcher.get(pathField).textValue();
            JsonNode v = Path.compile(path).read(r.context(f, effective));
            return Optional.of(positive(v).orElseThrow(() -> new EvaluationException(ErrorNames.RUNTIME, "The "
                    + pathField + " field refers to value \"" + shown(v) + "\" which is not a valid integer: " + path)));
        }
        if (!batcher.has(field)) {
            return Optional.empty();
        }
        JsonNode source = batcher.get(field);
        JsonNode v = jsonata ? ItemReads.jsonata(source, JsonataIo.bindings(r, f, f.input)) : source;
        Optional<Long> n = jsonata && v.isTextual() ? Optional.empty() : positive(v);
        if (n.isPresent()) {
            return n;
        }
        if (jsonata && source.isTextual()) {
            String text = source.textValue();
            throw new EvaluationException(ErrorNames.QUERY_EVALUATION_ERROR, "The JSONata expression '"
                    + text.substring(2, text.length() - 2).strip() + "' specified for the field '" + field
                    + "' returned an unexpected result type. Expected 'integer', but was '" + typeName(v)
                    + "' for value: " + Json.write(v), Optional.of(field));
        }
        throw new EvaluationException(ErrorNames.RUNTIME, "The " + field + " field must be a positive integer, but was: "
                + Json.write(v));
    }

    private static Optional<JsonNode> batchInput(Run r, Fiber f, JsonNode batcher, JsonNode effective,
            boolean jsonata) {
        if (!batcher.has("BatchInput")) {
            return Optional.empty();
        }
        JsonNode source = batcher.get("BatchInput");
        if (jsonata) {
            return Optional.of(ItemReads.jsonata(source, JsonataIo.bindings(r, f, f.input)));
        }
        return Optional.of(PayloadTemplate.compile(source).evaluate(r.context(f, effective)));
    }

    /** A whole number above zero, or text holding one. */
    private static Optional<Long> positive(JsonNode v) {
        long n;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            n = v.longValue();
        } else if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
            n = (long) v.doubleValue();
        } else if (v.isTextual()) {
            try {
                n = Long.parseLong(v.textValue().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return n > 0 ? Optional.of(n) : Optional.empty();
    }

    private static String shown(JsonNode v) {
        return v.isTextual() ? v.textValue() : Json.write(v);
    }

    private static String typeName(JsonNode v) {
        return switch (v.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            default -> "null";
        };
    }
}
