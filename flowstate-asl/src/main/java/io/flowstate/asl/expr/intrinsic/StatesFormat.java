package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * {@code States.Format(template, v...)}: the template with each {@code {}} replaced by the next argument.
 * There must be exactly as many arguments as placeholders; a lone {@code {} or {@code }} is an error unless
 * escaped ({@code \{}, {@code \}}) in a string literal.
 *
 * <p>Values render as AWS's Java implementation prints them: strings without quotes, {@code null} as
 * {@code null}, objects as {@code {a=1, b=[x, y]}} and arrays as {@code [1, 2]} (recorded: formatting
 * {@code $$.StateMachine} gives {@code {Id=arn:..., Name=...}}).
 */
public final class StatesFormat implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesFormat INSTANCE = new StatesFormat();

    private StatesFormat() {}

    @Override
    public String name() {
        return "States.Format";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        if (inv.size() < 1) {
            throw Checks.invalid(this);
        }
        // A literal template keeps its escapes so that "\{" stays a brace and is not read as a placeholder.
        String template = inv.arguments().get(0) instanceof Argument.StringLiteral literal
                ? literal.raw() : Checks.string(inv, 0, this);
        StringBuilder out = new StringBuilder(template.length() + 16);
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{') {
                if (i + 1 >= template.length() || template.charAt(i + 1) != '}' || next >= inv.size()) {
                    throw Checks.invalid(this);
                }
                render(inv.value(next++), out);
                i++;
            } else if (c == '}') {
                throw Checks.invalid(this);
            } else {
                out.append(c);
            }
        }
        if (next != inv.size()) {
            throw Checks.invalid(this);
        }
        return TextNode.valueOf(out.toString());
    }

    /** Java's {@code toString} of the value as a Map/List/String/Number tree. */
    static void render(JsonNode value, StringBuilder out) {
        if (value.isTextual()) {
            out.append(value.textValue());
        } else if (value.isObject()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                out.append(first ? "" : ", ").append(e.getKey()).append('=');
                render(e.getValue(), out);
                first = false;
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                render(value.get(i), out);
            }
            out.append(']');
        } else {
            out.append(value.asText());
        }
    }
}
