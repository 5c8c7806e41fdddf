package io.flowstate.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.CreateStateMachine;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A real Step Functions service in memory for tests: the Lambda function {@code ok} returns its input, any other
 * resource fails with {@code States.TaskFailed}.
 */
public final class InProcessAccess implements AutoCloseable {
    public static final String OK = "arn:aws:lambda:us-east-1:123456789012:function:ok";
    public static final String BROKEN = "arn:aws:lambda:us-east-1:123456789012:function:broken";
    /** A callback task: the call succeeds, then the task waits for its token. */
    public static final String CALLBACK = "arn:aws:states:::sqs:sendMessage.waitForTaskToken";
    /**
     * A nested {@code .sync} execution, scripted: the task answers as AWS's does when the child ended, naming the
     * execution its input's {@code ChildArn} gives (one the test ran), so its output links parent and child.
     */
    public static final String START_SYNC = "arn:aws:states:::states:startExecution.sync:2";
    public static final String ROLE = "arn:aws:iam::123456789012:role/console-test";

    final StepFunctions service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
            TaskHandlers.byResource(Map.of(OK, TaskHandlers.function(x -> x), CALLBACK, TaskHandlers.function(x -> x),
                    START_SYNC, TaskHandlers.function(x -> com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                            .objectNode().put("ExecutionArn", x.path("ChildArn").asText()).put("Status", "SUCCEEDED"))),
                    TaskHandlers.unbound()),
            new SystemTimers(), Duration.ofSeconds(1));
    final ConsoleService console = new ConsoleService(service);

    /** Creates a Standard machine named after {@code prefix} and a random suffix; returns its ARN. */
    public String machine(String prefix, String definition) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        return ((CreateStateMachine.Response) service.handle(new CreateStateMachine.Request(name, definition, ROLE,
                Optional.of(StateMachineType.STANDARD), Optional.empty(), List.of(), Optional.empty(), false,
                Optional.empty(), Optional.empty()))).stateMachineArn();
    }

    /** Starts an execution of {@code definition} with input {@code {}} and returns its ARN. */
    public String start(String definition) {
        return console.start(machine("m", definition), Optional.empty(), "{}").executionArn();
    }

    /** Waits (at most 10 s) until the execution is no longer RUNNING, or until it has {@code events} events. */
    public void await(String arn, int events) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(deadline)) {
            if (!console.execution(arn).status().equals("RUNNING") || history(arn).size() >= events && events > 0) {
                return;
            }
            try {
                Thread.sleep(10); // not a spin: the machine's cores are shared with the engine under test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("execution " + arn + " did not get there in 10 s");
    }

    /** The whole history, ascending. */
    public List<JsonNode> history(String arn) {
        List<JsonNode> all = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            var page = console.history(arn, false, 1000, token, true);
            all.addAll(page.events());
            token = page.nextToken();
        } while (token.isPresent());
        return all;
    }

    /** Stops a running execution through the console's service. */
    public void stop(String arn) {
        console.stop(arn);
    }

    @Override
    public void close() {
        service.close();
    }
}
