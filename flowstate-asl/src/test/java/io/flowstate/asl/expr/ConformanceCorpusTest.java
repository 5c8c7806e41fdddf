package io.flowstate.asl.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every recorded execution of the conformance corpus whose definition is a chain of JSONPath Pass states
 * ending in Pass, Succeed or Fail
 * (intrinsic_functions, base, scenarios, context_object, assign, ...) through {@link PassChainRunner} and
 * compares status, output, error and cause with what AWS returned.
 *
 * <p>The corpus is data outside this repository: {@code ../shared/conformance} next to the repository root
 * (or the directory in the system property {@code flowstate.conformance.dir}). Without it the test is skipped.
 */
class ConformanceCorpusTest {
    private static final Set<String> RECORDED_WILDCARDS = Set.of("date", "timestamp", "datetime");
    private static final Map<String, AtomicInteger[]> TALLY = new ConcurrentHashMap<>();
    /** Cases that fail for reasons outside expressions, with the reason; they are not run here. */
    private static final Map<String, String> OUT_OF_SCOPE = Map.of(
            "error_handling/states_errors.start_large_input",
            "States.DataLimitExceeded: the 256 KiB payload limit is the interpreter's check, not an expression's");

    @TestFactory
    Stream<DynamicTest> passChains_recordedExecutions_matchAwsOutcomes() throws IOException {
        Path corpus = corpusDirectory().orElse(null);
        Assumptions.assumeTrue(corpus != null, "conformance corpus not found: looked for ../shared/conformance next to the"
                + " repository root and the system property flowstate.conformance.dir; skipping the corpus test");
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> categories = Files.list(corpus.resolve("cases"))) {
            for (Path category : categories.sorted().toList()) {
                try (Stream<Path> cases = Files.list(category)) {
                    for (Path dir : cases.sorted().toList()) {
                        if (OUT_OF_SCOPE.containsKey(category.getFileName() + "/" + dir.getFileName())) {
                            continue;
                        }
                        eligible(dir).ifPresent(c -> tests.add(DynamicTest.dynamicTest(
                                category.getFileName() + "/" + dir.getFileName(), () -> check(category.getFileName().toString(), c))));
                    }
                }
            }
        }
        return tests.stream();
    }

    @AfterAll
    static void printTally() {
        int passed = 0;
        int total = 0;
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, AtomicInteger[]> e : new TreeMap<>(TALLY).entrySet()) {
            passed += e.getValue()[0].get();
            total += e.getValue()[1].get();
            lines.append(String.format("  %-20s %d/%d%n", e.getKey(), e.getValue()[0].get(), e.getValue()[1].get()));
        }
        if (total > 0) {
            System.out.printf("Conformance corpus, JSONPath Pass chains: %d/%d cases pass%n%s", passed, total, lines);
        }
    }

    private record Case(JsonNode definition, JsonNode input, JsonNode expected) {}

    private static Optional<Case> eligible(Path dir) {
        Path definition = dir.resolve("definition.json");
        Path input = dir.resolve("input.json");
        Path expected = dir.resolve("expected.json");
        if (!Files.exists(definition) || !Files.exists(input) || !Files.exists(expected)) {
            return Optional.empty();
        }
        JsonNode exp = read(expected);
        if (!"execution".equals(exp.path("kind").asText()) || Files.exists(dir.resolve("needs.json"))) {
            return Optional.empty();
        }
        JsonNode def;
        try {
            def = TestJson.MAPPER.readTree(Files.readString(definition));
        } catch (IOException notJson) {
            return Optional.empty();
        }
        return PassChainRunner.supports(def) ? Optional.of(new Case(def, read(input), exp)) : Optional.empty();
    }

    private static void check(String category, Case c) {
        AtomicInteger[] tally = TALLY.computeIfAbsent(category, k -> new AtomicInteger[] {new AtomicInteger(), new AtomicInteger()});
        tally[1].incrementAndGet();
        PassChainRunner.Outcome actual = PassChainRunner.run(c.definition(), c.input());
        RecordedMatcher matcher = new RecordedMatcher(wildcards(c.expected()));
        JsonNode exp = c.expected();
        assertThat(actual.status()).as("status (cause: %s)", actual.cause()).isEqualTo(exp.path("status").asText());
        if ("SUCCEEDED".equals(actual.status())) {
            assertThat(matcher.matches(exp.get("output"), actual.output()))
                    .as("output%n expected: %s%n actual:   %s", exp.get("output"), actual.output()).isTrue();
        } else {
            assertThat(actual.error()).isEqualTo(exp.path("error").textValue());
            String cause = exp.path("cause").textValue();
            assertThat(cause == null ? actual.cause() == null
                    : actual.cause() != null && matcher.text(cause, TestJson.MAPPER.getNodeFactory().textNode(actual.cause())))
                    .as("cause%n expected: %s%n actual:   %s", cause, actual.cause()).isTrue();
        }
        tally[0].incrementAndGet();
    }

    /** Values the recording replaced by fixed words (random numbers, times): they match anything. */
    private static Set<String> wildcards(JsonNode expected) {
        Set<String> words = new HashSet<>(RECORDED_WILDCARDS);
        for (JsonNode t : expected.path("test_snapshot_transformers")) {
            if (t.path("replacement").isTextual()) {
                words.add(t.get("replacement").asText());
            }
        }
        return words;
    }

    private static JsonNode read(Path file) {
        try {
            return TestJson.MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ../shared/conformance} from the repository root, found from the module or the root directory. */
    static Optional<Path> corpusDirectory() {
        Path cwd = Path.of("").toAbsolutePath();
        List<Path> candidates = new ArrayList<>();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("pom.xml")) && !Files.exists(dir.getParent() == null ? dir : dir.getParent().resolve("pom.xml"))) {
                candidates.add(dir.resolve("../shared/conformance"));
            }
        }
        candidates.add(cwd.resolve("../../shared/conformance"));
        candidates.add(cwd.resolve("../shared/conformance"));
        String property = System.getProperty("flowstate.conformance.dir");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        return candidates.stream().map(Path::normalize).filter(p -> Files.isDirectory(p.resolve("cases"))).findFirst();
    }
}
