package io.flowstate.asl.parse;

/** Small definitions for tests, written as JSON text. */
final class Defs {
    private Defs() {}

    /** A machine whose only state {@code S} is {@code stateJson}. */
    static String machine(String stateJson) {
        return "{\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";
    }

    /** A JSONata machine whose only state {@code S} is {@code stateJson}. */
    static String jsonata(String stateJson) {
        return "{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"S\",\"States\":{\"S\":" + stateJson + "}}";
    }

    /** Single quotes become double quotes, to keep JSON in Java strings readable. */
    static String q(String json) {
        return json.replace('\'', '"');
    }
}
