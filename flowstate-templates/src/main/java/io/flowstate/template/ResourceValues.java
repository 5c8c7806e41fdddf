package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code Ref} and {@code Fn::GetAtt} return for the template's resources, computed as CloudFormation would
 * for a stack in {@link Stack}'s region and account (the return values are those of each type's page of the
 * CloudFormation and SAM references). A resource's name is its name property when set, else its logical id
 * (lower-cased for S3 buckets, whose names must be); CloudFormation would add the stack name and a random
 * suffix, which no local run can know.
 *
 * <p>Ref: Lambda function, DynamoDB table (SAM's SimpleTable too), S3 bucket, EventBridge bus and connection,
 * IAM role, Kinesis stream, log group, ECS cluster, Glue job, CodeBuild project, Firehose stream, SSM parameter:
 * the name; SQS queue: the URL; SNS topic, state machine, activity, Secrets Manager secret, ECS task definition,
 * Batch job queue and job definition: the ARN. GetAtt: listed in {@link #attribute}. Parts AWS generates at
 * random (a connection's or secret's suffix, a stream's timestamp) are fixed placeholders of the right shape.
 */
final class ResourceValues {
    /** Each supported type's name property. */
    private static final Map<String, String> NAME_PROPERTY = Map.ofEntries(
            Map.entry("AWS::Lambda::Function", "FunctionName"),
            Map.entry("AWS::Serverless::Function", "FunctionName"),
            Map.entry("AWS::SQS::Queue", "QueueName"),
            Map.entry("AWS::SNS::Topic", "TopicName"),
            Map.entry("AWS::DynamoDB::Table", "TableName"),
            Map.entry("AWS::StepFunctions::StateMachine", "StateMachineName"),
            Map.entry("AWS::Serverless::StateMachine", "Name"),
            Map.entry("AWS::S3::Bucket", "BucketName"),
            Map.entry("AWS::Events::EventBus", "Name"),
            Map.entry("AWS::IAM::Role", "RoleName"),
            // Common in the sample templates' DefinitionSubstitutions (SAM tables, activities, HTTP Task
            // connections, ECS and Batch jobs, streams): without them those templates could not run at all.
            Map.entry("AWS::Serverless::SimpleTable", "TableName"),
            Map.entry("AWS::StepFunctions::Activity", "Name"),
            Map.entry("AWS::Events::Connection", "Name"),
            Map.entry("AWS::Events::ApiDestination", "Name"),
            Map.entry("AWS::Kinesis::Stream", "Name"),
            Map.entry("AWS::KinesisFirehose::DeliveryStream", "DeliveryStreamName"),
            Map.entry("AWS::Logs::LogGroup", "LogGroupName"),
            Map.entry("AWS::ECS::Cluster", "ClusterName"),
            Map.entry("AWS::ECS::TaskDefinition", "Family"),
            Map.entry("AWS::Glue::Job", "Name"),
            Map.entry("AWS::CodeBuild::Project", "Name"),
            Map.entry("AWS::SecretsManager::Secret", "Name"),
            Map.entry("AWS::SSM::Parameter", "Name"),
            Map.entry("AWS::Batch::JobQueue", "JobQueueName"),
            Map.entry("AWS::Batch::JobDefinition", "JobDefinitionName"));

    /** Stands for the part of an ARN AWS generates at random (connections, API destinations). */
    private static final String GENERATED_ID = "00000000-0000-0000-0000-000000000000";

    private final Template template;
    private final Stack stack;
    private final Resolver resolver;

    ResourceValues(Template template, Stack stack, Resolver resolver) {
        this.template = template;
        this.stack = stack;
        this.resolver = resolver;
    }

    /** {@code Ref logicalId}. */
    String ref(String id, TemplatePath at) {
        String type = supportedType(id, "Ref " + id, at);
        String name = name(id);
        return switch (type) {
            case "AWS::SQS::Queue" -> queueUrl(name);
            case "AWS::SNS::Topic" -> stack.arn("sns", name);
            case "AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine" ->
                    stack.arn("states", "stateMachine:" + name);
            case "AWS::StepFunctions::Activity" -> stack.arn("states", "activity:" + name);
            case "AWS::SecretsManager::Secret" -> secretArn(name);
            case "AWS::ECS::TaskDefinition" -> stack.arn("ecs", "task-definition/" + name + ":1");
            case "AWS::Batch::JobQueue" -> stack.arn("batch", "job-queue/" + name);
            case "AWS::Batch::JobDefinition" -> stack.arn("batch", "job-definition/" + name + ":1");
            default -> name;
        };
    }

    /** {@code Fn::GetAtt logicalId.attribute}. */
    String attribute(String id, String attribute, TemplatePath at) {
        String type = supportedType(id, "Fn::GetAtt " + id + "." + attribute, at);
        String name = name(id);
        String p = stack.partition();
        String value = switch (type + "." + attribute) {
            case "AWS::Lambda::Function.Arn", "AWS::Serverless::Function.Arn" -> stack.arn("lambda", "function:" + name);
            case "AWS::SQS::Queue.Arn" -> stack.arn("sqs", name);
            case "AWS::SQS::Queue.QueueName" -> name;
            case "AWS::SQS::Queue.QueueUrl" -> queueUrl(name);
            case "AWS::SNS::Topic.TopicArn" -> stack.arn("sns", name);
            case "AWS::SNS::Topic.TopicName" -> name;
            case "AWS::DynamoDB::Table.Arn", "AWS::Serverless::SimpleTable.Arn" ->
                    stack.arn("dynamodb", "table/" + name);
            case "AWS::DynamoDB::Table.StreamArn", "AWS::Serverless::SimpleTable.StreamArn" ->
                    stack.arn("dynamodb", "table/" + name + "/stream/2024-01-01T00:00:00.000");
            case "AWS::StepFunctions::Activity.Arn" -> stack.arn("states", "activity:" + name);
            case "AWS::StepFunctions::Activity.Name", "AWS::Kinesis::Stream.Name" -> name;
            case "AWS::Events::Connection.Arn" -> stack.arn("events", "connection/" + name + "/" + GENERATED_ID);
            case "AWS::Events::Connection.SecretArn" ->
                    stack.arn("secretsmanager", "secret:events!connection/" + name + "/" + GENERATED_ID);
            case "AWS::Events::ApiDestination.Arn" ->
                    stack.arn("events", "api-destination/" + name + "/" + GENERATED_ID);
            case "AWS::Kinesis::Stream.Arn" -> stack.arn("kinesis", "stream/" + name);
            case "AWS::KinesisFirehose::DeliveryStream.Arn" -> stack.arn("firehose", "deliverystream/" + name);
            case "AWS::Logs::LogGroup.Arn" -> stack.arn("logs", "log-group:" + name + ":*");
            case "AWS::ECS::Cluster.Arn" -> stack.arn("ecs", "cluster/" + name);
            case "AWS::ECS::TaskDefinition.TaskDefinitionArn" -> stack.arn("ecs", "task-definition/" + name + ":1");
            case "AWS::CodeBuild::Project.Arn" -> stack.arn("codebuild", "project/" + name);
            case "AWS::Batch::JobQueue.JobQueueArn" -> stack.arn("batch", "job-queue/" + name);
            case "AWS::StepFunctions::StateMachine.Arn", "AWS::Serverless::StateMachine.Arn" ->
                    stack.arn("states", "stateMachine:" + name);
            case "AWS::StepFunctions::StateMachine.Name", "AWS::Serverless::StateMachine.Name" -> name;
            case "AWS::S3::Bucket.Arn" -> "arn:" + p + ":s3:::" + name;
            case "AWS::S3::Bucket.DomainName" -> name + ".s3." + stack.urlSuffix();
            case "AWS::S3::Bucket.DualStackDomainName" -> name + ".s3.dualstack." + stack.region() + "." + stack.urlSuffix();
            case "AWS::S3::Bucket.WebsiteURL" -> "http://" + name + ".s3-website-" + stack.region() + "." + stack.urlSuffix();
            case "AWS::Events::EventBus.Arn" -> stack.arn("events", "event-bus/" + name);
            case "AWS::Events::EventBus.Name" -> name;
            case "AWS::IAM::Role.Arn" -> "arn:" + p + ":iam::" + stack.accountId() + ":role" + rolePath(id) + name;
            default -> null;
        };
        if (value == null) {
            throw at.error("Fn::GetAtt " + id + "." + attribute + ": attribute " + attribute + " of " + type
                    + " is not supported");
        }
        return value;
    }

    /** The name of resource {@code id}: its name property, else its logical id. */
    private String name(String id) {
        String type = template.typeOf(id);
        String property = NAME_PROPERTY.get(type);
        JsonNode value = template.resource(id).path("Properties").path(property);
        if (value.isMissingNode()) {
            String name = type.equals("AWS::SQS::Queue") && isFifo(id) ? id + ".fifo" : id;
            return type.equals("AWS::S3::Bucket") ? name.toLowerCase(Locale.ROOT) : name;
        }
        return resolver.property(value, template.path().key("Resources").key(id).key("Properties").key(property));
    }

    /** A FIFO queue's generated name ends in {@code .fifo}, as AWS requires. */
    private boolean isFifo(String id) {
        return template.resource(id).path("Properties").path("FifoQueue").asText().equals("true");
    }

    /** Secrets Manager appends a hyphen and six random characters to a secret's name in its ARN. */
    private String secretArn(String name) {
        return stack.arn("secretsmanager", "secret:" + name + "-AbCdEf");
    }

    private String queueUrl(String name) {
        return "https://sqs." + stack.region() + "." + stack.urlSuffix() + "/" + stack.accountId() + "/" + name;
    }

    /** An IAM role's {@code Path} (default {@code /}), which its ARN includes. */
    private String rolePath(String id) {
        JsonNode path = template.resource(id).path("Properties").path("Path");
        return path.isMissingNode() ? "/"
                : resolver.property(path, template.path().key("Resources").key(id).key("Properties").key("Path"));
    }

    private String supportedType(String id, String use, TemplatePath at) {
        String type = template.typeOf(id);
        if (!NAME_PROPERTY.containsKey(type)) {
            throw at.error(use + ": " + type + " resources are not supported (supported: "
                    + String.join(", ", NAME_PROPERTY.keySet().stream().sorted().toList()) + ")");
        }
        return type;
    }
}
