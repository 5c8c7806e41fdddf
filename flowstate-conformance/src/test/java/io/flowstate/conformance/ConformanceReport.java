package io.flowstate.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's summary: per category and overall, passed / failed (of which known) / not applicable, and how
 * many failures still got the outcome right or the history right. Printed, and written to
 * {@code target/conformance-report.md} and {@code target/conformance-report.json} (per case status and first
 * differences).
 */
public record ConformanceReport(List<CaseOutcome> outcomes, KnownFailures known) {
    private static final int DIFFERENCES_PER_CASE = 5;

    public ConformanceReport {
        outcomes = List.copyOf(outcomes);
    }

    /** Counts for one category, or for all. */
    record Tally(int passed, int failed, int knownFailed, int notApplicable, int outcomeOk, int historyCompared,
            int historyOk) {
        Tally add(CaseOutcome outcome, KnownFailures known) {
            boolean failedNow = outcome.verdict() == CaseOutcome.Verdict.FAILED;
            boolean compared = outcome.verdict() != CaseOutcome.Verdict.NOT_APPLICABLE;
            return new Tally(
                    passed + (outcome.verdict() == CaseOutcome.Verdict.PASSED ? 1 : 0),
                    failed + (failedNow ? 1 : 0),
                    knownFailed + (failedNow && known.contains(outcome.testCase().id()) ? 1 : 0),
                    notApplicable + (compared ? 0 : 1),
                    outcomeOk + (outcome.outcomeMatches() ? 1 : 0),
                    historyCompared + (outcome.historyMatches().isPresent() ? 1 : 0),
                    historyOk + (outcome.historyMatches().orElse(false) ? 1 : 0));
        }

        String line(String label) {
            return label + ": " + passed + " passed, " + failed + " failed (" + knownFailed + " known), "
                    + notApplicable + " skipped (not applicable); outcome ok " + outcomeOk + "/" + (passed + failed)
                    + ", history ok " + historyOk + "/" + historyCompared;
        }
    }

    public Map<String, Tally> byCategory() {
        Map<String, Tally> tallies = new TreeMap<>();
        for (CaseOutcome outcome : outcomes) {
            tallies.merge(outcome.testCase().category(), new Tally(0, 0, 0, 0, 0, 0, 0).add(outcome, known),
                    ConformanceReport::sum);
        }
        return tallies;
    }

    public Tally overall() {
        Tally total = new Tally(0, 0, 0, 0, 0, 0, 0);
        for (CaseOutcome outcome : outcomes) {
            total = total.add(outcome, known);
        }
        return total;
    }

    private static Tally sum(Tally a, Tally b) {
        return new Tally(a.passed + b.passed, a.failed + b.failed, a.knownFailed + b.knownFailed,
                a.notApplicable + b.notApplicable, a.outcomeOk + b.outcomeOk, a.historyCompared + b.historyCompared,
                a.historyOk + b.historyOk);
    }

    /** The console summary, one line per category and the overall line last. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        byCategory().forEach((category, tally) -> text.append(tally.line("  " + category)).append('\n'));
        return text.append(overall().line("conformance")).toString();
    }

    public void write(Path targetDir) {
        write(targetDir, "conformance-report");
    }

    /** Writes {@code <name>.md} and {@code <name>.json} under {@code targetDir}. */
    public void write(Path targetDir, String name) {
        try {
            Files.createDirectories(targetDir);
            Files.writeString(targetDir.resolve(name + ".md"), markdown());
            Files.writeString(targetDir.resolve(name + ".json"), Json.pretty(json()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the conformance report to " + targetDir, e);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Conformance report\n\n").append("`").append(overall().line("conformance"))
                .append("`\n\n| category | passed | failed | known | skipped | outcome ok | history ok |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        byCategory().forEach((category, t) -> md.append("| ").append(category).append(" | ").append(t.passed)
                .append(" | ").append(t.failed).append(" | ").append(t.knownFailed).append(" | ")
                .append(t.notApplicable).append(" | ").append(t.outcomeOk).append(" | ").append(t.historyOk)
                .append('/').append(t.historyCompared).append(" |\n"));
        md.append("\n## Failures\n\n");
        for (CaseOutcome outcome : outcomes) {
            if (outcome.verdict() == CaseOutcome.Verdict.FAILED) {
                md.append("```\n").append(outcome.describe(DIFFERENCES_PER_CASE))
                        .append(known.contains(outcome.testCase().id()) ? "\n(known failure)" : "")
                        .append("\n```\n\n");
            }
        }
        return md.toString();
    }

    ObjectNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("summary", overall().line("conformance"));
        ArrayNode cases = root.putArray("cases");
        for (CaseOutcome outcome : outcomes) {
            ObjectNode entry = cases.addObject();
            entry.put("id", outcome.testCase().id());
            entry.put("category", outcome.testCase().category());
            entry.put("kind", outcome.testCase().kind().corpusName());
            entry.put("verdict", outcome.verdict().name());
            entry.put("knownFailure", known.contains(outcome.testCase().id()));
            if (outcome.verdict() != CaseOutcome.Verdict.NOT_APPLICABLE) {
                entry.put("outcomeOk", outcome.outcomeMatches());
                outcome.historyMatches().ifPresent(ok -> entry.put("historyOk", ok));
            }
            if (!outcome.note().isEmpty()) {
                entry.put("note", outcome.note());
            }
            ArrayNode differences = entry.putArray("differences");
            outcome.differences().stream().limit(DIFFERENCES_PER_CASE).forEach(d -> differences.add(d.toString()));
        }
        return root;
    }
}
