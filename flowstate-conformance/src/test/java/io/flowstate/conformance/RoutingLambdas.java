package io.flowstate.conformance;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.time.InstantSource;
import java.util.Map;

/**
 * The task handler of the API run's one server: the Lambda functions of the case running now (cases run one
 * at a time), swapped in before each case.
 */
final class RoutingLambdas implements TaskHandler {
    private final InstantSource clock;
    private volatile CorpusLambdas current;

    RoutingLambdas(InstantSource clock) {
        this.clock = clock;
        this.current = new CorpusLambdas(Map.of(), clock);
    }

    void use(Map<String, LambdaFunction> functions) {
        current = new CorpusLambdas(functions, clock);
    }

    @Override
    public TaskOutcome invoke(TaskInvocation invocation) {
        return current.invoke(invocation);
    }
}
