package io.flowstate.engine.task.mock;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mock configuration in AWS Step Functions Local's {@code MockConfigFile} format:
 * {@code StateMachines.<machine>.TestCases.<case>.<state>} names a mocked response, and
 * {@code MockedResponses.<response>} maps invocation numbers ({@code "0"}, {@code "1-3"}) to a {@code Return}
 * value or a {@code Throw} ({@code Error}, {@code Cause}).
 */
public final class MockConfig {
    private final JsonNode root;

    private MockConfig(JsonNode root) {
        this.root = root;
    }

    /** Reads and checks a configuration; {@link IllegalArgumentException} with a message naming the problem. */
    public static MockConfig of(JsonNode root) {
        if (!root.isObject() || !root.path("StateMachines").isObject()) {
            throw new IllegalArgumentException("mock config: expected an object with 'StateMachines'");
        }
        if (!root.path("MockedResponses").isObject()) {
            throw new IllegalArgumentException("mock config: expected an object 'MockedResponses'");
        }
        MockConfig config = new MockConfig(root);
        root.path("MockedResponses").properties().forEach(e -> config.responses(e.getKey()));
        return config;
    }

    /** The names of the state machines that have test cases. */
    public List<String> stateMachines() {
        List<String> names = new ArrayList<>();
        root.path("StateMachines").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** State name to mocked-response name for one test case. */
    public Map<String, String> testCase(String stateMachine, String testCase) {
        JsonNode sm = root.path("StateMachines").path(stateMachine);
        if (!sm.isObject()) {
            throw new IllegalArgumentException("mock config: no state machine '" + stateMachine + "' in StateMachines "
                    + stateMachines());
        }
        JsonNode tc = sm.path("TestCases").path(testCase);
        if (!tc.isObject()) {
            throw new IllegalArgumentException("mock config: no test case '" + testCase + "' for state machine '"
                    + stateMachine + "'");
        }
        Map<String, String> states = new HashMap<>();
        tc.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("mock config: state '" + e.getKey() + "' must name a mocked response");
            }
            responses(e.getValue().textValue());
            states.put(e.getKey(), e.getValue().textValue());
        });
        return states;
    }

    /** The mocked responses of one name, by invocation number. */
    public List<MockedResponse> responses(String name) {
        JsonNode r = root.path("MockedResponses").path(name);
        if (!r.isObject()) {
            throw new IllegalArgumentException("mock config: no mocked response '" + name + "'");
        }
        List<MockedResponse> out = new ArrayList<>();
        r.properties().forEach(e -> out.add(MockedResponse.parse(name, e.getKey(), e.getValue())));
        return out;
    }

    /** The response for the {@code invocation}-th call (from 0), if the config covers it. */
    public Optional<MockedResponse> response(String name, int invocation) {
        return responses(name).stream().filter(m -> m.covers(invocation)).findFirst();
    }
}
