package io.flowstate.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of comparing one case: outcome differences ({@code status}, {@code output}, {@code error},
 * {@code cause}, or a rejection's code and message) and history differences, kept apart so a report can say
 * "outcome ok, history differs".
 *
 * @param outcome differences in the outcome; empty when it matches
 * @param history differences in the events; empty when they match or when none were recorded
 * @param historyRecorded whether the case recorded events to compare
 */
public record Comparison(List<Difference> outcome, List<Difference> history, boolean historyRecorded) {
    public Comparison {
        outcome = List.copyOf(outcome);
        history = List.copyOf(history);
    }

    public boolean matches() {
        return outcome.isEmpty() && history.isEmpty();
    }

    public List<Difference> all() {
        List<Difference> all = new ArrayList<>(outcome);
        all.addAll(history);
        return all;
    }
}
