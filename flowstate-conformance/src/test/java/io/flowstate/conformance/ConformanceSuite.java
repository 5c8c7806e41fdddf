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

/**
 * The conformance suite: one dynamic test per corpus case, grouped by category, run against the engine's
 * {@link CaseExecutor}. A case passes when its outcome and (where recorded) its history match the recording.
 * Cases listed in {@code known-failures.txt} may fail (reported as skipped); see {@link KnownFailures}.
 *
 * <p>System properties: {@code flowstate.conformance.dir} (corpus), {@code flowstate.conformance.executor}
 * (executor class), {@code flowstate.conformance.filter} (regex on case ids),
 * {@code flowstate.conformance.timeoutSeconds} (per case, default 60), {@code flowstate.conformance.record}
 * (rewrite {@code known-failures.txt}).
 */
class ConformanceSuiteTest {
    private static final List<CaseOutcome> OUTCOMES = Collections.synchronizedList(new ArrayList<>());
    private static KnownFailures known = new KnownFailures(Set.of());

    @TestFactory
    Stream<DynamicNode> corpus() {
        Optional<Path> corpusDir = CorpusLocation.find();
        if (corpusDir.isEmpty()) {
            return skipped("conformance corpus not found at " + CorpusLocation.describe() + "; skipping the suite");
        }
        Optional<CaseExecutor> executor = ExecutorLocator.find();
        if (executor.isEmpty()) {
            return skipped("no CaseExecutor available (register one in"
                    + " META-INF/services/io.flowstate.conformance.CaseExecutor or pass -D" + ExecutorLocator.PROPERTY
                    + "=<class>); skipping all conformance cases");
        }
        known = KnownFailures.read(KnownFailures.defaultFile());
        CaseRunner runner = new CaseRunner(executor.get(),
                Duration.ofSeconds(Long.getLong("flowstate.conformance.timeoutSeconds", 60)));
        Pattern filter = Pattern.compile(System.getProperty("flowstate.conformance.filter", ""));
        List<ConformanceCase> all = ConformanceCorpus.load(corpusDir.get());
        Set<String> unknown = new TreeSet<>(known.ids());
        all.forEach(c -> unknown.remove(c.id()));
        Stream<DynamicNode> listCheck = Stream.of(DynamicTest.dynamicTest("known-failures.txt names corpus cases",
                () -> {
                    if (!unknown.isEmpty()) {
                        fail("known-failures.txt lists ids that are not corpus cases, remove them: " + unknown);
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

    private static void check(CaseOutcome outcome) {
        OUTCOMES.add(outcome);
        String id = outcome.testCase().id();
        boolean listed = known.contains(id);
        switch (outcome.verdict()) {
            case NOT_APPLICABLE -> abort("not applicable: " + outcome.note());
            case PASSED -> {
                if (listed && !KnownFailures.recording()) {
                    fail(id + " passes now: remove it from known-failures.txt");
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
    static void report() {
        List<CaseOutcome> outcomes;
        synchronized (OUTCOMES) {
            outcomes = List.copyOf(OUTCOMES);
        }
        if (outcomes.isEmpty()) {
            return;
        }
        ConformanceReport report = new ConformanceReport(outcomes, known);
        report.write(CorpusLocation.moduleDir().resolve("target"));
        System.out.println(report.summary());
        System.out.println("report: " + CorpusLocation.moduleDir().resolve("target/conformance-report.md"));
        if (KnownFailures.recording()) {
            Set<String> failing = new TreeSet<>(known.ids());
            // Cases not run this time (filtered out) keep their entries.
            outcomes.forEach(o -> failing.remove(o.testCase().id()));
            outcomes.stream().filter(o -> o.verdict() == CaseOutcome.Verdict.FAILED)
                    .forEach(o -> failing.add(o.testCase().id()));
            KnownFailures.write(KnownFailures.defaultFile(), failing);
            System.out.println("rewrote " + KnownFailures.defaultFile() + " with " + failing.size() + " failures");
        }
    }
}
