package io.flowstate.asl.jsonata;

import static java.util.Objects.requireNonNull;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.expr.ExpressionSyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One JSONata expression (the text between {@code {%} and {@code %}}), compiled once when its definition is
 * parsed. Evaluation binds {@code $states}, the workflow variables the expression names, and the Step Functions
 * functions; it never reads the wall clock or an unseeded random source.
 *
 * <p>Thread-safe: the compiled form is shared, every evaluation has its own variable frame.
 */
public final class JsonataExpression {
    private final String text;
    private final Jsonata compiled;
    private final List<String> variableNames;
    /** {@code $states.member}; the look-behind keeps {@code $statesX} and {@code a$states} out. */
    private static final Pattern STATES_MEMBER = Pattern.compile("(?<![\\w$])\\$states\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private final String code;

    private JsonataExpression(String text, Jsonata compiled, List<String> variableNames) {
        this.text = text;
        this.compiled = compiled;
        this.variableNames = variableNames;
        this.code = code(text);
    }

    /**
     * Compiles {@code text} (without the {@code {% %}} delimiters).
     *
     * @throws ExpressionSyntaxException with the JSONata parser's message when the text is not JSONata
     */
    public static JsonataExpression compile(String text) {
        requireNonNull(text, "text is null");
        Jsonata compiled;
        try {
            compiled = Jsonata.jsonata(text);
        } catch (JException e) {
            throw new ExpressionSyntaxException(e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            throw new ExpressionSyntaxException("the expression cannot be parsed: " + e);
        }
        if (compiled.getErrors() != null && !compiled.getErrors().isEmpty()) {
            throw new ExpressionSyntaxException(compiled.getErrors().get(0).getMessage());
        }
        compiled.setValidateInput(false);
        compiled.setOutputConvertNulls(false);
        StepFunctionsLibrary.registerStatic(compiled);
        return new JsonataExpression(text, compiled, List.copyOf(variableNames(text)));
    }

    /**
     * True when {@code token} occurs in the expression outside string literals and comments (for the parser's
     * checks of references AWS does not support, such as {@code $$}).
     */
    public boolean mentions(String token) {
        return code.contains(token);
    }

    /**
     * The members of {@code $states} the expression names ({@code input} for {@code $states.input.x}), in
     * order, outside string literals and comments; the parser refuses those the field does not have.
     */
    public Set<String> statesMembers() {
        Set<String> members = new LinkedHashSet<>();
        Matcher m = STATES_MEMBER.matcher(code);
        while (m.find()) {
            members.add(m.group(1));
        }
        return members;
    }

    /**
     * The field names the expression reads from the top-level context ({@code phone} rather than
     * {@code $states.input.phone}), which AWS refuses at creation; see {@link TopLevelReferences}.
     */
    public List<String> topLevelReferences() {
        return TopLevelReferences.of(compiled);
    }

    /** The text with string literals and comments blanked out. */
    private static String code(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = skipQuoted(text, i, c);
                out.append(c).append(" ".repeat(Math.max(0, Math.min(end, n) - i - 1)));
                i = end;
                if (end < n) {
                    out.append(c);
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The expression as written between the delimiters. */
    public String text() {
        return text;
    }

    /**
     * Evaluates the expression; empty when it yields nothing (JSONata's undefined).
     *
     * @throws JsonataFailure when the expression fails, or yields a value JSON cannot hold (a function)
     */
    public Optional<JsonNode> evaluate(JsonataBindings b) {
        Jsonata.Frame frame = new Jsonata.Frame(null);
        StepFunctionsLibrary.bindDynamic(frame, b, variableNames);
        for (String name : variableNames) {
            b.variables().get(name).ifPresent(v -> frame.bind(name, JavaValues.toJava(v)));
        }
        frame.bind("states", b.states());
        Object result;
        try {
            result = compiled.evaluate(null, frame);
        } catch (JException e) {
            throw new JsonataFailure(JsonataFailure.Kind.ERROR, e.getMessage());
        } catch (StackOverflowError e) {
            throw new JsonataFailure(JsonataFailure.Kind.ERROR,
                    "Stack overflow error: Check for non-terminating recursive function.");
        } catch (RuntimeException e) {
            throw new JsonataFailure(JsonataFailure.Kind.ERROR, String.valueOf(e.getMessage()));
        }
        try {
            return JavaValues.toJson(result);
        } catch (JavaValues.UnsupportedValueException e) {
            throw new JsonataFailure(JsonataFailure.Kind.UNSUPPORTED_RESULT, "unsupported result type");
        }
    }

    /**
     * The names after {@code $} outside string literals and comments: a superset of the variables the
     * expression reads, so that only those are converted and bound.
     */
    static Set<String> variableNames(String text) {
        Set<String> names = new LinkedHashSet<>();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(text, i, c);
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '$') {
                int start = i + 1;
                int j = start;
                while (j < n && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                    j++;
                }
                if (j > start) {
                    names.add(text.substring(start, j));
                }
                i = j - 1;
            }
        }
        names.remove("states");
        return names;
    }

    private static int skipQuoted(String text, int from, char quote) {
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    @Override
    public String toString() {
        return "{%" + text + "%}";
    }
}
