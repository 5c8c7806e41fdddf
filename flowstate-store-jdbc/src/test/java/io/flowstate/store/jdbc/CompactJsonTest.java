package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.flowstate.asl.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored text of a payload must be Jackson's to the byte: histories compare payload texts. */
class CompactJsonTest {
    @Test
    void write_parsedDocuments_isJacksonsText() throws Exception {
        List<String> documents = List.of(
                "{}", "[]", "null", "true", "\"\"", "0", "-1", "2147483648", "9223372036854775807", "-9223372036854775808",
                "18446744073709551616", "1.0", "-0.0", "0.1", "1e300", "1.5E-7", "123456789.123456789",
                "{\"a\":{\"b\":[1,2,{\"c\":null}],\"d\":[]},\"e\":{}}",
                "\"quote \\\" backslash \\\\ slash / tab \\t newline \\n cr \\r bell \\u0007 del \\u007f\"",
                "\"non-ASCII é ü 中文 \\u2028 \\u2029 emoji \\ud83d\\ude00\"",
                "{\"key with \\\"quotes\\\" and \\n\":1, \"é\":\"x\", \"\":0}",
                "[true,false,null,1,-2.5,\"s\",[[[]]],{\"x\":[{}]}]");
        for (String d : documents) {
            JsonNode node = Json.parse(d);

            assertThat(CompactJson.write(node)).as(d).isEqualTo(Json.write(node));
        }
    }

    @Test
    void write_builtTrees_isJacksonsText() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode n = f.objectNode();
        n.put("long", 5L);
        n.put("int", 7);
        n.put("short", (short) 3);
        n.put("float", 1.25f);
        n.put("double", Double.NaN);
        n.put("inf", Double.POSITIVE_INFINITY);
        n.put("decimal", new BigDecimal("1.50"));
        n.put("bigint", new BigInteger("123456789012345678901234567890"));
        n.put("binary", new byte[] {1, 2, 3});
        n.putPOJO("raw", new RawValue("{\"kept\":  \"as is\"}"));
        n.putArray("mixed").add(1L).add(2.0).addNull().add("x");

        assertThat(CompactJson.write(n)).isEqualTo(Json.write(n));
    }
}
