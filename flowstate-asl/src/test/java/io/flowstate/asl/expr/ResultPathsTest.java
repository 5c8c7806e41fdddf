package io.flowstate.asl.expr;

import static io.flowstate.asl.expr.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ResultPathsTest {
    @Test
    void merge_dollar_replacesTheInput() {
        JsonNode result = json("{'r':1}");
        assertThat(ResultPaths.merge(Path.compile("$"), json("{'a':1}"), result)).isSameAs(result);
    }

    @Test
    void merge_newField_addsItAndKeepsTheRest() {
        JsonNode input = json("{'message':'m','other':{'deep':[1,2]}}");
        JsonNode merged = ResultPaths.merge(Path.compile("$.query_values_1"), input, json("{'x':1}"));
        assertThat(merged).isEqualTo(json("{'message':'m','other':{'deep':[1,2]},'query_values_1':{'x':1}}"));
        assertThat(merged.get("other")).as("untouched subtrees are shared, not copied").isSameAs(input.get("other"));
    }

    @Test
    void merge_missingIntermediates_createsObjects() {
        assertThat(ResultPaths.merge(Path.compile("$.a.b['c d']"), json("{'z':0}"), json("true")))
                .isEqualTo(json("{'z':0,'a':{'b':{'c d':true}}}"));
    }

    @Test
    void merge_existingField_isReplacedWithoutMutatingTheInput() {
        JsonNode input = json("{'a':{'b':1,'c':2}}");
        String before = input.toString();
        JsonNode merged = ResultPaths.merge(Path.compile("$.a.b"), input, json("'new'"));
        assertThat(merged).isEqualTo(json("{'a':{'b':'new','c':2}}"));
        assertThat(input.toString()).isEqualTo(before);
    }

    @Test
    void merge_arrayIndex_replacesThatItem() {
        JsonNode input = json("{'items':[{'v':1},{'v':2}]}");
        JsonNode merged = ResultPaths.merge(Path.compile("$.items[1].v"), input, json("9"));
        assertThat(merged).isEqualTo(json("{'items':[{'v':1},{'v':9}]}"));
        assertThat(merged.get("items").get(0)).isSameAs(input.get("items").get(0));
        assertThat(input).isEqualTo(json("{'items':[{'v':1},{'v':2}]}"));
    }

    @Test
    void merge_throughAScalar_failsWithResultPathMatchFailure() {
        assertThatThrownBy(() -> ResultPaths.merge(Path.compile("$.a.b"), json("{'a':'text'}"), json("1")))
                .isInstanceOfSatisfying(EvaluationException.class,
                        e -> assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure"));
        assertThatThrownBy(() -> ResultPaths.merge(Path.compile("$.a"), json("[1,2]"), json("1")))
                .isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> ResultPaths.merge(Path.compile("$.a[5]"), json("{'a':[1]}"), json("1")))
                .isInstanceOf(EvaluationException.class);
    }

    @Test
    void merge_nonReferencePath_isRejected() {
        assertThatThrownBy(() -> ResultPaths.merge(Path.compile("$.a[*]"), json("{}"), json("1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResultPaths.merge(Path.compile("$$.a"), json("{}"), json("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
