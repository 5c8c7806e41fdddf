package io.flowstate.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API schema a TestState mock result is checked against: the output shape of the AWS operation a Task
 * state calls. The shapes are reduced from AWS's service models (botocore's, by {@code tools/gen_mock_schemas.py})
 * and shipped as resources for the services Task states commonly call; a resource of another service, a
 * Lambda function ARN, an activity or a callback ({@code .waitForTaskToken}, {@code .sync}) has no schema and
 * its mock is not checked.
 *
 * @param shapes the service's shapes by name, each {@code {"type", "members", "required", "member", "value",
 *     "min", "max", "enum"}} as the service model has them
 * @param output the name of the operation's output shape
 * @param lenient shapes by field name that are checked as any JSON value, where Step Functions' optimized
 *     integration returns JSON in place of the SDK's type ({@code lambda:invoke}'s {@code Payload})
 */
record MockSchema(JsonNode shapes, String output, java.util.Set<String> lenient) {
    /** Step Functions' service names that differ from the model's. */
    private static final Map<String, String> MODEL_NAMES = Map.of("states", "stepfunctions", "sfn", "stepfunctions",
            "elasticmapreduce", "emr");
    private static final Map<String, Optional<JsonNode>> MODELS = new ConcurrentHashMap<>();

    /** The schema of a Task state's {@code resource}, when it has one. */
    static Optional<MockSchema> of(String resource) {
        String prefix = "arn:aws:states:::";
        if (!resource.startsWith(prefix) || resource.endsWith(".sync") || resource.endsWith(".sync:2")
                || resource.endsWith(".waitForTaskToken")) {
            return Optional.empty();
        }
        String[] parts = resource.substring(prefix.length()).split(":");
        boolean sdk = parts.length == 3 && parts[0].equals("aws-sdk");
        if (!sdk && parts.length != 2) {
            return Optional.empty();
        }
        String service = parts[sdk ? 1 : 0];
        String action = parts[sdk ? 2 : 1];
        if (action.isEmpty()) {
            return Optional.empty();
        }
        String operation = Character.toUpperCase(action.charAt(0)) + action.substring(1);
        return model(MODEL_NAMES.getOrDefault(service, service)).flatMap(m -> {
            JsonNode out = m.path("operations").path(operation);
            if (!out.isTextual()) {
                return Optional.empty();
            }
            java.util.Set<String> lenient = !sdk && resource.endsWith(":lambda:invoke")
                    ? java.util.Set.of("Payload") : java.util.Set.of();
            return Optional.of(new MockSchema(m.path("shapes"), out.textValue(), lenient));
        });
    }

    private static Optional<JsonNode> model(String service) {
        if (!service.matches("[a-z0-9-]+")) {
            return Optional.empty();
        }
        return MODELS.computeIfAbsent(service, s -> {
            try (InputStream in = MockSchema.class.getResourceAsStream("/io/flowstate/api/mockschema/" + s + ".json")) {
                return in == null ? Optional.empty() : Optional.of(Json.mapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the mock schema of " + s, e);
            }
        });
    }
}
