package io.flowstate.conformance;

/** The corpus's case kinds ({@code expected.json} and manifest {@code kind}); see the corpus README. */
public enum CaseKind {
    EXECUTION("execution"),
    EXECUTION_OUTPUT("execution_output"),
    EXPRESS_SYNC("express_sync"),
    REJECTED("rejected"),
    VALIDATE("validate"),
    TEST_STATE("test_state");

    private final String corpusName;

    CaseKind(String corpusName) {
        this.corpusName = corpusName;
    }

    public String corpusName() {
        return corpusName;
    }

    public static CaseKind of(String corpusName) {
        for (CaseKind kind : values()) {
            if (kind.corpusName.equals(corpusName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown case kind '" + corpusName + "'");
    }
}
