package io.flowstate.asl.parse;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AWS accepts as a Task {@code Resource}: a Lambda function or activity ARN, an optimized integration
 * {@code arn:<partition>:states:::<service>:<action>[.sync|.sync:2|.waitForTaskToken]} that AWS offers, or an
 * AWS SDK integration {@code arn:<partition>:states:::aws-sdk:<service>:<action>}. EXPRESS machines may not wait
 * for a job ({@code .sync}) or a callback ({@code .waitForTaskToken}).
 */
final class ResourceRules {
    /** The optimized integrations AWS documents, by service. */
    private static final Map<String, Set<String>> INTEGRATIONS = Map.ofEntries(
            Map.entry("lambda", Set.of("invoke")),
            Map.entry("dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem")),
            Map.entry("sns", Set.of("publish")),
            Map.entry("sqs", Set.of("sendMessage")),
            Map.entry("events", Set.of("putEvents")),
            Map.entry("states", Set.of("startExecution")),
            Map.entry("batch", Set.of("submitJob")),
            Map.entry("ecs", Set.of("runTask")),
            Map.entry("glue", Set.of("startJobRun")),
            Map.entry("glue-databrew", Set.of("startJobRun")),
            Map.entry("apigateway", Set.of("invoke")),
            Map.entry("http", Set.of("invoke")),
            Map.entry("s3", Set.of("getObject", "putObject", "listObjectsV2")),
            Map.entry("athena", Set.of("startQueryExecution", "stopQueryExecution", "getQueryExecution",
                    "getQueryResults")),
            Map.entry("bedrock", Set.of("invokeModel", "createModelCustomizationJob")),
            Map.entry("codebuild", Set.of("startBuild", "stopBuild", "batchDeleteBuilds", "batchGetReports",
                    "startBuildBatch", "stopBuildBatch", "retryBuildBatch", "deleteBuildBatch")),
            Map.entry("eks", Set.of("createCluster", "deleteCluster", "createFargateProfile",
                    "deleteFargateProfile", "createNodegroup", "deleteNodegroup", "runJob", "call")),
            Map.entry("elasticmapreduce", Set.of("createCluster", "terminateCluster", "addStep", "cancelStep",
                    "setClusterTerminationProtection", "modifyInstanceFleetByName",
                    "modifyInstanceGroupByName")),
            Map.entry("emr-containers", Set.of("startJobRun", "createVirtualCluster", "deleteVirtualCluster")),
            Map.entry("emr-serverless", Set.of("createApplication", "startApplication", "stopApplication",
                    "deleteApplication", "startJobRun", "cancelJobRun")),
            Map.entry("sagemaker", Set.of("createTrainingJob", "createTransformJob", "createEndpoint",
                    "createEndpointConfig", "createHyperParameterTuningJob", "createLabelingJob", "createModel",
                    "createProcessingJob", "updateEndpoint")),
            Map.entry("mediaconvert", Set.of("createJob")));

    private static final List<String> SUFFIXES = List.of(".waitForTaskToken", ".sync:2", ".sync");

    private ResourceRules() {}

    static void check(String resource, String location, MachineType type, Diagnostics out) {
        if (!recognized(resource)) {
            out.schema(Messages.resourceNotRecognized(resource), location);
            return;
        }
        if (type == MachineType.EXPRESS) {
            String[] arn = resource.split(":", 7);
            if (arn.length == 7 && arn[2].equals("states") && arn[5].equals("activity")) {
                // Express executions are not durable enough to wait on workers: AWS refuses activities there.
                out.schema("Express state machine does not support Activity ARN", location);
            } else if (resource.endsWith(".waitForTaskToken")) {
                out.schema(Messages.expressUnsupported(".waitForTaskToken"), location);
            } else if (resource.endsWith(".sync") || resource.endsWith(".sync:2")) {
                out.schema(Messages.expressUnsupported(".sync"), location);
            }
        }
    }

    static boolean recognized(String resource) {
        String[] parts = resource.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()) {
            return false;
        }
        if (!parts[2].equals("states") || !parts[3].isEmpty() || !parts[4].isEmpty()) {
            return true;
        }
        String integration = parts[5];
        if (integration.startsWith("aws-sdk:")) {
            return integration.split(":").length >= 3;
        }
        for (String suffix : SUFFIXES) {
            if (integration.endsWith(suffix)) {
                integration = integration.substring(0, integration.length() - suffix.length());
                break;
            }
        }
        int colon = integration.indexOf(':');
        if (colon < 0) {
            return false;
        }
        Set<String> actions = INTEGRATIONS.get(integration.substring(0, colon));
        return actions != null && actions.contains(integration.substring(colon + 1));
    }
}
