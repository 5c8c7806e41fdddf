package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The JSONPath subset the corpus's snapshot transformers use: {@code $} followed by {@code .name} (child) and
 * {@code ..name} (any descendant) steps, for example {@code $..events..stateExitedEventDetails.output.X}.
 * Anything else is rejected when compiled, so a new transformer shape is noticed rather than ignored.
 */
public record SimpleJsonPath(String text, List<Step> steps) {
    /** One step: a field name, matched as a child or as any descendant. */
    public record Step(String name, boolean deep) {
        public Step {
            requireNonNull(name, "name is null");
        }
    }

    public SimpleJsonPath {
        requireNonNull(text, "text is null");
        steps = List.copyOf(steps);
    }

    public static SimpleJsonPath compile(String path) {
        if (!path.startsWith("$")) {
            throw new IllegalArgumentException("unsupported JSONPath '" + path + "': must start with $");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            boolean deep = path.startsWith("..", i);
            if (!deep && path.charAt(i) != '.') {
                throw new IllegalArgumentException("unsupported JSONPath '" + path + "' at " + i);
            }
            i += deep ? 2 : 1;
            int end = i;
            while (end < path.length() && path.charAt(end) != '.') {
                end++;
            }
            String name = path.substring(i, end);
            if (name.isEmpty() || !name.matches("[A-Za-z0-9_\\-]+")) {
                throw new IllegalArgumentException("unsupported JSONPath '" + path + "': step '" + name + "'");
            }
            steps.add(new Step(name, deep));
            i = end;
        }
        return new SimpleJsonPath(path, steps);
    }

    /** Replaces every value the path selects in {@code root} (in place) by {@code replace(value)}. */
    public void replace(JsonNode root, UnaryOperator<JsonNode> replace) {
        apply(root, 0, replace);
    }

    private void apply(JsonNode node, int stepIndex, UnaryOperator<JsonNode> replace) {
        Step step = steps.get(stepIndex);
        boolean last = stepIndex == steps.size() - 1;
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                if (field.getKey().equals(step.name())) {
                    if (last) {
                        object.set(field.getKey(), replace.apply(field.getValue()));
                    } else {
                        apply(field.getValue(), stepIndex + 1, replace);
                    }
                }
                if (step.deep()) {
                    apply(object.get(field.getKey()), stepIndex, replace);
                }
            }
        } else if (node instanceof ArrayNode array && step.deep()) {
            for (JsonNode item : array) {
                apply(item, stepIndex, replace);
            }
        }
    }
}
