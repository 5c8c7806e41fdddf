package io.flowstate.engine.task.mock;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers Task states from one test case of a {@link MockConfig}, counting invocations per state (retries
 * included) as Step Functions Local does. States the test case does not mock go to {@code fallback}.
 * One instance serves one execution.
 */
public final class MockTaskHandler implements TaskHandler {
    private final MockConfig config;
    private final Map<String, String> states;
    private final TaskHandler fallback;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public MockTaskHandler(MockConfig config, String stateMachine, String testCase, TaskHandler fallback) {
        this.config = config;
        this.states = config.testCase(stateMachine, testCase);
        this.fallback = fallback;
    }

    @Override
    public TaskOutcome invoke(TaskInvocation invocation) {
        String response = states.get(invocation.stateName());
        if (response == null) {
            return fallback.invoke(invocation);
        }
        int n = calls.computeIfAbsent(invocation.stateName(), k -> new AtomicInteger()).getAndIncrement();
        return config.response(response, n).map(MockedResponse::outcome).orElseGet(() -> TaskOutcome.Failure.of(
                "States.TaskFailed", "The mocked response '" + response + "' has no entry for invocation " + n
                        + " of state '" + invocation.stateName() + "'"));
    }
}
