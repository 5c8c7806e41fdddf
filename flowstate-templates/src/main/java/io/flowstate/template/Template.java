package io.flowstate.template;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;

/**
 * A SAM or CloudFormation template as read from its file (YAML short forms already in their long form), with
 * the directory its relative paths ({@code DefinitionUri}) are resolved against. The tree is not changed once
 * read.
 */
public record Template(String file, Path directory, ObjectNode root) {
    /** The transform SAM templates declare; the only one Flowstate applies (its resources are read natively). */
    static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    public Template {
        requireNonNull(file, "file is null");
        requireNonNull(directory, "directory is null");
        requireNonNull(root, "root is null");
    }

    /** Whether {@code root} is a template rather than, say, an ASL definition. */
    static boolean isTemplate(JsonNode root) {
        return root.isObject()
                && (root.has("Resources") || root.has("AWSTemplateFormatVersion") || root.has("Transform"));
    }

    /** The path of the template's root, for errors. */
    public TemplatePath path() {
        return TemplatePath.root(file);
    }

    /** A top-level section ({@code Parameters}, {@code Conditions}, {@code Mappings}); missing when absent. */
    JsonNode section(String name) {
        JsonNode s = root.path(name);
        if (!s.isMissingNode() && !s.isObject()) {
            throw path().key(name).error("must be an object");
        }
        return s;
    }

    /** The resource {@code logicalId}; missing when there is none. */
    JsonNode resource(String logicalId) {
        JsonNode r = section("Resources").path(logicalId);
        return r.isObject() ? r : MissingNode.getInstance();
    }

    /** The {@code Type} of resource {@code logicalId}, which must exist. */
    String typeOf(String logicalId) {
        JsonNode type = resource(logicalId).path("Type");
        if (!type.isTextual()) {
            throw path().key("Resources").key(logicalId).key("Type").error("must be a resource type name");
        }
        return type.textValue();
    }

    /** Checks the template declares no transform but SAM's, which Flowstate reads natively. */
    void checkTransform() {
        JsonNode t = root.path("Transform");
        TemplatePath at = path().key("Transform");
        if (t.isTextual()) {
            checkTransformName(t.textValue(), at);
        } else if (t.isArray()) {
            for (int i = 0; i < t.size(); i++) {
                if (!t.get(i).isTextual()) {
                    throw at.index(i).error("only the " + SAM_TRANSFORM + " transform is supported");
                }
                checkTransformName(t.get(i).textValue(), at.index(i));
            }
        } else if (!t.isMissingNode()) {
            throw at.error("only the " + SAM_TRANSFORM + " transform is supported");
        }
    }

    private static void checkTransformName(String name, TemplatePath at) {
        if (!name.equals(SAM_TRANSFORM)) {
            throw at.error(name + " is not supported (only " + SAM_TRANSFORM + ")");
        }
    }
}
