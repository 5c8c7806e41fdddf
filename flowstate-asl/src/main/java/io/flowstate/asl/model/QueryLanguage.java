package io.flowstate.asl.model;

/** The query language of a state machine or a state ({@code QueryLanguage} field). */
public enum QueryLanguage {
    JSONPATH("JSONPath"),
    JSONATA("JSONata");

    private final String aslName;

    QueryLanguage(String aslName) {
        this.aslName = aslName;
    }

    /** The spelling used in ASL. */
    public String aslName() {
        return aslName;
    }
}
