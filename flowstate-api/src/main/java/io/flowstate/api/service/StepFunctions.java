package io.flowstate.api.service;

import io.flowstate.api.model.ApiRequest;
import io.flowstate.api.model.ApiResponse;
import io.flowstate.api.model.CreateActivity;
import io.flowstate.api.model.CreateStateMachine;
import io.flowstate.api.model.CreateStateMachineAlias;
import io.flowstate.api.model.DeleteActivity;
import io.flowstate.api.model.DeleteStateMachine;
import io.flowstate.api.model.DeleteStateMachineAlias;
import io.flowstate.api.model.DeleteStateMachineVersion;
import io.flowstate.api.model.DescribeActivity;
import io.flowstate.api.model.DescribeExecution;
import io.flowstate.api.model.DescribeMapRun;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.model.DescribeStateMachineAlias;
import io.flowstate.api.model.DescribeStateMachineForExecution;
import io.flowstate.api.model.GetActivityTask;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.api.model.ListActivities;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.api.model.ListMapRuns;
import io.flowstate.api.model.ListStateMachineAliases;
import io.flowstate.api.model.ListStateMachineVersions;
import io.flowstate.api.model.ListStateMachines;
import io.flowstate.api.model.ListTagsForResource;
import io.flowstate.api.model.PublishStateMachineVersion;
import io.flowstate.api.model.RedriveExecution;
import io.flowstate.api.model.SendTaskFailure;
import io.flowstate.api.model.SendTaskHeartbeat;
import io.flowstate.api.model.SendTaskSuccess;
import io.flowstate.api.model.StartExecution;
import io.flowstate.api.model.StartSyncExecution;
import io.flowstate.api.model.StopExecution;
import io.flowstate.api.model.TagResource;
import io.flowstate.api.model.TestState;
import io.flowstate.api.model.UntagResource;
import io.flowstate.api.model.UpdateMapRun;
import io.flowstate.api.model.UpdateStateMachine;
import io.flowstate.api.model.UpdateStateMachineAlias;
import io.flowstate.api.model.ValidateStateMachineDefinition;
import io.flowstate.engine.runtime.Cluster;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryStore;
import io.flowstate.engine.runtime.SingleNode;
import io.flowstate.engine.runtime.TimerService;
import io.flowstate.engine.task.TaskHandler;
import java.time.Duration;

/**
 * The Step Functions service: every operation of the API model, on registries (state machines, activities,
 * tags, execution metadata) in a {@link RegistryStore} and the {@link Engine}, whose Standard executions live in
 * an {@link ExecutionStore}; Express executions stay in memory. {@link #handle} is the one exhaustive switch
 * from a decoded request to the code that answers it.
 */
public final class StepFunctions implements AutoCloseable {
    private final Engine engine;
    private final Tags tags;
    private final StateMachineService machines;
    private final AliasService aliases;
    private final ActivityService activities;
    private final ExecutionService executions;
    private final TaskService tasks;
    private final TagService tagging;
    private final DefinitionService definitions;
    private final MapRunService mapRuns;

    /**
     * A service in {@code ctx}'s region and account, running tasks with {@code handler} and timers on
     * {@code timers}; GetActivityTask waits up to {@code activityPoll}.
     */
    public StepFunctions(ApiContext ctx, TaskHandler handler, TimerService timers, Duration activityPoll) {
        this(ctx, handler, timers, activityPoll, new InMemoryExecutionStore(), new InMemoryRegistryStore());
    }

    /**
     * A service keeping Standard executions in {@code standard} and its registries in {@code registry}, loading
     * the registries they hold; call {@link #recover} before serving to resume the executions that were running.
     */
    public StepFunctions(ApiContext ctx, TaskHandler handler, TimerService timers, Duration activityPoll,
            ExecutionStore standard, RegistryStore registry) {
        this(ctx, handler, timers, activityPoll, standard, registry, new SingleNode(standard));
    }

    /**
     * A service that is one node of {@code cluster}, sharing {@code standard} and {@code registry} with the
     * other nodes: any node serves any execution, and registry changes made on one are seen by the others (read
     * from the store on a miss at once, and refreshed when the cluster reports a change).
     */
    public StepFunctions(ApiContext ctx, TaskHandler handler, TimerService timers, Duration activityPoll,
            ExecutionStore standard, RegistryStore registry, Cluster cluster) {
        this.engine = new Engine(standard, new InMemoryExecutionStore(), handler, timers, cluster);
        this.tags = new Tags(registry);
        this.machines = new StateMachineService(ctx, tags, registry);
        this.aliases = new AliasService(ctx, machines);
        this.activities = new ActivityService(ctx, tags, engine, activityPoll, registry);
        engine.activityCheck(activities::exists);
        this.executions = new ExecutionService(ctx, machines, engine, handler, timers, registry);
        this.mapRuns = executions.mapRuns();
        this.tasks = new TaskService(engine);
        this.tagging = new TagService(tags, machines, activities);
        this.definitions = new DefinitionService(ctx, handler);
        cluster.onRegistryChange(this::registryChanged);
    }

    /** The stored {@code loggingConfiguration} of a state machine; see {@link StateMachineService#loggingConfiguration}. */
    public java.util.Optional<com.fasterxml.jackson.databind.JsonNode> loggingConfiguration(String stateMachineArn) {
        return machines.loggingConfiguration(stateMachineArn);
    }

    /** Checks the log groups of CreateStateMachine's and UpdateStateMachine's logging configurations with {@code check}. */
    public void logGroupCheck(LogGroupCheck check) {
        machines.logGroupCheck(check);
    }

    /** Tells {@code listener} of every committed decision's history events (execution logging). */
    public void historyListener(io.flowstate.engine.runtime.HistoryListener listener) {
        executions.historyListener(listener);
    }

    /** Another node changed a registry document: refresh what is cached of it (everything for an empty kind). */
    private void registryChanged(String kind, String key) {
        switch (kind) {
            case Documents.MACHINE -> machines.reload(key);
            case Documents.VERSION, Documents.ALIAS -> machines.reload(key.substring(0, key.lastIndexOf(':')));
            case Documents.ACTIVITY -> activities.reload(key);
            case Documents.TAGS -> tags.reload(key);
            case Documents.EXECUTION -> executions.executionChanged(key);
            case Documents.REVISION -> { } // immutable
            case "" -> {
                machines.reloadAll();
                activities.reloadAll();
                tags.reloadAll();
                executions.executionChanged(null);
            }
            default -> { }
        }
    }

    /**
     * Resumes the Standard executions the store holds as RUNNING (after a restart), as {@link Engine#recover}
     * does; returns how many.
     */
    public int recover() {
        return engine.recover();
    }

    /**
     * Deletes the executions that ended more than {@code keep} ago (AWS keeps closed executions 90 days);
     * returns how many. The server calls it at start and then every hour.
     */
    public int applyRetention(Duration keep) {
        return executions.deleteEndedBefore(engine.now().minus(keep));
    }

    /** Answers one request. */
    public ApiResponse handle(ApiRequest request) {
        return switch (request) {
            case CreateStateMachine.Request r -> machines.create(r);
            case DescribeStateMachine.Request r -> machines.describe(r);
            case ListStateMachines.Request r -> machines.list(r);
            case UpdateStateMachine.Request r -> machines.update(r);
            case DeleteStateMachine.Request r -> machines.delete(r);
            case PublishStateMachineVersion.Request r -> machines.publishVersion(r);
            case ListStateMachineVersions.Request r -> machines.listVersions(r);
            case DeleteStateMachineVersion.Request r -> machines.deleteVersion(r);
            case CreateStateMachineAlias.Request r -> aliases.createAlias(r);
            case DescribeStateMachineAlias.Request r -> aliases.describeAlias(r);
            case UpdateStateMachineAlias.Request r -> aliases.updateAlias(r);
            case DeleteStateMachineAlias.Request r -> aliases.deleteAlias(r);
            case ListStateMachineAliases.Request r -> aliases.listAliases(r);
            case StartExecution.Request r -> executions.start(r);
            case StartSyncExecution.Request r -> executions.startSync(r);
            case DescribeExecution.Request r -> executions.describe(r);
            case DescribeStateMachineForExecution.Request r -> executions.describeStateMachine(r);
            case ListExecutions.Request r -> executions.list(r);
            case GetExecutionHistory.Request r -> executions.history(r);
            case StopExecution.Request r -> executions.stop(r);
            case RedriveExecution.Request r -> executions.redrive(r);
            case ListMapRuns.Request r -> executions.listMapRuns(r);
            case DescribeMapRun.Request r -> mapRuns.describe(r);
            case UpdateMapRun.Request r -> mapRuns.update(r);
            case CreateActivity.Request r -> activities.create(r);
            case DescribeActivity.Request r -> activities.describe(r);
            case DeleteActivity.Request r -> activities.delete(r);
            case ListActivities.Request r -> activities.list(r);
            case GetActivityTask.Request r -> activities.getTask(r);
            case SendTaskSuccess.Request r -> tasks.success(r);
            case SendTaskFailure.Request r -> tasks.failure(r);
            case SendTaskHeartbeat.Request r -> tasks.heartbeat(r);
            case TagResource.Request r -> tagging.tag(r);
            case UntagResource.Request r -> tagging.untag(r);
            case ListTagsForResource.Request r -> tagging.list(r);
            case ValidateStateMachineDefinition.Request r -> definitions.validate(r);
            case TestState.Request r -> definitions.testState(r);
        };
    }

    @Override
    public void close() {
        engine.close();
    }
}
