package io.flowstate.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.DefinitionErrors;
import io.flowstate.asl.parse.MachineType;
import io.flowstate.asl.parse.ParseResult;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks what CreateStateMachine and UpdateStateMachine are given and makes the {@link Revision}: the definition
 * (AWS's {@code InvalidDefinition} message listing every error), the role ARN, the logging and tracing
 * configurations (defaults as AWS describes them: logging {@code OFF}, tracing disabled).
 */
final class Definitions {
    static final JsonNode DEFAULT_LOGGING = logging();
    static final JsonNode DEFAULT_TRACING = Json.object().put("enabled", false);
    private static final Set<String> LEVELS = Set.of("ALL", "ERROR", "FATAL", "OFF");

    private Definitions() {}

    static Revision revision(ApiContext ctx, StateMachineType type, String definition, String roleArn,
            Optional<JsonNode> logging, Optional<JsonNode> tracing, Optional<JsonNode> encryption,
            Optional<String> revisionId) {
        ParseResult parsed = parse(definition, type);
        if (!parsed.isValid()) {
            throw new ApiException.InvalidDefinition(DefinitionErrors.invalidDefinitionMessage(parsed.errors()));
        }
        checkRole(roleArn);
        JsonNode log = logging.map(Definitions::checkLogging).orElse(DEFAULT_LOGGING);
        JsonNode trace = tracing.map(Definitions::checkTracing).orElse(DEFAULT_TRACING);
        return new Revision(definition, parsed.machine().orElseThrow(), roleArn, log, trace, encryption,
                revisionId.orElseGet(() -> UUID.randomUUID().toString()), ctx.now());
    }

    /** Parses {@code definition} for a machine of {@code type}. */
    static ParseResult parse(String definition, StateMachineType type) {
        return AslParser.parse(definition, type == StateMachineType.EXPRESS ? MachineType.EXPRESS : MachineType.STANDARD);
    }

    static void checkRole(String roleArn) {
        String[] f = roleArn.split(":", -1);
        if (f.length < 6 || !f[0].equals("arn") || !f[2].equals("iam") || !f[5].startsWith("role/")) {
            throw new ApiException.InvalidArn("Invalid Arn: 'Resource type not valid in this context: " + (f.length >= 6
                    ? f[5].split("/", 2)[0] : roleArn) + "'");
        }
    }

    private static JsonNode checkLogging(JsonNode logging) {
        if (!logging.isObject()) {
            throw new ApiException.SerializationException("Expected a structure for 'loggingConfiguration'");
        }
        ObjectNode out = Json.object();
        JsonNode level = logging.path("level");
        String lv = level.isTextual() ? level.textValue() : "OFF";
        if (!LEVELS.contains(lv)) {
            throw new ApiException.ValidationException("1 validation error detected: Value '" + lv
                    + "' at 'loggingConfiguration.level' failed to satisfy constraint: Member must satisfy enum value set: [ALL, ERROR, FATAL, OFF]");
        }
        JsonNode destinations = logging.path("destinations");
        int n = destinations.isArray() ? destinations.size() : 0;
        if (!lv.equals("OFF") && n != 1) {
            throw new ApiException.InvalidLoggingConfiguration("Invalid Logging Configuration: Must specify exactly one Log Destination.");
        }
        out.put("level", lv);
        out.put("includeExecutionData", logging.path("includeExecutionData").asBoolean(false));
        if (n > 0) {
            out.set("destinations", destinations);
        }
        return out;
    }

    private static JsonNode checkTracing(JsonNode tracing) {
        if (!tracing.isObject()) {
            throw new ApiException.SerializationException("Expected a structure for 'tracingConfiguration'");
        }
        return Json.object().put("enabled", tracing.path("enabled").asBoolean(false));
    }

    private static JsonNode logging() {
        ObjectNode n = Json.object();
        n.put("level", "OFF");
        n.put("includeExecutionData", false);
        return n;
    }
}
