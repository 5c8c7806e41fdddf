package io.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import org.junit.jupiter.api.Test;

class JsonEqualityTest {
    @Test
    void equal_keysInAnotherOrder_isTrue() throws Exception {
        assertThat(JsonEquality.equal(Json.parse("{\"a\":1,\"b\":[1,2]}"), Json.parse("{\"b\":[1,2],\"a\":1}"))).isTrue();
    }

    @Test
    void equal_sameNumberOfAnotherJavaType_isTrue() throws Exception {
        assertThat(JsonEquality.equal(Json.nodes().numberNode(10L), Json.parse("10"))).isTrue();
        assertThat(JsonEquality.equal(Json.nodes().numberNode(new java.math.BigDecimal("1.50")), Json.parse("1.5")))
                .isTrue();
    }

    @Test
    void equal_arrayInAnotherOrderOrOtherValue_isFalse() throws Exception {
        assertThat(JsonEquality.equal(Json.parse("[1,2]"), Json.parse("[2,1]"))).isFalse();
        assertThat(JsonEquality.equal(Json.parse("{\"a\":\"1\"}"), Json.parse("{\"a\":1}"))).isFalse();
    }
}
