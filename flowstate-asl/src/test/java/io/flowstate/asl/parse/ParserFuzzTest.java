package io.flowstate.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutates real definitions at random (fixed seed, so failures reproduce) and checks that the parser always
 * answers with a model or diagnostics and never throws: deleted and misspelt fields, values of the wrong type,
 * truncated text, stray characters, very deep nesting and very long strings.
 */
class ParserFuzzTest {
    private static final long SEED = 20_240_601L;
    private static final int MUTANTS = 4_000;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void parse_randomlyMutatedDefinitions_neverThrows() throws Exception {
        List<String> seeds = seeds();
        Random rnd = new Random(SEED);
        int valid = 0;
        for (int i = 0; i < MUTANTS; i++) {
            String base = seeds.get(rnd.nextInt(seeds.size()));
            String mutant = mutate(base, rnd);
            try {
                ParseResult r = AslParser.parse(mutant, rnd.nextBoolean() ? MachineType.STANDARD : MachineType.EXPRESS);
                assertThat(r.machine().isPresent()).isEqualTo(r.errors().isEmpty());
                valid += r.isValid() ? 1 : 0;
                DefinitionErrors.invalidDefinitionMessage(r.diagnostics());
            } catch (RuntimeException | StackOverflowError e) {
                fail("mutant " + i + " threw " + e + "\n" + abbreviate(mutant), e);
            }
        }
        assertThat(valid).as("some mutants stay valid").isPositive();
    }

    private static List<String> seeds() throws Exception {
        List<String> out = new ArrayList<>();
        Path dir = Path.of(System.getProperty("flowstate.conformance.dir", "../../shared/conformance"), "cases");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.walk(dir, 2)) {
                files.filter(p -> p.getFileName().toString().equals("definition.json")).sorted()
                        .forEach(p -> out.add(ConformanceCorpus.withLambdas(ConformanceCorpus.read(p))));
            }
        }
        out.add(Defs.machine("{\"Type\":\"Pass\",\"End\":true}"));
        out.add("{\"StartAt\":\"C\",\"States\":{\"C\":{\"Type\":\"Choice\",\"Choices\":[{\"Not\":{\"Variable\":\"$.a\","
                + "\"IsPresent\":true},\"Next\":\"D\"}],\"Default\":\"D\"},\"D\":{\"Type\":\"Succeed\"}}}");
        return out;
    }

    private static String mutate(String json, Random rnd) throws Exception {
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            return json.substring(0, rnd.nextInt(json.length() + 1));
        }
        if (kind == 1) {
            int at = rnd.nextInt(json.length() + 1);
            String junk = "{}[]\",:$.%\\ \u0000\u00e9x1";
            return json.substring(0, at) + junk.charAt(rnd.nextInt(junk.length())) + json.substring(at);
        }
        if (kind == 8 && rnd.nextBoolean()) {
            return deepText(rnd.nextInt(1_500), rnd);
        }
        JsonNode tree = ConformanceCorpus.JSON.readTree(json);
        int changes = 1 + rnd.nextInt(3);
        for (int c = 0; c < changes; c++) {
            List<JsonNode> containers = new ArrayList<>();
            collect(tree, containers);
            JsonNode target = containers.get(rnd.nextInt(containers.size()));
            mutateContainer(target, rnd, kind);
        }
        return tree.toString();
    }

    private static void mutateContainer(JsonNode target, Random rnd, int kind) {
        if (target instanceof ObjectNode o && !o.isEmpty()) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String name = names.get(rnd.nextInt(names.size()));
            switch (kind) {
                case 2 -> o.remove(name);
                case 3 -> o.set(name.isEmpty() ? "x" : name.substring(1) + "x", o.remove(name));
                case 4, 5, 6 -> o.set(name, randomValue(rnd));
                case 7 -> o.put(name, "$".repeat(1 + rnd.nextInt(3)) + "x".repeat(rnd.nextInt(100_000)));
                case 8 -> o.set(name, deep(rnd.nextInt(300), rnd));
                default -> o.set(name, o.deepCopy());
            }
        } else if (target instanceof ArrayNode a) {
            if (!a.isEmpty() && rnd.nextBoolean()) {
                a.remove(rnd.nextInt(a.size()));
            } else {
                a.add(randomValue(rnd));
            }
        }
    }

    private static JsonNode randomValue(Random rnd) {
        return switch (rnd.nextInt(9)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(rnd.nextBoolean());
            case 2 -> F.numberNode(rnd.nextInt(2_000_000) - 1_000_000);
            case 3 -> F.numberNode(rnd.nextDouble() * 1e20 - 5e19);
            case 4 -> F.textNode("$.a[" + rnd.nextInt(5) + "].b");
            case 5 -> F.textNode("{% $states.input %}");
            case 6 -> F.textNode("States.Format('{}', $.x)");
            case 7 -> F.arrayNode().add("States.ALL").add(rnd.nextInt());
            default -> F.objectNode().put("Type", "Pass").put("End", true);
        };
    }

    private static JsonNode deep(int depth, Random rnd) {
        JsonNode n = F.textNode("leaf");
        for (int i = 0; i < depth; i++) {
            if (rnd.nextBoolean()) {
                n = F.arrayNode().add(n);
            } else {
                ObjectNode o = F.objectNode();
                o.set(rnd.nextBoolean() ? "Not" : "And", n);
                n = o;
            }
        }
        return n;
    }

    /** Nesting beyond what Jackson reads (and writes): built as text. */
    private static String deepText(int depth, Random rnd) {
        if (rnd.nextInt(3) == 0) {
            int levels = depth / 4;
            String open = "{\"Type\":\"Parallel\",\"End\":true,\"Branches\":[{\"StartAt\":\"S\",\"States\":{\"S\":";
            return "{\"StartAt\":\"S\",\"States\":{\"S\":" + open.repeat(levels)
                    + "{\"Type\":\"Pass\",\"End\":true}" + "}}]}".repeat(levels) + "}}";
        }
        String open = rnd.nextBoolean() ? "[" : "{\"Not\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"StartAt\":\"S\",\"States\":{\"S\":{\"Type\":\"Choice\",\"Choices\":["
                + open.repeat(depth) + "{}" + close.repeat(depth) + "]}}}";
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(child -> collect(child, out));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 2_000 ? s : s.substring(0, 2_000) + "...";
    }
}
