package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake engine for testing the comparator: it answers one case with that case's own recording turned back
 * into what AWS would have returned (real ARNs, names, UUIDs, timestamps; event inputs and outputs as JSON
 * strings; Parallel events unsorted with real ids). If the comparator is right, every such answer matches.
 */
final class DenormalisingExecutor implements CaseExecutor {
    private static final Pattern UUID_TOKEN = Pattern.compile("<uuid:\\d+>");
    private static final String A_DATE = "2024-05-06T12:59:34.123Z";

    private final ConformanceCase testCase;
    private final CaseNames names;

    DenormalisingExecutor(ConformanceCase testCase) {
        this.testCase = requireNonNull(testCase, "testCase is null");
        this.names = CaseNames.of(testCase);
    }

    @Override
    public boolean supportsExpressSync() {
        return true;
    }

    @Override
    public Optional<Rejection> create(String definition, String type) {
        JsonNode expected = testCase.expected();
        if (testCase.kind() != CaseKind.REJECTED) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(expected.path("error").asText(),
                expected.path("message").isTextual() ? denormalise(expected.path("message").textValue()) : "?"));
    }

    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        JsonNode expected = StringValues.map(testCase.expected().deepCopy(), this::denormalise);
        List<JsonNode> events = new ArrayList<>();
        if (expected.path("events") instanceof ArrayNode recorded) {
            List<JsonNode> list = new ArrayList<>();
            recorded.forEach(list::add);
            if (expected.path("get_execution_history_args").path("reverseOrder").asBoolean()) {
                java.util.Collections.reverse(list);
            }
            for (JsonNode event : unsortParallel(list)) {
                events.add(asReturned((ObjectNode) event));
            }
        }
        JsonNode cause = expected.path("cause");
        return new ExecutionResult(
                expected.path("status").asText(),
                Optional.ofNullable(expected.get("output")),
                Optional.ofNullable(expected.get("error")).map(JsonNode::asText),
                cause.isMissingNode() ? Optional.empty()
                        : Optional.of(cause.isTextual() ? cause.textValue() : Json.write(cause)),
                events);
    }

    /** Puts back what {@link ParallelEvents} dropped and renumbers the sorted events. */
    private static List<JsonNode> unsortParallel(List<JsonNode> events) {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ObjectNode event = (ObjectNode) events.get(i);
            if (ParallelEvents.isSortedEvent(event)) {
                event.put("id", out.size() + 1);
                event.put("previousEventId", out.size());
            } else if (i > 0 && ParallelEvents.isSortedEvent(events.get(i - 1))
                    && event.path("type").asText().equals("ParallelStateExited")) {
                ObjectNode succeeded = JsonNodeFactory.instance.objectNode();
                succeeded.put("id", event.path("id").asLong() - 1);
                succeeded.put("previousEventId", event.path("id").asLong() - 2);
                succeeded.put("timestamp", A_DATE);
                succeeded.put("type", "ParallelStateSucceeded");
                out.add(succeeded);
            }
            out.add(event);
        }
        return out;
    }

    /** An event as GetExecutionHistory returns it: detail payloads as JSON strings, a real timestamp. */
    private static JsonNode asReturned(ObjectNode event) {
        if (event.path("timestamp").asText().equals("timestamp")) {
            event.put("timestamp", 1714999174.123);
        }
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            if (field.getKey().endsWith("EventDetails") && field.getValue() instanceof ObjectNode details) {
                for (Map.Entry<String, JsonNode> detail : new ArrayList<>(details.properties())) {
                    if (detail.getKey().equals("assignedVariables") && detail.getValue() instanceof ObjectNode vars) {
                        new ArrayList<>(vars.properties()).forEach(v -> vars.put(v.getKey(), stringed(v.getValue())));
                    } else if (!detail.getKey().endsWith("Details") && detail.getValue().isContainerNode()) {
                        details.put(detail.getKey(), Json.write(detail.getValue()));
                    }
                }
            }
        }
        return event;
    }

    private static String stringed(JsonNode value) {
        return value.isTextual() ? value.textValue() : Json.write(value);
    }

    /** Placeholders back to this suite's real values. */
    private String denormalise(String text) {
        if (text.equals("date")) {
            return A_DATE;
        }
        String result = text
                .replace("111111111111", Arns.ACCOUNT)
                .replace("<partition>", Arns.PARTITION)
                .replace("<region>", Arns.REGION);
        result = replaceName(result, "role_arn", Arns.ROLE_ARN);
        result = replaceName(result, "state_machine_name", names.stateMachine());
        result = replaceName(result, "execution_name", names.execution());
        result = replaceName(result, "execution_arn_part1", names.execution());
        Map<String, String> renames = SnapshotTransformer.lambdaRenames(testCase.expected());
        for (LambdaNeed need : testCase.needs()) {
            String placeholder = renames.getOrDefault(need.nameToken(), need.recordedNamePlaceholder());
            result = result.replace(placeholder, names.lambdaNames().get(need.nameToken()));
        }
        Matcher uuids = UUID_TOKEN.matcher(result);
        return uuids.replaceAll(m -> UUID.nameUUIDFromBytes(m.group().getBytes(StandardCharsets.UTF_8)).toString());
    }

    private String replaceName(String text, String key, String value) {
        return testCase.namePlaceholder(key).map(placeholder -> text.replace(placeholder, value)).orElse(text);
    }
}
