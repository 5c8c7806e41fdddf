package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code States.Base64Encode(string)}: the UTF-8 bytes of a string of at most 10,000 characters, in Base64. */
public final class StatesBase64Encode implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesBase64Encode INSTANCE = new StatesBase64Encode();

    private StatesBase64Encode() {}

    @Override
    public String name() {
        return "States.Base64Encode";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 1);
        String data = Checks.string(inv, 0, this);
        if (data.length() > Checks.MAX_STRING_LENGTH) {
            throw Checks.invalid(this);
        }
        return TextNode.valueOf(Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
    }
}
