package io.flowstate.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.engine.task.TaskInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IAM permissions a Task call needs from the role it runs as, as AWS documents them per integration
 * ("IAM policies for integrated services"): the action, and the resource ARN derived from the call's parameters
 * ({@code lambda:InvokeFunction} on the function, {@code sqs:SendMessage} on the queue of {@code QueueUrl},
 * {@code s3:GetObject} on {@code arn:aws:s3:::bucket/key}, ...). A resource that cannot be derived is {@code *},
 * which only a statement on {@code *} (or a wildcard covering it) allows. Activities need nothing from the role
 * (their workers call GetActivityTask with their own credentials).
 */
final class TaskPermissions {
    /** One permission: an IAM action ({@code service:Action}) on a resource ARN. */
    record Permission(String action, String resource) {}

    /** The IAM prefixes of {@code aws-sdk} services whose SDK package name differs. */
    private static final Map<String, String> IAM_PREFIXES = Map.of("sfn", "states", "eventbridge", "events",
            "cloudwatchlogs", "logs", "apigatewayv2", "apigateway", "elasticloadbalancingv2", "elasticloadbalancing",
            "sesv2", "ses", "dynamodbstreams", "dynamodb");

    /** S3 operations authorised by an IAM action of another name. */
    private static final Map<String, String> S3_ACTIONS = Map.of("listObjectsV2", "ListBucket", "listObjects",
            "ListBucket", "headObject", "GetObject", "headBucket", "ListBucket", "deleteObjects", "DeleteObject",
            "listObjectVersions", "ListBucketVersions", "getObjectAttributes", "GetObject");

    private TaskPermissions() {}

    /** What {@code inv} needs; empty when the role is not asked (activities, unknown resources). */
    static List<Permission> of(TaskInvocation inv) {
        Place at = Place.of(inv.executionArn());
        JsonNode p = inv.input();
        IntegrationResource r = IntegrationResource.parse(inv.resource());
        if (inv.readerConfig().isPresent()) {
            if (inv.resource().isEmpty()) {
                return List.of(); // a ResultWriter that writes nowhere
            }
            return inv.readerConfig().get().has("ResultWriter")
                    ? List.of(new Permission("s3:PutObject", s3(p.path("Bucket").asText(),
                            prefix(p.path("Prefix").asText("")) + "*")))
                    : s3(r.action(), p);
        }
        return switch (r.kind()) {
            case LAMBDA_FUNCTION -> List.of(new Permission("lambda:InvokeFunction", inv.resource()));
            case AWS_SDK -> List.of(sdk(r.service(), r.action(), p, at));
            case OPTIMIZED -> optimized(r, p, at, inv.executionArn());
            case OTHER -> List.of();
        };
    }

    private static List<Permission> optimized(IntegrationResource r, JsonNode p, Place at, String executionArn) {
        return switch (r.service() + ":" + r.action()) {
            case "lambda:invoke" -> List.of(new Permission("lambda:InvokeFunction", function(p, at)));
            case "sqs:sendMessage" -> List.of(new Permission("sqs:SendMessage", queue(p.path("QueueUrl").asText(), at)));
            case "sns:publish" -> List.of(new Permission("sns:Publish", topic(p)));
            case "states:startExecution" -> List.of(new Permission("states:StartExecution",
                    orStar(p.path("StateMachineArn").asText())));
            case "events:putEvents" -> buses(p, at);
            case "http:invoke" -> List.of(new Permission("states:InvokeHTTPEndpoint", Arns.stateMachineOf(executionArn)));
            case "dynamodb:getItem", "dynamodb:putItem", "dynamodb:updateItem", "dynamodb:deleteItem" ->
                    List.of(new Permission("dynamodb:" + capital(r.action()), table(p, at)));
            default -> List.of(new Permission(r.service() + ":" + capital(r.action()), "*"));
        };
    }

    /** {@code aws-sdk:<service>:<action>}: {@code <iam prefix>:<Action>} on the resource its parameters name. */
    private static Permission sdk(String service, String action, JsonNode p, Place at) {
        String prefix = IAM_PREFIXES.getOrDefault(service, service);
        return switch (service) {
            case "s3" -> s3(action, p).getFirst();
            case "lambda" -> new Permission("lambda:" + capital(action), p.has("FunctionName") ? function(p, at) : "*");
            case "sqs" -> new Permission("sqs:" + capital(action),
                    p.has("QueueUrl") ? queue(p.path("QueueUrl").asText(), at) : "*");
            case "sns" -> new Permission("sns:" + capital(action), topic(p));
            case "dynamodb" -> new Permission("dynamodb:" + capital(action), p.has("TableName") ? table(p, at) : "*");
            case "sfn" -> new Permission("states:" + capital(action), orStar(p.path("StateMachineArn").asText(
                    p.path("ExecutionArn").asText(p.path("ActivityArn").asText("")))));
            default -> new Permission(prefix + ":" + capital(action), "*");
        };
    }

    private static List<Permission> s3(String action, JsonNode p) {
        String iam = S3_ACTIONS.getOrDefault(action, capital(action));
        String bucket = p.path("Bucket").asText("");
        boolean onBucket = iam.startsWith("ListBucket") || !p.has("Key");
        return List.of(new Permission("s3:" + iam, bucket.isEmpty() ? "*"
                : onBucket ? "arn:aws:s3:::" + bucket : s3(bucket, p.path("Key").asText())));
    }

    private static String s3(String bucket, String key) {
        return "arn:aws:s3:::" + bucket + "/" + key;
    }

    private static String prefix(String prefix) {
        String p = prefix.replaceAll("/+$", "");
        return p.isEmpty() ? "" : p + "/";
    }

    /**
     * A Lambda function's ARN from {@code FunctionName} (a name, {@code name:qualifier}, a partial
     * {@code ACCOUNT:function:name} or a whole ARN) and {@code Qualifier}, as Lambda resolves it.
     */
    static String function(JsonNode p, Place at) {
        String name = p.path("FunctionName").asText("");
        String arn;
        if (name.startsWith("arn:")) {
            arn = name;
        } else if (name.matches("\\d{12}:function:.+")) {
            arn = "arn:aws:lambda:" + at.region() + ":" + name;
        } else {
            arn = "arn:aws:lambda:" + at.region() + ":" + at.account() + ":function:" + name;
        }
        String qualifier = p.path("Qualifier").asText("");
        return qualifier.isEmpty() || arn.split(":").length > 7 ? arn : arn + ":" + qualifier;
    }

    /**
     * A queue's ARN from its URL ({@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME}, or a local endpoint's
     * {@code http://host:port/ACCOUNT/NAME}, the region then the execution's).
     */
    static String queue(String url, Place at) {
        String[] path = url.replaceFirst("^[a-z]+://[^/]*", "").replaceAll("^/+|/+$", "").split("/");
        if (path.length < 2) {
            return "*";
        }
        java.util.regex.Matcher host = java.util.regex.Pattern.compile("^https?://sqs\\.([a-z0-9-]+)\\.").matcher(url);
        String region = host.find() ? host.group(1) : at.region();
        return "arn:aws:sqs:" + region + ":" + path[path.length - 2] + ":" + path[path.length - 1];
    }

    private static String topic(JsonNode p) {
        return orStar(p.path("TopicArn").asText(p.path("TargetArn").asText("")));
    }

    private static String table(JsonNode p, Place at) {
        String name = p.path("TableName").asText("");
        return name.startsWith("arn:") ? name : "arn:aws:dynamodb:" + at.region() + ":" + at.account() + ":table/" + name;
    }

    /** PutEvents needs {@code events:PutEvents} on each bus its entries name ({@code default} when none). */
    private static List<Permission> buses(JsonNode p, Place at) {
        List<Permission> out = new ArrayList<>();
        for (JsonNode e : p.path("Entries")) {
            String bus = e.path("EventBusName").asText("default");
            String arn = bus.startsWith("arn:") ? bus : "arn:aws:events:" + at.region() + ":" + at.account()
                    + ":event-bus/" + bus;
            Permission needed = new Permission("events:PutEvents", arn);
            if (!out.contains(needed)) {
                out.add(needed);
            }
        }
        return out.isEmpty() ? List.of(new Permission("events:PutEvents", "arn:aws:events:" + at.region() + ":"
                + at.account() + ":event-bus/default")) : out;
    }

    private static String orStar(String arn) {
        return arn.isEmpty() ? "*" : arn;
    }

    static String capital(String action) {
        return action.isEmpty() ? action : action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1);
    }

    /** The region and account of the execution, which calls without a whole ARN address. */
    record Place(String region, String account) {
        static Place of(String executionArn) {
            String[] p = executionArn.split(":");
            return p.length > 4 ? new Place(p[3], p[4]) : new Place("us-east-1", "123456789012");
        }
    }
}
