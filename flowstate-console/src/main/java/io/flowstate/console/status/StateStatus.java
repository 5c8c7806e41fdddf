package io.flowstate.console.status;

/**
 * A state's status on an execution's graph, as the {@code data-status} attribute names it. Each has a symbol and
 * a word too, so that the status is not shown by colour alone.
 */
public enum StateStatus {
    NOT_STARTED("\u25CB", "not started"),
    IN_PROGRESS("\u25D4", "in progress"),
    SUCCEEDED("\u2713", "succeeded"),
    FAILED("\u2717", "failed"),
    CAUGHT_ERROR("!", "caught error"),
    CANCELLED("\u2298", "cancelled");

    private final String symbol;
    private final String words;

    StateStatus(String symbol, String words) {
        this.symbol = symbol;
        this.words = words;
    }

    /** A one-character mark drawn in the state's box. */
    public String symbol() {
        return symbol;
    }

    /** The status in words, for titles and the legend. */
    public String words() {
        return words;
    }
}
