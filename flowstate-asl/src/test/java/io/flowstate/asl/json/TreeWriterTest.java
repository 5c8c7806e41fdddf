package io.flowstate.asl.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.ResultPaths;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreeWriterTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {
        "{}", "[]", "null", "true", "\"\"", "0", "-0.0", "1.0", "59.97", "1.5E-10", "1e300", "-12345678901234",
        "123456789012345678901234567890", "{\"a\":[1,2,{\"b\":null}],\"c\":\"x\"}",
        "\"quote \\\" back \\\\ slash / tab \\t nl \\n cr \\r bell \\u0007 bs \\b ff \\f\"",
        "{\"ключ\":\"é😀\\u2028\\u2029\",\"\\u0000\":\"\\u001f\"}",
        "[[[[[[[[[[1]]]]]]]]]]"})
    void text_parsedValue_isWhatJacksonWrites(String json) throws Exception {
        JsonNode n = Json.parse(json);

        assertThat(TreeWriter.plain().text(n)).isEqualTo(jackson(n));
    }

    @Test
    void text_nodesBuiltInMemory_isWhatJacksonWrites() throws Exception {
        ObjectNode n = F.objectNode();
        n.put("long", Long.MIN_VALUE).put("float", 1.25f).put("double", Double.MAX_VALUE)
                .put("decimal", new BigDecimal("1.10")).put("big", new BigInteger("9".repeat(40)))
                .put("short", (short) 7).put("nan", Double.NaN).put("bytes", new byte[] {1, 2, 3});
        n.putArray("mixed").add(1).add("a").addNull().add(false).add(F.objectNode());

        assertThat(TreeWriter.plain().text(n)).isEqualTo(jackson(n));
    }

    /** Trees that share subtrees (as a ResultPath's output shares its input's) are written as Jackson writes each. */
    @Test
    void text_rawJsonValue_isWhatJacksonWrites() throws Exception {
        ObjectNode n = F.objectNode();
        n.put("taskId", 7).putRawValue("output", new com.fasterxml.jackson.databind.util.RawValue("{\"a\":[1,\"x\"]}"));
        n.putPOJO("other", java.util.List.of(1, 2));

        assertThat(TreeWriter.plain().text(n)).isEqualTo(Json.mapper().writeValueAsString(n))
                .isEqualTo("{\"taskId\":7,\"output\":{\"a\":[1,\"x\"]},\"other\":[1,2]}");
    }

    @Test
    void text_treesSharingSubtrees_eachIsWhatJacksonWrites() throws Exception {
        TreeWriter texts = TreeWriter.caching();
        JsonNode state = Json.parse("{\"order\":{\"id\":\"ord-000123\",\"customer\":\"ACME Corporation\",\"items\":3},"
                + "\"meta\":{\"tags\":[\"alpha\",\"beta\",\"gamma\"]},\"trace\":{}}");
        for (int step = 1; step <= 10; step++) {
            ObjectNode result = F.objectNode().put("step", step);
            result.set("order", state.path("order").path("id"));
            result.set("tags", state.path("meta").path("tags"));
            state = ResultPaths.merge(Path.compile("$.trace.p" + step), state, result);

            assertThat(texts.text(state)).isEqualTo(jackson(state));
        }
    }

    @Test
    void text_randomTreesWithSharedParts_isWhatJacksonWrites() throws Exception {
        Random random = new Random(42);
        TreeWriter texts = TreeWriter.caching();
        JsonNode[] pool = new JsonNode[20];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = random(random, 3, pool);
        }
        for (int i = 0; i < 200; i++) {
            JsonNode n = random(random, 4, pool);

            assertThat(texts.text(n)).isEqualTo(jackson(n));
        }
    }

    @Test
    void write_cachingWriter_appendsWhatItReturns() throws Exception {
        TreeWriter texts = TreeWriter.caching();
        JsonNode shared = Json.parse("{\"order\":{\"id\":\"ord-000123\",\"customer\":\"ACME Corporation\"}}");
        ObjectNode outer = F.objectNode();
        outer.set("a", shared);
        outer.set("b", shared);
        StringBuilder out = new StringBuilder("x");

        texts.write(outer, out);

        assertThat(out.toString()).isEqualTo("x" + jackson(outer));
        assertThat(texts.text(shared)).isEqualTo(jackson(shared));
    }

    private static String jackson(JsonNode n) throws Exception {
        return Json.mapper().writeValueAsString(n);
    }

    private static JsonNode random(Random r, int depth, JsonNode[] pool) {
        int kind = depth == 0 ? r.nextInt(5) : r.nextInt(8);
        return switch (kind) {
            case 0 -> F.textNode(randomString(r));
            case 1 -> F.numberNode(r.nextInt());
            case 2 -> F.numberNode(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
            case 3 -> r.nextBoolean() ? F.booleanNode(r.nextBoolean()) : F.nullNode();
            case 4 -> F.numberNode(r.nextLong());
            case 5 -> {
                ObjectNode o = F.objectNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    o.set(randomString(r), random(r, depth - 1, pool));
                }
                yield o;
            }
            case 6 -> {
                ArrayNode a = F.arrayNode();
                for (int i = r.nextInt(5); i > 0; i--) {
                    a.add(random(r, depth - 1, pool));
                }
                yield a;
            }
            default -> pool[r.nextInt(pool.length)] != null ? pool[r.nextInt(pool.length)] : F.nullNode();
        };
    }

    private static String randomString(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(12); i > 0; i--) {
            int c = switch (r.nextInt(4)) {
                case 0 -> r.nextInt(0x20);
                case 1 -> "\"\\/'".charAt(r.nextInt(4));
                case 2 -> 0x80 + r.nextInt(0x3000);
                default -> 'a' + r.nextInt(26);
            };
            s.append((char) c);
        }
        return s.toString();
    }
}
