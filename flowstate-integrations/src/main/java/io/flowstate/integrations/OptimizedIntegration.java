package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.PojoJson;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkService;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The optimized integrations that are one API call: SQS {@code sendMessage}, SNS {@code publish}, DynamoDB
 * {@code getItem}/{@code putItem}/{@code updateItem}/{@code deleteItem}, EventBridge {@code putEvents}, and
 * Step Functions {@code startExecution} (its {@code .sync} forms are {@link NestedExecutions}'). Results carry
 * the SDK metadata AWS adds (EventBridge's do not); errors are named as AWS's optimized integrations name them.
 */
final class OptimizedIntegration {
    /** One optimized service: its SDK package, the actions AWS optimizes, and its v1 identity for errors. */
    record Service(String sdkName, Set<String> actions, ServiceErrors.V1Service errors, boolean metadata) {}

    static final Map<String, Service> SERVICES = Map.ofEntries(
            Map.entry("ecs", new Service("ecs", Set.of("runTask"),
                    new ServiceErrors.V1Service("ECS", "AmazonECS", "AmazonECSException", "EcsException"), true)),
            Map.entry("batch", new Service("batch", Set.of("submitJob"),
                    new ServiceErrors.V1Service("Batch", "AWSBatch", "AWSBatchException", "BatchException"), true)),
            Map.entry("glue", new Service("glue", Set.of("startJobRun"),
                    new ServiceErrors.V1Service("Glue", "AWSGlue", "AWSGlueException", "GlueException"), true)),
            Map.entry("codebuild", new Service("codebuild", Set.of("startBuild"),
                    new ServiceErrors.V1Service("CodeBuild", "AWSCodeBuild", "AWSCodeBuildException",
                            "CodeBuildException"), true)),
            Map.entry("athena", new Service("athena", Set.of("startQueryExecution"),
                    new ServiceErrors.V1Service("Athena", "AmazonAthena", "AmazonAthenaException", "AthenaException"),
                    true)),
            Map.entry("sqs", new Service("sqs", Set.of("sendMessage"),
                    new ServiceErrors.V1Service("SQS", "AmazonSQS", "AmazonSQSException", "SqsException"), true)),
            Map.entry("sns", new Service("sns", Set.of("publish"),
                    new ServiceErrors.V1Service("SNS", "AmazonSNS", "AmazonSNSException", "SnsException"), true)),
            Map.entry("dynamodb", new Service("dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem"),
                    new ServiceErrors.V1Service("DynamoDB", "AmazonDynamoDBv2", "AmazonDynamoDBException",
                            "DynamoDbException"), true)),
            Map.entry("events", new Service("eventbridge", Set.of("putEvents"),
                    new ServiceErrors.V1Service("EventBridge", "AmazonEventBridge", "AmazonEventBridgeException",
                            "EventBridgeException"), false)),
            Map.entry("states", new Service("sfn", Set.of("startExecution"),
                    new ServiceErrors.V1Service("StepFunctions", "AWSStepFunctions", "AWSStepFunctionsException",
                            "SfnException"), true)));

    private final SdkCall sdk;

    OptimizedIntegration(SdkCall sdk) {
        this.sdk = requireNonNull(sdk, "sdk is null");
    }

    /** The optimized service named in {@code r}, when this class knows it and its action. */
    static Optional<Service> service(IntegrationResource r) {
        Service s = SERVICES.get(r.service());
        return s != null && s.actions().contains(r.action()) ? Optional.of(s) : Optional.empty();
    }

    /** Calls the action; {@code executionArn} is the caller's (EventBridge events name it among their resources). */
    TaskOutcome invoke(IntegrationResource r, Service s, JsonNode params, String executionArn) {
        SdkService service;
        try {
            service = SdkCall.service(s.sdkName());
        } catch (SdkCall.UnknownActionException e) {
            return TaskOutcome.Failure.of("States.Runtime", e.getMessage());
        }
        JsonNode sent = r.service().equals("events") ? withExecutionResources(params, executionArn) : params;
        SdkCall.Result result;
        try {
            result = sdk.call(service, r.action(), sent, PojoJson.Timestamps.EPOCH_MILLIS);
        } catch (SdkException e) {
            return ServiceErrors.v1Style(s.errors(), e);
        } catch (IllegalArgumentException e) {
            return TaskOutcome.Failure.of("States.Runtime", e.getMessage());
        }
        ObjectNode out = result.json();
        if (r.service().equals("events") && out.path("FailedEntryCount").asInt() > 0) {
            // AWS fails the task when any entry failed, with the whole response as the cause.
            return TaskOutcome.Failure.of("EventBridge.FailedEntry", Json.write(out));
        }
        return new TaskOutcome.Success(s.metadata() ? SdkMetadata.add(out, result.response()) : out);
    }

    /**
     * EventBridge events sent by a state machine name its execution and state machine in {@code Resources}, after
     * any the caller gave, as AWS adds them.
     */
    private static JsonNode withExecutionResources(JsonNode params, String executionArn) {
        if (!params.path("Entries").isArray()) {
            return params;
        }
        ObjectNode copy = params.deepCopy();
        for (JsonNode entry : copy.path("Entries")) {
            if (entry instanceof ObjectNode e) {
                ArrayNode resources = e.path("Resources").isArray() ? (ArrayNode) e.get("Resources") : e.putArray("Resources");
                resources.add(Arns.stateMachineOf(executionArn));
                resources.add(executionArn);
            }
        }
        return copy;
    }
}
