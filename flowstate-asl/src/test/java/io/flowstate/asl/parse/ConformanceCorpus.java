package io.flowstate.asl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * Read access to the shared conformance corpus (recorded AWS behaviour), found at run time: never copied into
 * the project. Tests that use it are skipped when it is absent.
 */
final class ConformanceCorpus {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final String LAMBDA_ARN = "arn:aws:lambda:us-east-1:123456789012:function:f";
    private static final Pattern LAMBDA_TOKEN = Pattern.compile("__LAMBDA_(\\d+)_(ARN|NAME)__");

    /** One case of the manifest with what the parser tests need. */
    record Case(String id, String category, String kind, String operation, String machineType, Path dir,
            JsonNode expected) {
        /** The definition as sent, with Lambda tokens replaced by a plausible function ARN/name. */
        String definition() {
            Path json = dir.resolve("definition.json");
            Path txt = dir.resolve("definition.txt");
            return withLambdas(read(Files.exists(json) ? json : txt));
        }

        Optional<String> message() {
            JsonNode m = expected.get("message");
            return m == null || m.isNull() ? Optional.empty() : Optional.of(m.asText());
        }

        String error() {
            return expected.path("error").asText();
        }

        MachineType type() {
            return "EXPRESS".equals(machineType) ? MachineType.EXPRESS : MachineType.STANDARD;
        }
    }

    private ConformanceCorpus() {}

    /** The corpus directory; the calling test is skipped when it is missing. */
    static Path dir() {
        Path p = Path.of(System.getProperty("flowstate.conformance.dir", "../../shared/conformance"));
        if (!Files.isRegularFile(p.resolve("manifest.json"))) {
            p = Path.of("../../shared/conformance");
        }
        Assumptions.assumeTrue(Files.isRegularFile(p.resolve("manifest.json")), "conformance corpus not found at " + p);
        return p;
    }

    static List<Case> cases() {
        Path root = dir();
        try {
            JsonNode manifest = JSON.readTree(root.resolve("manifest.json").toFile());
            List<Case> out = new ArrayList<>();
            for (JsonNode c : manifest.get("cases")) {
                Path caseDir = root.resolve(c.get("path").asText());
                out.add(new Case(c.get("id").asText(), c.get("category").asText(), c.get("kind").asText(),
                        c.get("operation").asText(), c.path("state_machine_type").asText("STANDARD"), caseDir,
                        JSON.readTree(caseDir.resolve("expected.json").toFile())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withLambdas(String s) {
        Matcher m = LAMBDA_TOKEN.matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String n = m.group(1);
            m.appendReplacement(sb, m.group(2).equals("ARN") ? LAMBDA_ARN + n : "f" + n);
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** AWS's recorded text went through the corpus normalisation: partition, account and region placeholders. */
    static String normalise(String s) {
        return s.replace("arn:aws:", "arn:<partition>:").replace("123456789012", "111111111111")
                .replace("us-east-1", "<region>");
    }
}
