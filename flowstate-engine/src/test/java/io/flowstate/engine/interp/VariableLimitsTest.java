package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** AWS's variable size limits: 256 KiB a variable, 256 KiB an Assign, 10 MiB an execution. */
class VariableLimitsTest {
    private static final int KIB = 1024;

    private static Interpreter.Started run(String definition, String input) {
        return Interpreter.start(parse(definition), info(json(input)), T0);
    }

    /** An input whose {@code s} is a string of {@code n} ASCII characters. */
    private static String stringInput(int n) {
        return "{'s':'" + "a".repeat(n) + "'}";
    }

    @Test
    void start_variableJustUnder256KiB_isAssigned() {
        // The quoted string is two bytes longer than its characters.
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'v':'{% $states.input.s %}'},'Output':{},'End':true}}}",
                stringInput(256 * KIB - 2));

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void start_variableOver256KiB_failsTheStateWithDataLimitExceeded() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'v':'{% $states.input.s %}'},'Output':{},'End':true}}}",
                stringInput(256 * KIB - 1));

        StateFailure f = s.execution().failure().orElseThrow();
        assertThat(f.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(f.cause().orElseThrow()).isEqualTo("An error occurred while executing the state 'A' (entered"
                + " at the event id #2). The value assigned to the variable 'v' has a size of 262145 bytes,"
                + " exceeding the maximum number of bytes service limit for one variable (262144).");
    }

    @Test
    void start_jsonPathVariableOver256KiB_failsTheSameWay() {
        Interpreter.Started s = run("{'StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'v.$':'$.s'},'OutputPath':null,'End':true}}}",
                stringInput(256 * KIB));

        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void start_assignOver256KiBInAll_failsEvenThoughEachVariableFits() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'a':'{% $states.input.s %}','b':'{% $states.input.s %}'},"
                + "'Output':{},'End':true}}}", stringInput(130 * KIB));

        assertThat(s.execution().failure().orElseThrow().cause().orElseThrow())
                .contains("for one Assign (262144)");
    }

    @Test
    void start_choiceRuleAndStateAssign_countTogetherAsOneAssign() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'C','States':{"
                + "'C':{'Type':'Choice','Assign':{'a':'{% $states.input.s %}'},'Choices':[{'Condition':true,"
                + "'Assign':{'b':'{% $states.input.s %}'},'Output':{},'Next':'E'}]},"
                + "'E':{'Type':'Succeed'}}}", stringInput(130 * KIB));

        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void start_catcherAssignOverTheLimit_failsTheExecution() {
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{"
                + "'P':{'Type':'Parallel','Branches':[{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'E'}}}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Assign':{'v':'{% $states.input.s %}'},'Output':{},"
                + "'Next':'Ok'}],'End':true},'Ok':{'Type':'Succeed'}}}", stringInput(256 * KIB));

        assertThat(s.execution().failure().orElseThrow().error()).isEqualTo("States.DataLimitExceeded");
    }

    @Test
    void start_variablesOver10MiBInAll_failTheStateThatCrossesTheLimit() {
        // 40 variables of 255 KiB each fit one at a time but not together (40 x 255 KiB > 10 MiB).
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < 41; i++) {
            states.append("'S").append(i).append("':{'Type':'Pass','Assign':{'v").append(i)
                    .append("':'{% $states.input.s %}'},").append(i < 40 ? "'Next':'S" + (i + 1) + "'" : "'End':true")
                    .append("},");
        }
        String definition = "{'QueryLanguage':'JSONata','StartAt':'S0','States':{"
                + states.substring(0, states.length() - 1) + "}}";
        Interpreter.Started s = run(definition, stringInput(255 * KIB));

        StateFailure f = s.execution().failure().orElseThrow();
        assertThat(f.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(f.cause().orElseThrow()).startsWith("An error occurred while executing the state 'S40'")
                .contains("for an execution's variables (10485760)");
    }

    @Test
    void start_reassigningAVariable_replacesItsSizeInTheExecutionTotal() {
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            states.append("'S").append(i).append("':{'Type':'Pass','Assign':{'v':'{% $states.input.s %}'},")
                    .append(i < 59 ? "'Next':'S" + (i + 1) + "'" : "'End':true").append("},");
        }
        Interpreter.Started s = run("{'QueryLanguage':'JSONata','StartAt':'S0','States':{"
                + states.substring(0, states.length() - 1) + "}}", stringInput(255 * KIB));

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void bytes_countsCompactUtf8JsonWithEscapes() {
        JsonNode v = json("{'a':['\\u00e9\\u20ac\\ud83d\\ude00', '\\n\\u0001\\\\\\\"', 1.5, -20, true, null, {}]}");

        assertThat(JsonSize.bytes(v)).isEqualTo(Json.write(v).getBytes(StandardCharsets.UTF_8).length);
    }
}
