package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts an actual result through the steps the recording went through (corpus README, "Placeholders and how to
 * compare"), so it can be compared with {@code expected.json}:
 *
 * <ol>
 *   <li>JSON-object strings in events (and a top-level {@code cause}) are parsed ({@link JsonStrings});
 *   <li>{@code parallel-sorted} cases get {@link ParallelEvents};
 *   <li>the case's {@link SnapshotTransformer}s run in their recorded order;
 *   <li>in every string: this suite's role ARN, state machine, execution and Lambda names become the case's
 *       placeholders; the account becomes {@code 111111111111}, the region {@code <region>}, {@code arn:aws:}
 *       {@code arn:<partition>:}; ISO-8601 date-times become {@code date}.
 * </ol>
 *
 * UUIDs, {@code timestamp} fields and the other placeholders need no step here: the comparator treats them as
 * wildcards. The top-level {@code output} is compared parsed, as recorded, and is not walked by step 1.
 */
public record Normaliser(List<Replacement> replacements, List<SnapshotTransformer> transformers,
        boolean parallelSorted, boolean customEvents) {
    /** A plain-text replacement inside string values. */
    public record Replacement(String from, String to) {
        public Replacement {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /**
     * What the recording's date transformer matched: valid ISO-8601 date-times with a zone, also inside text.
     * Invalid ones ({@code 2016-13-05T21:29:29Z}) were left alone and appear in error causes.
     */
    static final Pattern ISO_DATE_TIME = Pattern.compile("[1-9]\\d{3}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])"
            + "T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-][01]\\d(:?[0-5]\\d)?)");

    public Normaliser {
        replacements = List.copyOf(replacements);
        transformers = List.copyOf(transformers);
    }

    public static Normaliser of(ConformanceCase testCase, CaseNames names) {
        JsonNode expected = testCase.expected();
        List<Replacement> replacements = new ArrayList<>();
        if (testCase.kind() != CaseKind.TEST_STATE) {
            // TestState recordings name the role through their resource-name transformer (a wildcard) instead.
            replacements.add(new Replacement(Arns.ROLE_ARN, testCase.namePlaceholder("role_arn").orElse("snf_role_arn")));
        }
        replacements.add(new Replacement(names.stateMachine(),
                testCase.namePlaceholder("state_machine_name").orElse("<ArnPart_0idx>")));
        replacements.add(new Replacement(names.execution(), testCase.namePlaceholder("execution_name")
                .or(() -> testCase.namePlaceholder("execution_arn_part1")).orElse("<ExecArnPart_0idx>")));
        Map<String, String> renames = SnapshotTransformer.lambdaRenames(expected);
        for (LambdaNeed need : testCase.needs()) {
            String placeholder = renames.getOrDefault(need.nameToken(), need.recordedNamePlaceholder());
            replacements.add(new Replacement(names.lambdaNames().get(need.nameToken()), placeholder));
        }
        replacements.add(new Replacement(Arns.ACCOUNT, "111111111111"));
        replacements.add(new Replacement("arn:" + Arns.PARTITION + ":", "arn:<partition>:"));
        replacements.add(new Replacement(Arns.REGION, "<region>"));
        boolean parallelSorted = "parallel-sorted".equals(expected.path("events_normalisation").asText());
        boolean custom = "custom".equals(expected.path("events_normalisation").asText());
        return new Normaliser(replacements, SnapshotTransformer.of(expected), parallelSorted, custom);
    }

    /**
     * Returns a normalised copy of an actual snapshot {@code {status, output?, error?, cause?, events?}}.
     */
    public JsonNode normalise(JsonNode snapshot) {
        JsonNode copy = snapshot.deepCopy();
        if (copy.get("events") instanceof ArrayNode events) {
            JsonStrings.parseObjectStrings(events);
            if (parallelSorted) {
                ParallelEvents.normalise(events);
            }
            if (customEvents) {
                JsonStrings.parseOutputStrings(events);
            }
        }
        if (copy instanceof ObjectNode object && copy.path("cause").isTextual()) {
            Json.tryParse(copy.path("cause").textValue())
                    .filter(JsonNode::isObject)
                    .filter(parsed -> object.path("cause").textValue().startsWith("{"))
                    .ifPresent(parsed -> object.set("cause", parsed));
        }
        for (SnapshotTransformer transformer : transformers) {
            copy = transformer.apply(copy);
        }
        return StringValues.map(copy, this::normaliseText);
    }

    /**
     * Bindings in which the placeholders this normaliser writes ({@code <ArnPart_0idx>}, {@code <region>}, the
     * Lambda placeholders, ...) stand for themselves: an actual value only matches them if it was normalised
     * to them, so a wrong state machine or execution name cannot hide behind a wildcard.
     */
    public Bindings fixedBindings() {
        Bindings bindings = new Bindings();
        for (Replacement replacement : replacements) {
            if (TokenPattern.TOKEN.matcher(replacement.to()).matches()) {
                bindings.bind(replacement.to(), replacement.to());
            }
        }
        return bindings;
    }

    /** Step 4 on one text, for example a rejection message. */
    public String normaliseText(String text) {
        String result = text;
        for (Replacement replacement : replacements) {
            result = result.replace(replacement.from(), replacement.to());
        }
        return ISO_DATE_TIME.matcher(result).replaceAll("date");
    }
}
