package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Feeds every runnable corpus case's own recording, turned back into AWS's raw form by
 * {@link DenormalisingExecutor}, through the real runner and comparator: all of them must match, which shows
 * the comparator accepts what AWS recorded (and would reject an engine only for real differences).
 */
class CorpusSelfTest {
    /**
     * Nested Parallels: upstream's sort dropped inner end events in a way the denormaliser does not rebuild
     * (the comparator side is covered by {@link ParallelEventsTest}).
     */
    private static final Set<String> NOT_DENORMALISABLE = Set.of("scenarios/base_scenarios.parallel_state_nested");

    private static List<ConformanceCase> cases;

    @BeforeAll
    static void loadCorpus() {
        Optional<Path> dir = CorpusLocation.find();
        assumeTrue(dir.isPresent(), "conformance corpus not found at " + CorpusLocation.describe());
        cases = ConformanceCorpus.load(dir.get());
    }

    @Test
    void recordedOutcomes_fedBackDenormalised_compareEqual() {
        List<String> failures = cases.stream()
                .filter(c -> !NOT_DENORMALISABLE.contains(c.id()))
                .map(c -> new CaseRunner(new DenormalisingExecutor(c), Duration.ofSeconds(30)).run(c))
                .filter(o -> o.verdict() == CaseOutcome.Verdict.FAILED)
                .map(o -> o.describe(3))
                .toList();

        assertThat(failures).isEmpty();
    }

    @Test
    void recordedOutcomes_fedBackDenormalised_coverEveryInProcessKind() {
        long compared = cases.stream()
                .map(c -> new CaseRunner(new DenormalisingExecutor(c), Duration.ofSeconds(30)).run(c))
                .filter(o -> o.verdict() != CaseOutcome.Verdict.NOT_APPLICABLE)
                .map(o -> o.testCase().kind())
                .distinct()
                .count();

        assertThat(compared).isEqualTo(4);
    }

    @Test
    void load_corpus_hasEveryCaseOfTheManifest() {
        assertThat(cases).hasSize(1276);
        assertThat(cases).extracting(ConformanceCase::id).doesNotHaveDuplicates();
    }
}
