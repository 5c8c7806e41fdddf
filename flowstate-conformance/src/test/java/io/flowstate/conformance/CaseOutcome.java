package io.flowstate.conformance;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What running one case gave.
 *
 * @param testCase the case
 * @param verdict passed, failed or not applicable
 * @param comparison the comparison, when the case ran to one (absent when not applicable or when the executor threw)
 * @param note why the case was not applicable, or what went wrong before comparing
 */
public record CaseOutcome(ConformanceCase testCase, Verdict verdict, Optional<Comparison> comparison, String note) {
    /** A case's verdict. */
    public enum Verdict { PASSED, FAILED, NOT_APPLICABLE }

    public CaseOutcome {
        requireNonNull(testCase, "testCase is null");
        requireNonNull(verdict, "verdict is null");
        requireNonNull(comparison, "comparison is null");
        requireNonNull(note, "note is null");
    }

    static CaseOutcome compared(ConformanceCase testCase, Comparison comparison) {
        return new CaseOutcome(testCase, comparison.matches() ? Verdict.PASSED : Verdict.FAILED,
                Optional.of(comparison), "");
    }

    static CaseOutcome notApplicable(ConformanceCase testCase, String why) {
        return new CaseOutcome(testCase, Verdict.NOT_APPLICABLE, Optional.empty(), why);
    }

    static CaseOutcome broken(ConformanceCase testCase, String what) {
        return new CaseOutcome(testCase, Verdict.FAILED, Optional.empty(), what);
    }

    public boolean outcomeMatches() {
        return comparison.map(c -> c.outcome().isEmpty()).orElse(false);
    }

    /** Whether the history matched; empty when no history was recorded or compared. */
    public Optional<Boolean> historyMatches() {
        return comparison.filter(Comparison::historyRecorded).map(c -> c.history().isEmpty());
    }

    public List<Difference> differences() {
        return comparison.map(Comparison::all).orElse(List.of());
    }

    /** A readable account of a failure: the note and the first differences. */
    public String describe(int maxDifferences) {
        StringBuilder text = new StringBuilder(testCase.id()).append(": ").append(verdict);
        if (!note.isEmpty()) {
            text.append(" - ").append(note);
        }
        comparison.ifPresent(c -> text.append(c.outcome().isEmpty() ? " (outcome ok" : " (outcome differs")
                .append(!c.historyRecorded() ? ")" : c.history().isEmpty() ? ", history ok)" : ", history differs)"));
        List<Difference> differences = differences();
        differences.stream().limit(maxDifferences).forEach(d -> text.append("\n  ").append(d));
        if (differences.size() > maxDifferences) {
            text.append("\n  ... ").append(differences.size() - maxDifferences).append(" more differences");
        }
        return text.toString();
    }
}
