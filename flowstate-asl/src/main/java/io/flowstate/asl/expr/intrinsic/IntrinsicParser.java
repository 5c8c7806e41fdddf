package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.flowstate.asl.expr.ExpressionSyntaxException;
import io.flowstate.asl.expr.IntrinsicCall;
import io.flowstate.asl.expr.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses an intrinsic function call, once, at definition time:
 * <pre>
 * call     = "States." name "(" [ argument *( "," argument ) ] ")"
 * argument = string | number | "true" | "false" | "null" | path | call     (spaces allowed around)
 * string   = "'" *( char | "\'" | "\{" | "\}" | "\\" ) "'"
 * path     = "$" ...   (up to the next "," or ")" outside brackets and quotes)
 * </pre>
 * Any other backslash sequence in a string is an error, as AWS documents. The function's arity and argument
 * types are checked when it runs, as AWS does.
 */
public final class IntrinsicParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String text;
    private int pos;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** Parses {@code text}, which must be exactly one call. */
    public static IntrinsicCall parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        IntrinsicCall call = parser.call();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the closing parenthesis");
        }
        return call;
    }

    private IntrinsicCall call() {
        int start = pos;
        if (!text.startsWith("States.", pos)) {
            throw error("expected a function name starting with 'States.'");
        }
        int nameEnd = pos + "States.".length();
        while (nameEnd < text.length() && Character.isLetterOrDigit(text.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = text.substring(pos, nameEnd);
        IntrinsicFunction function = IntrinsicFunctions.byName(name)
                .orElseThrow(() -> new ExpressionSyntaxException("Unknown intrinsic function '" + name + "' in '" + text + "'"));
        pos = nameEnd;
        expect('(');
        List<Argument> args = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            pos++;
        } else {
            while (true) {
                args.add(argument());
                skipSpaces();
                char c = peek();
                pos++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    pos--;
                    throw error("expected ',' or ')'");
                }
            }
        }
        return new IntrinsicCall(text.substring(start, pos), function, args);
    }

    private Argument argument() {
        skipSpaces();
        char c = peek();
        if (c == '\'') {
            return string();
        }
        if (c == '$') {
            return new Argument.PathArgument(path());
        }
        if (text.startsWith("States.", pos)) {
            return new Argument.Call(call());
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (text.startsWith(word, pos) && !isWordChar(pos + word.length())) {
                pos += word.length();
                return new Argument.Literal(switch (word) {
                    case "true" -> BooleanNode.TRUE;
                    case "false" -> BooleanNode.FALSE;
                    default -> NullNode.getInstance();
                });
            }
        }
        throw error("expected an argument (a string in single quotes, a number, true, false, null, a path or a call)");
    }

    private Argument string() {
        pos++; // opening quote
        int rawStart = pos;
        StringBuilder value = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\'') {
                String raw = text.substring(rawStart, pos);
                pos++;
                return new Argument.StringLiteral(value.toString(), raw);
            }
            if (c == '\\') {
                char next = pos + 1 < text.length() ? text.charAt(pos + 1) : 0;
                if (next != '\'' && next != '{' && next != '}' && next != '\\') {
                    throw error("open escape '\\' in a string literal (only \\' \\{ \\} \\\\ are allowed)");
                }
                value.append(next);
                pos += 2;
            } else {
                value.append(c);
                pos++;
            }
        }
        throw error("unterminated string literal");
    }

    private Argument number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || "+-.eE".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        String token = text.substring(start, pos);
        try {
            JsonNode node = MAPPER.readTree(token);
            if (node == null || !node.isNumber()) {
                throw error("invalid number '" + token + "'");
            }
            return new Argument.Literal(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            pos = start;
            throw error("invalid number '" + token + "'");
        }
    }

    /** A path argument ends at a ',' or ')' that is outside brackets and quotes. */
    private Path path() {
        int start = pos;
        int depth = 0;
        char quote = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (quote != 0) {
                if (c == '\\') {
                    pos++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (depth > 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || (c == ')' && depth > 0)) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ')')) {
                break;
            }
            pos++;
        }
        String pathText = text.substring(start, pos).strip();
        try {
            return Path.compile(pathText);
        } catch (ExpressionSyntaxException e) {
            throw new ExpressionSyntaxException("Invalid path argument in intrinsic function call '" + text + "': "
                    + e.getMessage());
        }
    }

    private boolean isWordChar(int i) {
        return i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_');
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private ExpressionSyntaxException error(String what) {
        return new ExpressionSyntaxException("Invalid intrinsic function call '" + text + "' at position " + pos + ": " + what);
    }
}
