package io.flowstate.engine.interp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubTextsTest {
    private static Map<JsonNode, String> texts(JsonNode tree, String text) {
        Map<JsonNode, String> found = new IdentityHashMap<>();
        SubTexts.each(tree, text, found::put);
        return found;
    }

    @Test
    void each_nestedContainers_reportsEachWithOriginalSpacing() throws Exception {
        String text = "{\"Values\": [\"first\", \"second\"], \"m\": {\"k\": [ 1 ,2 ]}, \"s\": \"x\"}";
        JsonNode tree = Json.parse(text);

        Map<JsonNode, String> found = texts(tree, text);

        assertThat(found).hasSize(3)
                .containsEntry(tree.get("Values"), "[\"first\", \"second\"]")
                .containsEntry(tree.get("m"), "{\"k\": [ 1 ,2 ]}")
                .containsEntry(tree.get("m").get("k"), "[ 1 ,2 ]")
                .doesNotContainKey(tree);
    }

    @Test
    void each_duplicateKeys_skipsTextsThatAreNotTheValue() throws Exception {
        String text = "{\"a\": [1], \"a\": [2], \"b\": [3]}";
        JsonNode tree = Json.parse(text);

        Map<JsonNode, String> found = texts(tree, text);

        assertThat(found.values()).doesNotContain("[1]");
        assertThat(found.get(tree.get("a"))).isNotEqualTo("[1]");
    }

    @Test
    void each_textOfAnotherValue_reportsNothingWrong() throws Exception {
        JsonNode tree = Json.parse("{\"a\": [1]}");

        Map<JsonNode, String> found = texts(tree, "[[5]]");

        assertThat(found).isEmpty();
    }
}
