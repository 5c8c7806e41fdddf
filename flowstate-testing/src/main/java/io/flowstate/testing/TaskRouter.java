package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.mock.MockConfig;
import io.flowstate.engine.task.mock.MockTaskHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The task bindings of a {@link Flowstate}. The most specific one answers an invocation: a binding of its
 * state name, else the mock config's test case if it mocks the state, else the newest resource or function
 * binding that matches. Handlers are made afresh for each execution ({@link #bind}), so that scripted outcomes
 * and mock invocation counts start at zero for each.
 */
final class TaskRouter {
    /** A resource or function binding. */
    record Binding(Predicate<TaskInvocation> matches, Supplier<TaskHandler> handler) {}

    /** The handlers of one execution. */
    @FunctionalInterface
    interface Bound {
        /** The handler bound to {@code invocation}, if any. */
        Optional<TaskHandler> find(TaskInvocation invocation);
    }

    private final Map<String, Supplier<TaskHandler>> byState = new LinkedHashMap<>();
    private final List<Binding> others = new ArrayList<>();
    private MockConfig mock;
    private String testCase;

    void bindState(String stateName, Supplier<TaskHandler> handler) {
        byState.put(requireNonNull(stateName, "stateName is null"), handler);
    }

    void bind(Binding binding) {
        others.add(0, binding);
    }

    void mock(MockConfig config, String mockTestCase) {
        this.mock = requireNonNull(config, "config is null");
        this.testCase = requireNonNull(mockTestCase, "testCase is null");
    }

    /** The handlers for one execution of the state machine named {@code machineName}. */
    Bound bind(String machineName) {
        Map<String, TaskHandler> states = new HashMap<>();
        byState.forEach((name, supplier) -> states.put(name, supplier.get()));
        List<Map.Entry<Predicate<TaskInvocation>, TaskHandler>> rest = new ArrayList<>();
        others.forEach(b -> rest.add(Map.entry(b.matches(), b.handler().get())));
        Optional<Map<String, String>> mocked = Optional.empty();
        TaskHandler mockHandler = null;
        if (mock != null) {
            // As Step Functions Local: a config with one state machine serves whatever the machine is called.
            List<String> machines = mock.stateMachines();
            String key = machines.contains(machineName) || machines.size() != 1 ? machineName : machines.get(0);
            mocked = Optional.of(mock.testCase(key, testCase));
            mockHandler = new MockTaskHandler(mock, key, testCase, inv -> {
                throw new IllegalStateException("unreachable: only mocked states are sent to the mock");
            });
        }
        Optional<Map<String, String>> mockedStates = mocked;
        TaskHandler mocks = mockHandler;
        return inv -> {
            TaskHandler h = states.get(inv.stateName());
            if (h == null && mockedStates.isPresent() && mockedStates.get().containsKey(inv.stateName())) {
                h = mocks;
            }
            if (h == null) {
                h = rest.stream().filter(e -> e.getKey().test(inv)).map(Map.Entry::getValue).findFirst().orElse(null);
            }
            return Optional.ofNullable(h);
        };
    }
}
