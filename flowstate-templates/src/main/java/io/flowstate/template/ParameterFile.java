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
import java.util.Optional;

/**
 * A {@code --parameters} file: template parameter values by name, in JSON or YAML, either as an object
 * ({@code {"Stage": "dev", "Subnets": ["a", "b"]}}) or in the AWS CLI's form
 * ({@code [{"ParameterKey": "Stage", "ParameterValue": "dev"}]}). A list value is joined with commas, as
 * CloudFormation takes a {@code CommaDelimitedList}. Names the template does not declare are ignored, so one
 * file can serve several templates.
 */
public final class ParameterFile {
    private ParameterFile() {}

    /** The values in {@code file}; none when absent. */
    public static Map<String, String> read(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return Map.of();
        }
        String name = file.get().toString();
        String text;
        try {
            text = Files.readString(file.get());
        } catch (NoSuchFileException e) {
            throw new TemplateException(name + ": no such parameters file");
        }
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (IOException e) {
            root = YamlTemplates.parse(text, name);
        }
        Map<String, String> values = new LinkedHashMap<>();
        TemplatePath at = TemplatePath.root(name);
        if (root.isObject()) {
            root.properties().forEach(e -> values.put(e.getKey(), text(e.getValue(), at.key(e.getKey()))));
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                JsonNode p = root.get(i);
                if (!p.path("ParameterKey").isTextual() || p.path("ParameterValue").isMissingNode()) {
                    throw at.index(i).error("expected {\"ParameterKey\": ..., \"ParameterValue\": ...}");
                }
                values.put(p.get("ParameterKey").textValue(), text(p.get("ParameterValue"), at.index(i)));
            }
        } else {
            throw at.error("expected an object of parameter values, or a list of ParameterKey/ParameterValue");
        }
        return values;
    }

    private static String text(JsonNode value, TemplatePath at) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(text(item, at)));
            return String.join(",", items);
        }
        throw at.error("a parameter value must be a string, a number, a boolean or a list of them");
    }
}
