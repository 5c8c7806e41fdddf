package io.flowstate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loads the cases listed in a corpus directory's {@code manifest.json}. */
public final class ConformanceCorpus {
    private ConformanceCorpus() {}

    public static List<ConformanceCase> load(Path corpusDir) {
        JsonNode manifest = Json.read(corpusDir.resolve("manifest.json"));
        List<ConformanceCase> cases = new ArrayList<>();
        for (JsonNode entry : manifest.path("cases")) {
            cases.add(loadCase(corpusDir, entry));
        }
        return List.copyOf(cases);
    }

    private static ConformanceCase loadCase(Path corpusDir, JsonNode entry) {
        Path dir = corpusDir.resolve(entry.path("path").asText());
        Path needsFile = dir.resolve("needs.json");
        List<LambdaNeed> needs = new ArrayList<>();
        if (Files.exists(needsFile)) {
            Json.read(needsFile).path("lambdas").forEach(lambda -> needs.add(LambdaNeed.fromJson(lambda)));
        }
        return new ConformanceCase(
                entry.path("id").asText(),
                entry.path("category").asText(),
                CaseKind.of(entry.path("kind").asText()),
                text(entry, "operation"),
                entry.path("status").asText(),
                entry.path("state_machine_type").asText("STANDARD"),
                read(dir, text(entry, "definition_file").orElse("definition.json")),
                text(entry, "input_file").map(file -> read(dir, file)),
                Json.read(dir.resolve("expected.json")),
                needs,
                text(entry, "request_file").map(file -> Json.read(dir.resolve(file))));
    }

    private static Optional<String> text(JsonNode entry, String field) {
        JsonNode value = entry.path(field);
        return value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(file), e);
        }
    }
}
