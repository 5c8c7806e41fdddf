package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state machines a template declares, {@code AWS::StepFunctions::StateMachine} and
 * {@code AWS::Serverless::StateMachine}, in template order (those whose {@code Condition} is false left out).
 * The definition comes from exactly one of {@code Definition} (an object, its intrinsic functions resolved),
 * {@code DefinitionString} (CloudFormation: a string, often from {@code Fn::Join} or {@code Fn::Sub}) or
 * {@code DefinitionUri} (SAM: a local file relative to the template, JSON or YAML); then
 * {@code DefinitionSubstitutions} are applied. S3 locations are reported: Flowstate reads no bucket.
 */
final class StateMachineReader {
    static final String CFN_TYPE = "AWS::StepFunctions::StateMachine";
    static final String SAM_TYPE = "AWS::Serverless::StateMachine";

    private StateMachineReader() {}

    /** The logical ids of the template's state machines, in template order. */
    static List<String> ids(Resolver r) {
        Template t = r.template();
        JsonNode resources = t.section("Resources");
        if (resources.isMissingNode()) {
            throw t.path().error("the template has no Resources");
        }
        List<String> ids = new ArrayList<>();
        resources.properties().forEach(e -> {
            String type = e.getValue().path("Type").asText();
            if (!(type.equals(CFN_TYPE) || type.equals(SAM_TYPE))) {
                return;
            }
            JsonNode condition = e.getValue().path("Condition");
            TemplatePath at = t.path().key("Resources").key(e.getKey()).key("Condition");
            if (condition.isTextual() && !r.conditions().value(condition.textValue(), at)) {
                return;
            }
            ids.add(e.getKey());
        });
        return ids;
    }

    /** The state machine {@code id}, one of {@link #ids}. */
    static StateMachineResource read(Resolver r, String id) {
        JsonNode resource = r.template().resource(id);
        TemplatePath at = r.template().path().key("Resources").key(id);
        return read(r, id, resource.path("Type").asText().equals(SAM_TYPE), resource.path("Properties"), at);
    }

    private static StateMachineResource read(Resolver r, String id, boolean sam, JsonNode props, TemplatePath at) {
        TemplatePath propsAt = at.key("Properties");
        if (!props.isObject()) {
            throw propsAt.error("a state machine needs Properties with its definition");
        }
        String name = optional(r, props, sam ? "Name" : "StateMachineName", propsAt, id);
        String type = optional(r, props, sam ? "Type" : "StateMachineType", propsAt, "STANDARD");
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw propsAt.key(sam ? "Type" : "StateMachineType").error("must be STANDARD or EXPRESS, not " + type);
        }
        // SAM creates a role named after the machine when none is given; CloudFormation requires RoleArn.
        String role = optional(r, props, sam ? "Role" : "RoleArn", propsAt,
                "arn:" + r.stack().partition() + ":iam::" + r.stack().accountId() + ":role/" + id + "Role");
        return new StateMachineResource(id, name, type, definition(r, sam, props, propsAt), role, at);
    }

    private static String definition(Resolver r, boolean sam, JsonNode props, TemplatePath at) {
        List<String> sources = (sam ? List.of("Definition", "DefinitionUri")
                : List.of("Definition", "DefinitionString", "DefinitionS3Location"))
                .stream().filter(props::has).toList();
        if (sources.size() != 1) {
            throw at.error(sources.isEmpty() ? "no definition: give " + (sam ? "Definition or DefinitionUri"
                    : "Definition or DefinitionString") : "give one definition, not " + String.join(" and ", sources));
        }
        String source = sources.get(0);
        JsonNode value = props.get(source);
        TemplatePath valueAt = at.key(source);
        Map<String, String> substitutions = substitutions(r, props.path("DefinitionSubstitutions"),
                at.key("DefinitionSubstitutions"));
        return switch (source) {
            case "Definition" -> {
                JsonNode resolved = r.resolve(value, valueAt);
                if (!resolved.isObject()) {
                    throw valueAt.error("must be an object (the ASL definition); for JSON text use DefinitionString");
                }
                yield Substitutions.apply(Json.write(resolved), substitutions, true);
            }
            case "DefinitionString" -> Substitutions.apply(r.string(value, valueAt), substitutions, false);
            case "DefinitionUri" -> fromFile(r, value, valueAt, substitutions);
            default -> throw valueAt.error("an S3 location is not supported: Flowstate reads no bucket; inline the "
                    + "definition with Definition or DefinitionString");
        };
    }

    private static String fromFile(Resolver r, JsonNode uri, TemplatePath at, Map<String, String> substitutions) {
        if (uri.isObject() && (uri.has("Bucket") || uri.has("Key"))) {
            throw at.error("an S3 location is not supported: Flowstate reads no bucket; point DefinitionUri at a "
                    + "local file (relative to the template)");
        }
        String location = r.string(uri, at);
        if (location.startsWith("s3://")) {
            throw at.error("an S3 location (" + location + ") is not supported: Flowstate reads no bucket; point "
                    + "DefinitionUri at a local file (relative to the template)");
        }
        Path file = r.template().directory().resolve(location);
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw at.error("cannot read the definition file " + file + ": no such file");
        } catch (IOException e) {
            throw at.error("cannot read the definition file " + file + ": " + e.getMessage());
        }
        if (location.endsWith(".yaml") || location.endsWith(".yml")) {
            return Substitutions.apply(Json.write(YamlTemplates.parse(text, file.toString())), substitutions, true);
        }
        return Substitutions.apply(text, substitutions, false);
    }

    private static Map<String, String> substitutions(Resolver r, JsonNode map, TemplatePath at) {
        Map<String, String> values = new LinkedHashMap<>();
        if (map.isMissingNode()) {
            return values;
        }
        JsonNode resolved = r.resolve(map, at);
        if (!resolved.isObject()) {
            throw at.error("must be an object of placeholder values");
        }
        resolved.properties().forEach(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw at.key(e.getKey()).error("must be a string, a number or a boolean, not "
                        + Resolver.describe(e.getValue()));
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }

    /** Property {@code name} as a string, or {@code absent}. */
    private static String optional(Resolver r, JsonNode props, String name, TemplatePath at, String absent) {
        JsonNode v = props.path(name);
        return v.isMissingNode() ? absent : r.string(v, at.key(name));
    }
}
