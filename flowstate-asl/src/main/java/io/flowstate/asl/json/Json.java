package io.flowstate.asl.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one JSON configuration used across Flowstate: payloads are Jackson trees, read with duplicate-key
 * detection off (last wins, as AWS) and written compactly. Trees are treated as immutable once built.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(2000).maxStringLength(64 * 1024 * 1024).build());
    }

    private Json() {}

    /** The shared mapper (thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The node factory for building trees. */
    public static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }

    /** A new empty object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses JSON text; {@link JsonProcessingException} when it is not valid JSON. */
    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    /** Writes a tree as compact JSON, as the mapper would ({@link TreeWriter}, without the mapper's set-up). */
    public static String write(JsonNode node) {
        return TreeWriter.plain().text(node);
    }
}
