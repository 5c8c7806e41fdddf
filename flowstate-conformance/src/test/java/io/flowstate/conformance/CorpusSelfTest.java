package io.flowstate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
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
    private static List<CaseOutcome> replayed;

    @BeforeAll
    static void loadCorpus() {
        Optional<Path> dir = CorpusLocation.find();
        assumeTrue(dir.isPresent(), "conformance corpus not found at " + CorpusLocation.describe());
        cases = ConformanceCorpus.load(dir.get());
        replayed = cases.stream()
                .filter(c -> !NOT_DENORMALISABLE.contains(c.id()))
                .map(c -> new CaseRunner(new DenormalisingExecutor(c), Duration.ofSeconds(30)).run(c))
                .toList();
    }

    @Test
    void recordedOutcomes_fedBackDenormalised_compareEqual() {
        List<String> failures = replayed.stream()
                .filter(o -> o.verdict() == CaseOutcome.Verdict.FAILED)
                .map(o -> o.describe(3))
                .toList();

        assertThat(failures).isEmpty();
    }

    @Test
    void recordedOutcomes_fedBackDenormalised_coverEveryInProcessKind() {
        long compared = replayed.stream()
                .filter(o -> o.verdict() != CaseOutcome.Verdict.NOT_APPLICABLE)
                .map(o -> o.testCase().kind())
                .distinct()
                .count();

        assertThat(compared).isEqualTo(4);
    }

    @Test
    void recordedOutcomes_withAWrongStateName_differInHistoryOnly() {
        ConformanceCase testCase = byId("base/base.query_context_object_values");
        CaseExecutor wrong = perturbed(testCase, result -> new ExecutionResult(result.status(), result.output(),
                result.error(), result.cause(), result.events().stream()
                        .map(e -> Json.parse(Json.write(e).replace("\"name\":\"QueryValues2\"", "\"name\":\"Other\"")))
                        .toList()));

        CaseOutcome outcome = new CaseRunner(wrong, Duration.ofSeconds(30)).run(testCase);

        assertThat(outcome.outcomeMatches()).isTrue();
        assertThat(outcome.historyMatches()).contains(false);
        assertThat(outcome.differences()).extracting(Difference::toString)
                .contains("events[3].stateEnteredEventDetails.name: expected \"QueryValues2\" got \"Other\"");
    }

    @Test
    void recordedOutcomes_withAnotherExecutionName_differ() {
        ConformanceCase testCase = byId("base/base.query_context_object_values");
        String realName = CaseNames.of(testCase).execution();
        CaseExecutor wrong = perturbed(testCase, result -> new ExecutionResult(result.status(),
                result.output().map(o -> Json.parse(Json.write(o).replace(realName, "someone-else"))),
                result.error(), result.cause(), result.events()));

        CaseOutcome outcome = new CaseRunner(wrong, Duration.ofSeconds(30)).run(testCase);

        assertThat(outcome.outcomeMatches()).isFalse();
    }

    @Test
    void recordedOutcomes_withAnotherStatus_differInOutcome() {
        ConformanceCase testCase = byId("base/base.state_fail");
        CaseExecutor wrong = perturbed(testCase, result -> new ExecutionResult("SUCCEEDED", result.output(),
                result.error(), Optional.empty(), result.events()));

        CaseOutcome outcome = new CaseRunner(wrong, Duration.ofSeconds(30)).run(testCase);

        assertThat(outcome.differences()).extracting(Difference::path).contains("status", "cause");
    }

    private static ConformanceCase byId(String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static CaseExecutor perturbed(ConformanceCase testCase, UnaryOperator<ExecutionResult> change) {
        DenormalisingExecutor recorded = new DenormalisingExecutor(testCase);
        return new CaseExecutor() {
            @Override
            public ExecutionResult execute(ExecutionRequest request) {
                return change.apply(recorded.execute(request));
            }

            @Override
            public Optional<Rejection> create(String definition, String type) {
                return recorded.create(definition, type);
            }
        };
    }

    @Test
    void load_corpus_hasEveryCaseOfTheManifest() {
        assertThat(cases).hasSize(1276);
        assertThat(cases).extracting(ConformanceCase::id).doesNotHaveDuplicates();
    }
}
