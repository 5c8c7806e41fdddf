package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** {@code States.Base64Decode(string)}: a Base64 string of at most 10,000 characters, decoded as UTF-8 text. */
public final class StatesBase64Decode implements IntrinsicFunction {
    /** The only instance. */
    public static final StatesBase64Decode INSTANCE = new StatesBase64Decode();

    private StatesBase64Decode() {}

    @Override
    public String name() {
        return "States.Base64Decode";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 1);
        String data = Checks.string(inv, 0, this);
        if (data.length() > Checks.MAX_STRING_LENGTH) {
            throw Checks.invalid(this);
        }
        try {
            return TextNode.valueOf(new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            throw Checks.invalid(this);
        }
    }
}
