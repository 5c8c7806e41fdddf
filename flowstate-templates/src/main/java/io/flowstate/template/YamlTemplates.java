package io.flowstate.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML templates as JSON trees, with CloudFormation's short-form tags turned into the long form they stand for:
 * {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Condition X} becomes {@code {"Condition": "X"}} and any
 * other {@code !Name arg} becomes {@code {"Fn::Name": arg}} (an unknown one is then reported as unsupported where
 * it is used, with its path).
 *
 * <p>The document is composed into SnakeYAML's node graph and converted here rather than constructed: a
 * constructor would need a class per tag and would still lose where each scalar came from. Scalars keep YAML
 * 1.1's implicit types (numbers, booleans, null); timestamps such as {@code 2010-09-09} stay text.
 */
final class YamlTemplates {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlTemplates() {}

    /** The tree of {@code text}; errors name {@code file} and the line and column. */
    static JsonNode parse(String text, String file) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark();
            throw new TemplateException(file + ": " + (mark == null ? "" : at(mark) + ": ") + "invalid YAML: "
                    + e.getProblem());
        } catch (YAMLException e) {
            throw new TemplateException(file + ": invalid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new TemplateException(file + ": the file is empty");
        }
        return convert(root, file);
    }

    private static JsonNode convert(Node node, String file) {
        JsonNode value = switch (node) {
            case ScalarNode s -> isShortForm(s.getTag()) ? NODES.textNode(s.getValue()) : scalar(s);
            case SequenceNode s -> {
                ArrayNode array = NODES.arrayNode();
                s.getValue().forEach(item -> array.add(convert(item, file)));
                yield array;
            }
            case MappingNode m -> mapping(m, file);
            default -> throw new TemplateException(file + ": " + at(node.getStartMark()) + ": unexpected YAML node");
        };
        if (!isShortForm(node.getTag())) {
            return value;
        }
        String tag = node.getTag().getValue().substring(1);
        ObjectNode longForm = NODES.objectNode();
        longForm.set(tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag, value);
        return longForm;
    }

    private static ObjectNode mapping(MappingNode m, String file) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple entry : m.getValue()) {
            Node key = entry.getKeyNode();
            if (key.getTag().equals(Tag.MERGE)) {
                throw new TemplateException(file + ": " + at(key.getStartMark()) + ": YAML merge keys (<<) are not supported");
            }
            if (!(key instanceof ScalarNode k) || isShortForm(key.getTag())) {
                throw new TemplateException(file + ": " + at(key.getStartMark()) + ": a key must be a plain scalar");
            }
            if (object.has(k.getValue())) {
                // CloudFormation rejects duplicate keys; keeping the last would silently drop part of a template.
                throw new TemplateException(file + ": " + at(key.getStartMark()) + ": duplicate key '" + k.getValue() + "'");
            }
            object.set(k.getValue(), convert(entry.getValueNode(), file));
        }
        return object;
    }

    private static JsonNode scalar(ScalarNode s) {
        String v = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "y" -> true;
                default -> false;
            });
        }
        try {
            if (tag.equals(Tag.INT)) {
                long n = Long.decode(v.replace("_", ""));
                // As Jackson reads JSON: an int when it fits, so YAML and JSON templates give equal trees.
                return n == (int) n ? NODES.numberNode((int) n) : NODES.numberNode(n);
            }
            if (tag.equals(Tag.FLOAT)) {
                double d = Double.parseDouble(v.replace("_", ""));
                return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(v);
            }
        } catch (NumberFormatException e) {
            // A YAML 1.1 form Java does not read (sexagesimal, 0b...): keep what was written.
        }
        return NODES.textNode(v);
    }

    /** A tag written with one {@code !} (local), as CloudFormation's short forms are; {@code !!str} is not one. */
    private static boolean isShortForm(Tag tag) {
        return tag.getValue().startsWith("!");
    }

    private static String at(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }
}
