package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.StringTokenizer;

/** {@code States.StringSplit(string, delimiters)}: the string cut at every character of {@code delimiters},
 * empty pieces dropped (recorded: {@code ",,,,"} gives {@code []}), like {@link StringTokenizer}. */
public final class StatesStringSplit implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesStringSplit INSTANCE = new StatesStringSplit();

    private StatesStringSplit() {}

    @Override
    public String name() {
        return "States.StringSplit";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 2);
        String text = Checks.string(inv, 0, this);
        String delimiters = Checks.string(inv, 1, this);
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        StringTokenizer tokens = new StringTokenizer(text, delimiters);
        while (tokens.hasMoreTokens()) {
            result.add(tokens.nextToken());
        }
        return result;
    }
}
