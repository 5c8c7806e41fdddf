package io.flowstate.testing.assertions;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.history.EventType;
import io.flowstate.testing.ExecutionHistory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link ExecutionHistory}: its event types, and the whole history against a golden file of
 * its GetExecutionHistory JSON (see {@link #matchesGoldenFile(Path)}).
 */
public final class HistoryAssert extends AbstractAssert<HistoryAssert, ExecutionHistory> {
    HistoryAssert(ExecutionHistory actual) {
        super(actual, HistoryAssert.class);
    }

    /** The events are exactly of these types, in this order. */
    public HistoryAssert hasEventTypes(EventType... types) {
        isNotNull();
        if (!actual.types().equals(Arrays.asList(types))) {
            failWithActualExpectedAndMessage(names(actual.types()), names(Arrays.asList(types)),
                    "history event types differ" + Describe.DIFF, names(Arrays.asList(types)), names(actual.types()));
        }
        return this;
    }

    /** Events of these types occur in this order; others may come before, between and after them. */
    public HistoryAssert containsEventTypesInOrder(EventType... types) {
        isNotNull();
        int i = 0;
        for (EventType t : actual.types()) {
            if (i < types.length && t == types[i]) {
                i++;
            }
        }
        if (i < types.length) {
            failWithMessage("expected the history to contain %s in this order, but %s is missing after %s; "
                    + "the history is %s", names(Arrays.asList(types)), types[i].awsName(),
                    names(Arrays.asList(types).subList(0, i)), names(actual.types()));
        }
        return this;
    }

    /** No event is of type {@code type}. */
    public HistoryAssert doesNotContainEventType(EventType type) {
        isNotNull();
        if (actual.types().contains(type)) {
            failWithMessage("expected no %s event; the history is %s", type.awsName(), names(actual.types()));
        }
        return this;
    }

    /**
     * The history's GetExecutionHistory JSON ({@link ExecutionHistory#toPrettyJson()}) is the one in
     * {@code goldenFile} (compared as JSON). Virtual time starts at a fixed instant and task tokens derive from
     * the execution's ARN, so the JSON is the same on every run. With {@code -Dflowstate.golden.update=true}
     * (or {@code FLOWSTATE_GOLDEN_UPDATE=true}) the file is written instead; a missing file is written and
     * the assertion fails, so that a new golden file is always looked at before it is trusted.
     */
    public HistoryAssert matchesGoldenFile(Path goldenFile) {
        isNotNull();
        String json = actual.toPrettyJson();
        Optional<String> golden = GoldenFile.read(goldenFile);
        if (GoldenFile.updating()) {
            GoldenFile.write(goldenFile, json);
            return this;
        }
        if (golden.isEmpty()) {
            GoldenFile.write(goldenFile, json);
            failWithMessage("golden file %s did not exist and has been written: review it, then run again "
                    + "(re-record all with -D%s=true)", goldenFile, GoldenFile.PROPERTY);
            return this;
        }
        JsonNode expected = Describe.parse(golden.get());
        if (!JsonMatch.equal(actual.toJson(), expected)) {
            failWithActualExpectedAndMessage(json, Describe.pretty(expected) + "\n",
                    "history differs from golden file %s (re-record with -D%s=true): %s", goldenFile,
                    GoldenFile.PROPERTY, Describe.firstDifference(actual.toJson().path("events"),
                            expected.path("events")));
        }
        return this;
    }

    private static List<String> names(List<EventType> types) {
        return types.stream().map(EventType::awsName).toList();
    }
}
