package io.flowstate.asl.jsonata;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.jsonata.JsonataEval.eval;
import static io.flowstate.asl.jsonata.JsonataEval.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The functions AWS adds to JSONata, as the conformance corpus and AWS's documentation show them. */
class StepFunctionsLibraryTest {
    @Test
    void partition_chunksTheArray_lastChunkShorter() {
        assertThat(value("$partition([1,2,3,4,5], 2)", "{}").toString()).isEqualTo(json("[[1,2],[3,4],[5]]").toString());
        assertThat(value("$partition([0], 1)", "{}").toString()).isEqualTo(json("[[0]]").toString());
    }

    @Test
    void partition_fractionalSize_isTruncated() {
        assertThat(value("$partition([1,2,3], 2.9)", "{}").toString()).isEqualTo(json("[[1,2],[3]]").toString());
    }

    @Test
    void partition_zeroSizeOrEmptyArray_isUndefined() {
        assertThat(eval("$partition([1], 0)", "{}")).isEmpty();
        assertThat(eval("$partition([], 1)", "{}")).isEmpty();
    }

    @Test
    void range_isInclusive_andCollapsesASingleElement() {
        assertThat(value("$range(0, 10, 3)", "{}").toString()).isEqualTo(json("[0,3,6,9]").toString());
        assertThat(value("$range(1, 9, 9)", "{}").toString()).isEqualTo(json("1").toString());
    }

    @Test
    void range_stepAwayFromEnd_isUndefined() {
        assertThat(eval("$range(0, 10, -1)", "{}")).isEmpty();
    }

    @Test
    void range_overTenMillionValues_failsInsteadOfExhaustingTheHeap() {
        assertThatThrownBy(() -> eval("$range(0, 1000000000000, 1)", "{}"))
                .isInstanceOf(JsonataFailure.class)
                .hasMessageContaining("must not exceed 10000000. Attempted to allocate 1000000000001.");
        assertThatThrownBy(() -> eval("$range(1, 10000001, 1)", "{}"))
                .hasMessageContaining("Attempted to allocate 10000001.");
    }

    @Test
    void hash_isTheLowerCaseHexDigest() {
        assertThat(value("$hash('abc', 'SHA-256')", "{}").textValue())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(eval("$hash('abc')", "{}")).isEmpty();
    }

    @Test
    void parse_readsJsonText() {
        assertThat(value("$parse('{\"a\": [1, 2.5]}')", "{}").toString()).isEqualTo(json("{'a':[1,2.5]}").toString());
        assertThat(value("$parse('-0')", "{}").toString()).isEqualTo("0");
    }

    @Test
    void random_withSeed_isReproducible() {
        assertThat(value("$random(42)", "{}")).isEqualTo(value("$random(42)", "{}"));
    }
}
