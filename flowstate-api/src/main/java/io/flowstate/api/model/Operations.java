package io.flowstate.api.model;

import java.util.Map;
import java.util.Optional;

/** The API model's operations by name ({@code X-Amz-Target: AWSStepFunctions.<name>}) and their request types. */
public final class Operations {
    private static final Map<String, Class<? extends ApiRequest>> REQUESTS = Map.ofEntries(
                Map.entry("CreateActivity", CreateActivity.Request.class),
                Map.entry("CreateStateMachine", CreateStateMachine.Request.class),
                Map.entry("CreateStateMachineAlias", CreateStateMachineAlias.Request.class),
                Map.entry("DeleteActivity", DeleteActivity.Request.class),
                Map.entry("DeleteStateMachine", DeleteStateMachine.Request.class),
                Map.entry("DeleteStateMachineAlias", DeleteStateMachineAlias.Request.class),
                Map.entry("DeleteStateMachineVersion", DeleteStateMachineVersion.Request.class),
                Map.entry("DescribeActivity", DescribeActivity.Request.class),
                Map.entry("DescribeExecution", DescribeExecution.Request.class),
                Map.entry("DescribeMapRun", DescribeMapRun.Request.class),
                Map.entry("DescribeStateMachine", DescribeStateMachine.Request.class),
                Map.entry("DescribeStateMachineAlias", DescribeStateMachineAlias.Request.class),
                Map.entry("DescribeStateMachineForExecution", DescribeStateMachineForExecution.Request.class),
                Map.entry("GetActivityTask", GetActivityTask.Request.class),
                Map.entry("GetExecutionHistory", GetExecutionHistory.Request.class),
                Map.entry("ListActivities", ListActivities.Request.class),
                Map.entry("ListExecutions", ListExecutions.Request.class),
                Map.entry("ListMapRuns", ListMapRuns.Request.class),
                Map.entry("ListStateMachineAliases", ListStateMachineAliases.Request.class),
                Map.entry("ListStateMachineVersions", ListStateMachineVersions.Request.class),
                Map.entry("ListStateMachines", ListStateMachines.Request.class),
                Map.entry("ListTagsForResource", ListTagsForResource.Request.class),
                Map.entry("PublishStateMachineVersion", PublishStateMachineVersion.Request.class),
                Map.entry("RedriveExecution", RedriveExecution.Request.class),
                Map.entry("SendTaskFailure", SendTaskFailure.Request.class),
                Map.entry("SendTaskHeartbeat", SendTaskHeartbeat.Request.class),
                Map.entry("SendTaskSuccess", SendTaskSuccess.Request.class),
                Map.entry("StartExecution", StartExecution.Request.class),
                Map.entry("StartSyncExecution", StartSyncExecution.Request.class),
                Map.entry("StopExecution", StopExecution.Request.class),
                Map.entry("TagResource", TagResource.Request.class),
                Map.entry("TestState", TestState.Request.class),
                Map.entry("UntagResource", UntagResource.Request.class),
                Map.entry("UpdateMapRun", UpdateMapRun.Request.class),
                Map.entry("UpdateStateMachine", UpdateStateMachine.Request.class),
                Map.entry("UpdateStateMachineAlias", UpdateStateMachineAlias.Request.class),
                Map.entry("ValidateStateMachineDefinition", ValidateStateMachineDefinition.Request.class));

    private Operations() {}

    /** The request type of operation {@code name}; empty for a name the API does not have. */
    public static Optional<Class<? extends ApiRequest>> requestType(String name) {
        return Optional.ofNullable(REQUESTS.get(name));
    }

    /** Every operation name. */
    public static java.util.Set<String> names() {
        return REQUESTS.keySet();
    }
}
