package io.flowstate.template;

import static java.util.Objects.requireNonNull;

/**
 * Where a construct sits in a template, for error messages: the template file as the user named it and a
 * dotted JSON path, keys joined with {@code .} and array indices in brackets
 * ({@code Resources.M.Properties.DefinitionString.Fn::Join[1][2]}). The root has an empty path.
 */
public record TemplatePath(String file, String path) {
    public TemplatePath {
        requireNonNull(file, "file is null");
        requireNonNull(path, "path is null");
    }

    /** The root of {@code file}. */
    public static TemplatePath root(String file) {
        return new TemplatePath(file, "");
    }

    /** The member {@code key} of the object here. */
    public TemplatePath key(String key) {
        return new TemplatePath(file, path.isEmpty() ? key : path + "." + key);
    }

    /** The element {@code i} of the array here. */
    public TemplatePath index(int i) {
        return new TemplatePath(file, path + "[" + i + "]");
    }

    /** An error about the construct here. */
    public TemplateException error(String message) {
        return new TemplateException(path.isEmpty() ? file + ": " + message : file + ": " + path + ": " + message);
    }

    @Override
    public String toString() {
        return path.isEmpty() ? file : file + ": " + path;
    }
}
