package io.flowstate.asl.expr;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Optional;

/**
 * A compiled JSONPath as ASL uses it: {@code $...} reads the state input, {@code $$...} the context object
 * and {@code $name...} a workflow variable. Compiled once at parse time.
 *
 * <p>A <em>reference path</em> ({@link #isDefinite()}: only field names and single indexes, e.g.
 * {@code $.a['b c'][0]}) is evaluated natively by walking the tree: no parsing, no copying. Any other path
 * (wildcards, slices, unions, filters, deep scan, functions) is evaluated by Jayway JsonPath, which is what
 * AWS uses: such a path yields an array of its matches, empty when nothing matches.
 *
 * <p>When a definite path matches nothing, the two reading methods fail with {@code States.Runtime} and the
 * cause AWS writes for the kind of field (the interpreter prefixes it with "An error occurred while
 * executing the state ..."):
 * <ul>
 *   <li>{@link #read(EvalContext)} (InputPath, OutputPath, ItemsPath...):
 *       {@code Invalid path '$.x' : No results for path: $['x']}</li>
 *   <li>{@link #read(EvalContext, String)} (a {@code .$} key, ErrorPath/CausePath, intrinsic arguments):
 *       {@code The JSONPath '$.x' specified for the field 'k.$' could not be found in the input '{...}'}</li>
 * </ul>
 */
public final class Path implements ValueExpression {
    /** What the path reads from. */
    public enum Root { INPUT, CONTEXT, VARIABLE }

    private final String text;
    private final Root root;
    private final String variable;
    /** Native segments of a reference path, or null when Jayway evaluates the path. */
    private final PathSegment[] segments;
    private final JsonPath jayway;
    private final boolean callsFunction;
    private final boolean whole;

    private Path(String text, Root root, String variable, PathSegment[] segments, JsonPath jayway) {
        this.text = text;
        this.root = root;
        this.variable = variable;
        this.segments = segments;
        this.jayway = jayway;
        this.callsFunction = JsonPathEngine.callsFunction(jayway);
        this.whole = text.equals("$");
    }

    /** True for {@code $} alone: the whole input, which I/O processing passes through without evaluating. */
    public boolean isWholeInput() {
        return whole;
    }

    /** Compiles {@code text}; throws {@link ExpressionSyntaxException} when it is not a valid path. */
    public static Path compile(String text) {
        requireNonNull(text, "text is null");
        PathParser.Split split = PathParser.split(text);
        // Jayway validates the syntax for every path and supplies AWS's wording when a path matches nothing.
        JsonPath jayway = JsonPathEngine.compile("$" + split.rest(), text);
        List<PathSegment> reference = PathParser.referenceSegments(split.rest());
        PathSegment[] segments = reference == null ? null : reference.toArray(PathSegment[]::new);
        return new Path(text, split.root(), split.variable(), segments, jayway);
    }

    /** The source text, as written in the definition. */
    @Override
    public String text() {
        return text;
    }

    /** What the path reads from. */
    public Root root() {
        return root;
    }

    /** The variable name for a {@link Root#VARIABLE} path ({@code $name.x} gives {@code name}). */
    public Optional<String> variable() {
        return Optional.ofNullable(variable);
    }

    /**
     * True for a reference path: only field names and single indexes after the root, so it selects at most
     * one value and can be a ResultPath.
     */
    public boolean isDefinite() {
        return segments != null;
    }

    /** The segments of a reference path; only valid when {@link #isDefinite()}. */
    List<PathSegment> segments() {
        if (segments == null) {
            throw new IllegalStateException("not a reference path: " + text);
        }
        return List.of(segments);
    }

    /** The value the path selects; {@link EvaluationException} ({@code States.Runtime}) when nothing matches. */
    public JsonNode read(EvalContext ctx) {
        JsonNode document = document(ctx);
        JsonNode value = select(document);
        if (value == null) {
            throw new EvaluationException("States.Runtime", "Invalid path '" + text + "' : "
                    + (document == null ? "No results for path: " + JsonPathEngine.normalised(jayway)
                    : JsonPathEngine.missMessage(jayway, callsFunction, document)));
        }
        return value;
    }

    /**
     * The value the path selects for the field {@code field} (a {@code .$} key as written, or a field name
     * such as {@code ErrorPath}); when nothing matches, fails with AWS's "could not be found in the input"
     * cause, which quotes the state input.
     */
    public JsonNode read(EvalContext ctx, String field) {
        JsonNode value = select(document(ctx));
        if (value == null) {
            throw notFound(ctx, field);
        }
        return value;
    }

    /** The value the path selects, or empty when nothing matches (Choice {@code IsPresent}). */
    public Optional<JsonNode> find(EvalContext ctx) {
        return Optional.ofNullable(select(document(ctx)));
    }

    @Override
    public JsonNode evaluate(EvalContext ctx) {
        return read(ctx);
    }

    @Override
    public JsonNode evaluate(EvalContext ctx, String field) {
        return read(ctx, field);
    }

    EvaluationException notFound(EvalContext ctx, String field) {
        return new EvaluationException("States.Runtime", "The JSONPath '" + text + "' specified for the field '"
                + field + "' could not be found in the input '" + JsonPathEngine.toJson(ctx.input()) + "'");
    }

    private JsonNode document(EvalContext ctx) {
        return switch (root) {
            case INPUT -> ctx.input();
            case CONTEXT -> ctx.context();
            case VARIABLE -> ctx.variables().get(variable).orElse(null);
        };
    }

    /** The selected value, or null when nothing matches. */
    private JsonNode select(JsonNode document) {
        if (document == null) {
            return null;
        }
        if (segments == null) {
            return JsonPathEngine.find(jayway, callsFunction, document).orElse(null);
        }
        JsonNode node = document;
        for (PathSegment segment : segments) {
            node = switch (segment) {
                case PathSegment.Field f -> node.isObject() ? node.get(f.name()) : null;
                case PathSegment.Index ix -> node.isArray() ? node.get(ix.index() < 0 ? node.size() + ix.index() : ix.index()) : null;
            };
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path p && p.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
