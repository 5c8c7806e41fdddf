package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;

/**
 * A compiled JSONPath as ASL uses it: {@code $...} reads the state input, {@code $$...} the context object
 * and {@code $name...} a workflow variable. Compiled once at parse time.
 *
 * <p>Placeholder implementation: plain dotted field names only; replaced by the full JSONPath engine.
 */
public final class Path {
    /** What the path reads from. */
    public enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    private final String[] fields;

    private Path(String text, Root root, String variable, String[] fields) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.fields = fields;
    }

    /** Compiles {@code text}; throws {@link ExpressionSyntaxException} when it is not a valid path. */
    public static Path compile(String text) {
        requireNonNull(text, "text is null");
        if (!text.startsWith("$")) {
            throw new ExpressionSyntaxException("The value for the field must be a valid JSONPath: " + text);
        }
        String rest;
        Root root;
        String variable = null;
        if (text.startsWith("$$")) {
            root = Root.CONTEXT;
            rest = text.substring(2);
        } else if (text.length() > 1 && text.charAt(1) != '.' && text.charAt(1) != '[') {
            root = Root.VARIABLE;
            int dot = text.indexOf('.');
            variable = dot < 0 ? text.substring(1) : text.substring(1, dot);
            rest = dot < 0 ? "" : text.substring(dot);
        } else {
            root = Root.INPUT;
            rest = text.substring(1);
        }
        String[] fields = rest.isEmpty() ? new String[0] : rest.substring(1).split("\\.");
        return new Path(text, root, variable, fields);
    }

    /** The source text, as written in the definition. */
    public String text() {
        return text;
    }

    /** What the path reads from. */
    public Root root() {
        return root;
    }

    /** The value the path selects; {@link EvaluationException} ({@code States.Runtime}) when nothing matches. */
    public JsonNode read(EvalContext ctx) {
        return find(ctx).orElseThrow(() -> new EvaluationException("States.Runtime",
                "Invalid path '" + text + "': The choice state's condition path references an invalid value."));
    }

    /** The value the path selects, or empty when nothing matches. */
    public Optional<JsonNode> find(EvalContext ctx) {
        JsonNode node = switch (root) {
            case INPUT -> ctx.input();
            case CONTEXT -> ctx.context();
            case VARIABLE -> ctx.variables().get(variable).orElse(MissingNode.getInstance());
        };
        for (String f : fields) {
            node = node.path(f);
        }
        return node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    @Override
    public String toString() {
        return text;
    }
}
