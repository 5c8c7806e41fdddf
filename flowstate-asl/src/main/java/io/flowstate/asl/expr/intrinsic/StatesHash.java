package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/** {@code States.Hash(data, algorithm)}: the lower-case hex digest of the data's UTF-8 bytes with MD5, SHA-1,
 * SHA-256, SHA-384 or SHA-512 (exact spelling). AWS also hashes non-string data (by its JSON text); the data
 * may have at most 10,000 characters. */
public final class StatesHash implements IntrinsicFunction {
    private static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");

    /** The only instance. */
    public static final StatesHash INSTANCE = new StatesHash();

    private StatesHash() {}

    @Override
    public String name() {
        return "States.Hash";
    }

    @Override
    public JsonNode apply(Invocation inv) {
        Checks.count(inv, this, 2);
        String algorithm = Checks.string(inv, 1, this);
        if (!ALGORITHMS.contains(algorithm)) {
            throw Checks.invalid(this);
        }
        JsonNode value = inv.value(0);
        String data = value.isTextual() ? value.textValue() : value.toString();
        if (data.length() > Checks.MAX_STRING_LENGTH) {
            throw Checks.invalid(this);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(data.getBytes(StandardCharsets.UTF_8));
            return TextNode.valueOf(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }
}
