package io.flowstate.console;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.ApiRequest;
import io.flowstate.api.model.DescribeExecution;
import io.flowstate.api.model.DescribeMapRun;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.model.DescribeStateMachineForExecution;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.api.model.InspectionLevel;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.api.model.ListMapRuns;
import io.flowstate.api.model.ListStateMachineAliases;
import io.flowstate.api.model.ListStateMachineVersions;
import io.flowstate.api.model.ListStateMachines;
import io.flowstate.api.model.RedriveExecution;
import io.flowstate.api.model.SendTaskFailure;
import io.flowstate.api.model.SendTaskHeartbeat;
import io.flowstate.api.model.SendTaskSuccess;
import io.flowstate.api.model.StartExecution;
import io.flowstate.api.model.StopExecution;
import io.flowstate.api.model.TestState;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.interp.ExecutionStatus;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The console's reads and actions as typed calls on {@link StepFunctions#handle}, the very method that answers
 * the AWS API: the console has no private path to the data, so what it shows and does is what an SDK would see and
 * do (validation, errors, idempotency included). An {@link io.flowstate.api.ApiException} passes through to the
 * page, which shows its code and message.
 */
public final class ConsoleService {
    private final StepFunctions service;
    private final Consumer<ApiRequest> guard;

    /** The console's view of {@code service}, every call allowed. */
    public ConsoleService(StepFunctions service) {
        this(service, request -> {});
    }

    /**
     * The console's view of {@code service} for one user: {@code guard} sees each request first and refuses it by
     * throwing an {@link io.flowstate.api.ApiException} (a signed-in key's policies).
     */
    public ConsoleService(StepFunctions service, Consumer<ApiRequest> guard) {
        this.service = requireNonNull(service, "service is null");
        this.guard = requireNonNull(guard, "guard is null");
    }

    private <R> R call(ApiRequest request, Class<R> type) {
        guard.accept(request);
        return type.cast(service.handle(request));
    }

    /** One page of state machines. */
    public ListStateMachines.Response machines(Optional<String> token) {
        return call(new ListStateMachines.Request(Optional.of(1000), token), ListStateMachines.Response.class);
    }

    /** A state machine, version or alias target with its definition. */
    public DescribeStateMachine.Response machine(String arn) {
        return call(new DescribeStateMachine.Request(arn, Optional.empty()), DescribeStateMachine.Response.class);
    }

    /** The first 100 versions of a state machine, newest first. */
    public ListStateMachineVersions.Response versions(String arn) {
        return call(new ListStateMachineVersions.Request(arn, Optional.of(100), Optional.empty()),
                ListStateMachineVersions.Response.class);
    }

    /** The first 100 aliases of a state machine. */
    public ListStateMachineAliases.Response aliases(String arn) {
        return call(new ListStateMachineAliases.Request(arn, Optional.of(100), Optional.empty()),
                ListStateMachineAliases.Response.class);
    }

    /** One page of a state machine's (version's, alias's) executions, newest first. */
    public ListExecutions.Response executions(String arn, Optional<ExecutionStatus> status, int max,
            Optional<String> token) {
        return call(new ListExecutions.Request(Optional.of(arn), status, Optional.of(max), token, Optional.empty(),
                Optional.empty()), ListExecutions.Response.class);
    }

    /** An execution. */
    public DescribeExecution.Response execution(String arn) {
        return call(new DescribeExecution.Request(arn, Optional.empty()), DescribeExecution.Response.class);
    }

    /** The definition an execution runs (its revision, not the machine's latest). */
    public DescribeStateMachineForExecution.Response definitionOf(String executionArn) {
        return call(new DescribeStateMachineForExecution.Request(executionArn, Optional.empty()),
                DescribeStateMachineForExecution.Response.class);
    }

    /** One page of an execution's history. */
    public GetExecutionHistory.Response history(String arn, boolean reverse, int max, Optional<String> token,
            boolean data) {
        return call(new GetExecutionHistory.Request(arn, Optional.of(max), reverse, token, Optional.of(data)),
                GetExecutionHistory.Response.class);
    }

    /** Starts an execution; {@code name} empty lets the service pick one. */
    public StartExecution.Response start(String machineArn, Optional<String> name, String input) {
        return call(new StartExecution.Request(machineArn, name, Optional.of(input), Optional.empty()),
                StartExecution.Response.class);
    }

    /** Stops a running execution. */
    public StopExecution.Response stop(String arn) {
        return call(new StopExecution.Request(arn, Optional.empty(), Optional.of("Stopped from the console")),
                StopExecution.Response.class);
    }

    /** The Map Runs an execution's Distributed Maps started (the first 100). */
    public ListMapRuns.Response mapRuns(String executionArn) {
        return call(new ListMapRuns.Request(executionArn, Optional.of(100), Optional.empty()), ListMapRuns.Response.class);
    }

    /** A Map Run with its item and execution counts. */
    public DescribeMapRun.Response mapRun(String mapRunArn) {
        return call(new DescribeMapRun.Request(mapRunArn), DescribeMapRun.Response.class);
    }

    /** One page of a Map Run's child executions. */
    public ListExecutions.Response mapRunExecutions(String mapRunArn, int max, Optional<String> token) {
        return call(new ListExecutions.Request(Optional.empty(), Optional.empty(), Optional.of(max), token,
                Optional.of(mapRunArn), Optional.empty()), ListExecutions.Response.class);
    }

    /**
     * Runs one state of {@code definition} again with TestState at DEBUG, its task answered by {@code mock}
     * (never by calling the resource), for the inspection data of each input and output processing step.
     */
    public TestState.Response replayState(String definition, String state, String roleArn, String input,
            Optional<JsonNode> mock) {
        return call(new TestState.Request(definition, Optional.of(roleArn), Optional.of(input),
                Optional.of(InspectionLevel.DEBUG), false, Optional.empty(), Optional.of(state), mock, Optional.empty(),
                Optional.empty()), TestState.Response.class);
    }

    /** Answers a task token with success and {@code output} (JSON). */
    public void taskSuccess(String token, String output) {
        call(new SendTaskSuccess.Request(token, output), SendTaskSuccess.Response.class);
    }

    /** Answers a task token with failure. */
    public void taskFailure(String token, Optional<String> error, Optional<String> cause) {
        call(new SendTaskFailure.Request(token, error, cause), SendTaskFailure.Response.class);
    }

    /** Tells the task of {@code token} that its worker is still at it. */
    public void taskHeartbeat(String token) {
        call(new SendTaskHeartbeat.Request(token), SendTaskHeartbeat.Response.class);
    }

    /** Redrives a failed, timed-out or aborted execution. */
    public RedriveExecution.Response redrive(String arn) {
        return call(new RedriveExecution.Request(arn, Optional.empty()), RedriveExecution.Response.class);
    }
}
