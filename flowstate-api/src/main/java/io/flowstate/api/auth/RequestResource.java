package io.flowstate.api.auth;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The resource an API request acts on, as IAM sees it ("Actions defined by AWS Step Functions"): the ARN the
 * request names (state machine, execution, activity, Map Run, alias, version or tagged resource); for a create,
 * the ARN it will have; {@code *} for the operations on no one resource (ListStateMachines, ListActivities,
 * SendTask*, TestState, ValidateStateMachineDefinition).
 */
final class RequestResource {
    private static final String[] ARN_FIELDS = {"stateMachineArn", "executionArn", "activityArn", "mapRunArn",
            "stateMachineAliasArn", "stateMachineVersionArn", "resourceArn"};

    private RequestResource() {}

    static String of(String operation, JsonNode body, String region, String account) {
        String prefix = "arn:aws:states:" + region + ":" + account + ":";
        switch (operation) {
            case "CreateStateMachine" -> {
                return prefix + "stateMachine:" + body.path("name").asText();
            }
            case "CreateActivity" -> {
                return prefix + "activity:" + body.path("name").asText();
            }
            case "CreateStateMachineAlias" -> {
                String version = body.path("routingConfiguration").path(0).path("stateMachineVersionArn").asText("");
                int colon = version.lastIndexOf(':');
                return colon > 0 ? version.substring(0, colon) + ":" + body.path("name").asText() : "*";
            }
            default -> {
                for (String f : ARN_FIELDS) {
                    if (body.path(f).isTextual()) {
                        return body.get(f).asText();
                    }
                }
                return "*";
            }
        }
    }
}
