package io.flowstate.conformance;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * The conformance suite: one dynamic test per corpus case, grouped by category, run against a
 * {@link CaseExecutor} (the subclass chooses it and its known-failures list). A case passes when its outcome
 * and (where recorded) its history match the recording.
 * Cases listed in the known-failures file may fail (reported as skipped); see {@link KnownFailures}.
 *
 * <p>System properties: {@code flowstate.conformance.dir} (corpus), {@code flowstate.conformance.executor}
 * (executor class), {@code flowstate.conformance.filter} (regex on case ids),
 * {@code flowstate.conformance.timeoutSeconds} (per case, default 60), {@code flowstate.conformance.record}
 * (rewrite {@code known-failures.txt}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceSuite {
    private final List<CaseOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private KnownFailures known = new KnownFailures(Set.of());
    private Optional<CaseExecutor> executor = Optional.empty();

    /** The executor to judge; empty (with a message printed) skips the suite. */
    abstract Optional<CaseExecutor> executor();

    /** The known-failures list of this run, e.g. {@code known-failures.txt}. */
    abstract String knownFailuresFile();

    /** The report's file name prefix under {@code target/}, e.g. {@code conformance-report}. */
    abstract String reportName();

    private Path knownFile() {
        return CorpusLocation.moduleDir().resolve(knownFailuresFile());
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        Optional<Path> corpusDir = CorpusLocation.find();
        if (corpusDir.isEmpty()) {
            return skipped("conformance corpus not found at " + CorpusLocation.describe() + "; skipping the suite");
        }
        executor = executor();
        if (executor.isEmpty()) {
            return skipped("no CaseExecutor available (register one in"
                    + " META-INF/services/io.flowstate.conformance.CaseExecutor or pass -D" + ExecutorLocator.PROPERTY
                    + "=<class>); skipping all conformance cases");
        }
        known = KnownFailures.read(knownFile());
        CaseRunner runner = new CaseRunner(executor.get(),
                Duration.ofSeconds(Long.getLong("flowstate.conformance.timeoutSeconds", 60)));
        Pattern filter = Pattern.compile(System.getProperty("flowstate.conformance.filter", ""));
        List<ConformanceCase> all = ConformanceCorpus.load(corpusDir.get());
        Set<String> unknown = new TreeSet<>(known.ids());
        all.forEach(c -> unknown.remove(c.id()));
        Stream<DynamicNode> listCheck = Stream.of(DynamicTest.dynamicTest(knownFailuresFile() + " names corpus cases",
                () -> {
                    if (!unknown.isEmpty()) {
                        fail(knownFailuresFile() + " lists ids that are not corpus cases, remove them: " + unknown);
                    }
                }));
        Map<String, List<ConformanceCase>> byCategory = all.stream()
                .filter(c -> filter.matcher(c.id()).find())
                .collect(Collectors.groupingBy(ConformanceCase::category, TreeMap::new, Collectors.toList()));
        return Stream.concat(listCheck, byCategory.entrySet().stream().map(category -> DynamicContainer.dynamicContainer(category.getKey(),
                category.getValue().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(runner.run(c)))))));
    }

    /** One visible skipped test carrying the reason, so the skip shows in the build output and reports. */
    private static Stream<DynamicNode> skipped(String reason) {
        System.out.println("conformance: " + reason);
        return Stream.of(DynamicTest.dynamicTest("conformance suite", () -> abort(reason)));
    }

    private void check(CaseOutcome outcome) {
        outcomes.add(outcome);
        String id = outcome.testCase().id();
        boolean listed = known.contains(id);
        switch (outcome.verdict()) {
            case NOT_APPLICABLE -> abort("not applicable: " + outcome.note());
            case PASSED -> {
                if (listed && !KnownFailures.recording()) {
                    fail(id + " passes now: remove it from " + knownFailuresFile());
                }
            }
            case FAILED -> {
                if (listed || KnownFailures.recording()) {
                    abort("known failure: " + outcome.describe(3));
                }
                fail(outcome.describe(10));
            }
        }
    }

    @AfterAll
    void report() throws Exception {
        if (executor.isPresent() && executor.get() instanceof AutoCloseable c) {
            c.close();
        }
        List<CaseOutcome> outcomes;
        synchronized (this.outcomes) {
            outcomes = List.copyOf(this.outcomes);
        }
        if (outcomes.isEmpty()) {
            return;
        }
        ConformanceReport report = new ConformanceReport(outcomes, known);
        report.write(CorpusLocation.moduleDir().resolve("target"), reportName());
        System.out.println(report.summary());
        System.out.println("report: " + CorpusLocation.moduleDir().resolve("target/" + reportName() + ".md"));
        if (KnownFailures.recording()) {
            Set<String> failing = new TreeSet<>(known.ids());
            // Cases not run this time (filtered out) keep their entries.
            outcomes.forEach(o -> failing.remove(o.testCase().id()));
            outcomes.stream().filter(o -> o.verdict() == CaseOutcome.Verdict.FAILED)
                    .forEach(o -> failing.add(o.testCase().id()));
            KnownFailures.write(knownFile(), failing);
            System.out.println("rewrote " + knownFile() + " with " + failing.size() + " failures");
        }
    }
}
