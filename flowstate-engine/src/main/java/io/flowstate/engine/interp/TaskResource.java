package io.flowstate.engine.interp;

import io.flowstate.engine.history.EventType;

/**
 * How a Task's {@code Resource} shows in history: a Lambda function ARN gets {@code LambdaFunction*} events,
 * an activity ARN {@code Activity*} events, everything else (service integrations such as
 * {@code arn:aws:states:::lambda:invoke}) {@code Task*} events with a resource type and name.
 */
record TaskResource(Kind kind, String resourceType, String resource) {
    enum Kind { LAMBDA_FUNCTION, ACTIVITY, SERVICE }

    private static final java.util.Map<String, TaskResource> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The classification of a Resource; resources are constants of definitions, so each is parsed once. */
    static TaskResource of(String arn) {
        TaskResource known = CACHE.get(arn);
        if (known != null) {
            return known;
        }
        TaskResource parsed = parse(arn);
        if (CACHE.size() < 10_000) {
            CACHE.put(arn, parsed);
        }
        return parsed;
    }

    private static TaskResource parse(String arn) {
        String[] parts = arn.split(":", 7);
        if (parts.length >= 7 && parts[2].equals("lambda") && parts[5].equals("function")) {
            return new TaskResource(Kind.LAMBDA_FUNCTION, "lambda", arn);
        }
        if (parts.length >= 7 && parts[2].equals("states") && parts[5].equals("activity")) {
            return new TaskResource(Kind.ACTIVITY, "activity", arn);
        }
        // Integrations are arn:<partition>:states:::<service>:<action>; the region and account may be filled in.
        if (arn.startsWith("arn:") && parts.length >= 6 && parts[2].equals("states")) {
            String rest = arn.split(":", 6)[5];
            // The last colon splits type from resource, except in the .sync:2 suffix.
            int colon = rest.endsWith(".sync:2") ? rest.lastIndexOf(':', rest.length() - ".sync:2".length())
                    : rest.lastIndexOf(':');
            if (colon > 0) {
                return new TaskResource(Kind.SERVICE, rest.substring(0, colon), rest.substring(colon + 1));
            }
        }
        return new TaskResource(Kind.SERVICE, "unknown", arn);
    }

    EventType succeeded() {
        return switch (kind) {
            case LAMBDA_FUNCTION -> EventType.LAMBDA_FUNCTION_SUCCEEDED;
            case ACTIVITY -> EventType.ACTIVITY_SUCCEEDED;
            case SERVICE -> EventType.TASK_SUCCEEDED;
        };
    }

    EventType failed() {
        return switch (kind) {
            case LAMBDA_FUNCTION -> EventType.LAMBDA_FUNCTION_FAILED;
            case ACTIVITY -> EventType.ACTIVITY_FAILED;
            case SERVICE -> EventType.TASK_FAILED;
        };
    }

    EventType timedOut() {
        return switch (kind) {
            case LAMBDA_FUNCTION -> EventType.LAMBDA_FUNCTION_TIMED_OUT;
            case ACTIVITY -> EventType.ACTIVITY_TIMED_OUT;
            case SERVICE -> EventType.TASK_TIMED_OUT;
        };
    }
}
