package io.flowstate.engine.interp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.BiConsumer;

/**
 * Finds the original text of every object and array nested in a parsed value. TestState shows a value a path
 * selected from its input (a Map's {@code afterItemsPath}) with the client's spacing, as AWS does, so the state
 * test remembers these texts by node identity.
 */
final class SubTexts {
    private SubTexts() {}

    /**
     * Calls {@code found} with each nested container of {@code tree} (not {@code tree} itself) and its text in
     * {@code text}, which {@code tree} was parsed from. Skips containers whose text does not parse to them
     * (duplicate keys); meant for small inputs (TestState), as each text is parsed again to check it.
     */
    static void each(JsonNode tree, String text, BiConsumer<JsonNode, String> found) {
        Deque<Iterator<JsonNode>> children = new ArrayDeque<>();
        Deque<JsonNode> open = new ArrayDeque<>();
        Deque<Integer> starts = new ArrayDeque<>();
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME) {
                    continue;
                }
                JsonNode node;
                if (children.isEmpty()) {
                    node = tree;
                } else {
                    Iterator<JsonNode> siblings = children.peek();
                    if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        node = null;
                    } else if (siblings.hasNext()) {
                        node = siblings.next();
                    } else {
                        return;
                    }
                }
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (node == null || node.isObject() != (t == JsonToken.START_OBJECT) || node.isArray() != (t == JsonToken.START_ARRAY)) {
                        return;
                    }
                    open.push(node);
                    starts.push((int) p.currentTokenLocation().getCharOffset());
                    children.push(node.iterator());
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    JsonNode closed = open.pop();
                    int start = starts.pop();
                    children.pop();
                    int end = (int) p.currentTokenLocation().getCharOffset() + 1;
                    String sub = text.substring(start, end);
                    // Duplicate keys make the tree hold fewer values than the text: check each pairing.
                    if (closed != tree && Json.parse(sub).equals(closed)) {
                        found.accept(closed, sub);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A text that does not parse as the tree did: no texts to remember, values are written anew.
        }
    }
}
