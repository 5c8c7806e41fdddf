package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelEventsTest {

    private static ArrayNode events(String... types) {
        ArrayNode events = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < types.length; i++) {
            String[] typeAndName = types[i].split(":");
            var event = events.addObject().put("id", i + 1).put("previousEventId", i).put("type", typeAndName[0]);
            if (typeAndName.length > 1) {
                event.putObject("stateEnteredEventDetails").put("name", typeAndName[1]);
            }
        }
        return events;
    }

    private static List<String> describe(JsonNode events) {
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(e.path("id") + " " + e.path("type").asText()));
        return out;
    }

    @Test
    void normalise_oneParallel_sortsBranchEventsAndDropsTheSucceededEvent() {
        ArrayNode events = events("ExecutionStarted", "ParallelStateEntered", "ParallelStateStarted",
                "PassStateEntered:B", "PassStateEntered:A", "ParallelStateSucceeded", "ParallelStateExited",
                "ExecutionSucceeded");

        ParallelEvents.normalise(events);

        assertThat(describe(events)).containsExactly("1 ExecutionStarted", "2 ParallelStateEntered",
                "3 ParallelStateStarted", "[0] PassStateEntered", "[0] PassStateEntered", "7 ParallelStateExited",
                "8 ExecutionSucceeded");
        assertThat(events.get(3).path("stateEnteredEventDetails").path("name").asText()).isEqualTo("A");
    }

    @Test
    void normalise_nestedParallel_reproducesTheRecordedShape() {
        // The shape recorded for scenarios/base_scenarios.parallel_state_nested.
        ArrayNode events = events("ExecutionStarted", "ParallelStateEntered:L1", "ParallelStateStarted",
                "ParallelStateEntered:L2", "ParallelStateStarted", "PassStateEntered:B", "PassStateExited",
                "ParallelStateSucceeded", "ParallelStateExited", "ParallelStateSucceeded", "ParallelStateExited",
                "ExecutionSucceeded");

        ParallelEvents.normalise(events);

        assertThat(describe(events)).containsExactly("1 ExecutionStarted", "2 ParallelStateEntered",
                "3 ParallelStateStarted", "[0] ParallelStateEntered", "5 ParallelStateStarted", "[0] PassStateEntered",
                "[0] PassStateExited", "11 ParallelStateExited", "12 ExecutionSucceeded");
    }

    @Test
    void compare_sortedRun_matchesActualEventsInAnyOrder() {
        ArrayNode expected = events("ParallelStateStarted", "PassStateEntered:A", "PassStateEntered:B",
                "ParallelStateSucceeded", "ParallelStateExited");
        ArrayNode actual = events("ParallelStateStarted", "PassStateEntered:B", "PassStateEntered:A",
                "ParallelStateSucceeded", "ParallelStateExited");
        ParallelEvents.normalise(expected);
        ParallelEvents.normalise(actual);

        assertThat(EventsComparator.compare(expected, actual, new Bindings())).isEmpty();
    }

    @Test
    void compare_sortedRunWithAWrongEvent_reportsIt() {
        ArrayNode expected = events("ParallelStateStarted", "PassStateEntered:A", "PassStateEntered:B",
                "ParallelStateExited");
        ArrayNode actual = events("ParallelStateStarted", "PassStateEntered:B", "PassStateEntered:C",
                "ParallelStateExited");
        ParallelEvents.normalise(expected);
        ParallelEvents.normalise(actual);

        assertThat(EventsComparator.compare(expected, actual, new Bindings())).singleElement()
                .satisfies(d -> assertThat(d.path()).isEqualTo("events[1]"));
    }
}
