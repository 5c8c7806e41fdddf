package io.flowstate.asl.parse;

import java.util.Map;
import java.util.Set;

/**
 * The optimized integrations AWS offers ({@code arn:<partition>:states:::<service>:<action>[<pattern>]}) and the
 * integration patterns each service supports, from the table "Optimized integrations in Step Functions"
 * (integrate-optimized.html / connect-supported-services.html): Run a Job ({@code .sync}) for Athena, Batch,
 * Bedrock, CodeBuild, ECS, EKS, EMR (all three), Glue, Glue DataBrew, MediaConvert, SageMaker and Step Functions;
 * Wait for Callback ({@code .waitForTaskToken}) for API Gateway, Bedrock, ECS, EKS, EventBridge, Lambda, SNS, SQS
 * and Step Functions; {@code .sync:2} only for {@code states:startExecution}. DynamoDB and HTTP Task are Request
 * Response only. A pattern a service does not support names no integration, so AWS does not recognize it.
 */
final class OptimizedIntegrations {
    private static final Map<String, Set<String>> ACTIONS = Map.ofEntries(
            Map.entry("lambda", Set.of("invoke")),
            Map.entry("dynamodb", Set.of("getItem", "putItem", "updateItem", "deleteItem")),
            Map.entry("sns", Set.of("publish")),
            Map.entry("sqs", Set.of("sendMessage")),
            Map.entry("events", Set.of("putEvents")),
            Map.entry("states", Set.of("startExecution")),
            Map.entry("batch", Set.of("submitJob")),
            Map.entry("ecs", Set.of("runTask")),
            Map.entry("glue", Set.of("startJobRun")),
            // Glue DataBrew's service name in the ARN is "databrew" (connect-databrew.html), not "glue-databrew".
            Map.entry("databrew", Set.of("startJobRun")),
            Map.entry("apigateway", Set.of("invoke")),
            Map.entry("http", Set.of("invoke")),
            // Not in AWS's table (Distributed Map's ItemReader and ResultWriter name these); accepted as before.
            Map.entry("s3", Set.of("getObject", "putObject", "listObjectsV2")),
            Map.entry("athena", Set.of("startQueryExecution", "stopQueryExecution", "getQueryExecution",
                    "getQueryResults")),
            Map.entry("bedrock", Set.of("invokeModel", "createModelCustomizationJob")),
            // "Invoke Amazon Bedrock AgentCore harness with Step Functions" (connect-bedrockagentcore.html):
            // InvokeHarness, Request Response only (no .sync, no .waitForTaskToken).
            Map.entry("bedrockagentcore", Set.of("invokeHarness")),
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

    private static final Set<String> RUN_A_JOB = Set.of("athena", "batch", "bedrock", "codebuild", "ecs", "eks",
            "elasticmapreduce", "emr-containers", "emr-serverless", "glue", "databrew", "mediaconvert",
            "sagemaker", "states");
    private static final Set<String> WAIT_FOR_CALLBACK = Set.of("apigateway", "bedrock", "ecs", "eks", "events",
            "lambda", "sns", "sqs", "states");

    private OptimizedIntegrations() {}

    /** True for {@code <service>:<action>[<pattern>]} (the part after {@code states:::}) that AWS offers. */
    static boolean offers(String integration) {
        String pattern = "";
        for (String suffix : new String[] {".waitForTaskToken", ".sync:2", ".sync"}) {
            if (integration.endsWith(suffix)) {
                pattern = suffix;
                integration = integration.substring(0, integration.length() - suffix.length());
                break;
            }
        }
        int colon = integration.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String service = integration.substring(0, colon);
        String action = integration.substring(colon + 1);
        Set<String> actions = ACTIONS.get(service);
        if (actions == null || !actions.contains(action)) {
            return false;
        }
        return switch (pattern) {
            case "" -> true;
            case ".sync" -> RUN_A_JOB.contains(service);
            case ".sync:2" -> integration.equals("states:startExecution");
            default -> WAIT_FOR_CALLBACK.contains(service);
        };
    }
}
