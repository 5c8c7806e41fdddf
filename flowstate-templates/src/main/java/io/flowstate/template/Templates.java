package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading AWS SAM and CloudFormation templates (YAML or JSON, CDK's {@code cdk.out/*.template.json} included)
 * for the state machines they declare. Every problem is a {@link TemplateException} naming the file and the
 * construct's path.
 */
public final class Templates {
    private Templates() {}

    /**
     * The template in {@code file}, or empty when the file is not one (an ASL definition, or text that is not
     * JSON, which the ASL parser then reports). A {@code .yaml}/{@code .yml} file must be a template.
     */
    public static Optional<Template> read(Path file) throws IOException {
        String name = file.toString();
        String text = Files.readString(file);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        JsonNode root;
        if (yaml) {
            root = YamlTemplates.parse(text, name);
        } else {
            try {
                root = Json.parse(text);
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        if (!Template.isTemplate(root)) {
            if (yaml) {
                throw new TemplateException(name + ": not a SAM or CloudFormation template (it has no Resources)");
            }
            return Optional.empty();
        }
        Path directory = file.toAbsolutePath().getParent();
        Template template = new Template(name, directory, (ObjectNode) root);
        template.checkTransform();
        return Optional.of(template);
    }

    /** The state machines of {@code template}, read as stack {@code stack} with these parameter values. */
    public static List<StateMachineResource> stateMachines(Template template, Stack stack, Map<String, String> parameters) {
        Resolver r = new Resolver(template, stack, parameters);
        return StateMachineReader.ids(r).stream().map(id -> StateMachineReader.read(r, id)).toList();
    }

    /**
     * The one state machine to run: the one {@code logicalId} names, or the template's only one (several and
     * no {@code logicalId} is an error that lists them). Only that one is resolved, so what the others use need
     * not be supported.
     */
    public static StateMachineResource stateMachine(Template template, Stack stack, Map<String, String> parameters,
            Optional<String> logicalId) {
        Resolver r = new Resolver(template, stack, parameters);
        List<String> ids = StateMachineReader.ids(r);
        if (logicalId.isPresent() && !ids.contains(logicalId.get())) {
            throw template.path().error("no state machine '" + logicalId.get() + "' (it has "
                    + (ids.isEmpty() ? "none" : String.join(", ", ids)) + ")");
        }
        if (logicalId.isEmpty() && ids.size() != 1) {
            throw template.path().error(ids.isEmpty() ? "the template declares no state machine"
                    : "the template declares " + ids.size() + " state machines (" + String.join(", ", ids)
                            + "): choose one with --resource LOGICAL_ID");
        }
        return StateMachineReader.read(r, logicalId.orElse(ids.get(0)));
    }
}
