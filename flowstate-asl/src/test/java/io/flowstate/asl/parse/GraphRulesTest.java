package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GraphRulesTest {
    @Test
    void parse_danglingNextAndUnreachableState_reportsBothLikeAws() {
        assertThat(errors("{'StartAt':'pass1','States':{'pass1':{'Type':'Pass','Next':'pass3'},"
                + "'pass2':{'Type':'Pass','End':true}}}")).containsExactly(
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next",
                "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2");
    }

    @Test
    void parse_startAtNamingNoState_reportsAtStartAt() {
        assertThat(errors("{'StartAt':'X','States':{'S':{'Type':'Succeed'}}}")).containsExactly(
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /StartAt",
                "MISSING_TRANSITION_TARGET: State \"S\" is not reachable. at /States/S");
    }

    @Test
    void parse_loopWithoutTerminalState_isMissingEndStateOnly() {
        assertThat(errors("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},'B':{'Type':'Pass','Next':'A'},"
                + "'C':{'Type':'Pass','Next':'A'}}}"))
                .containsExactly("MISSING_END_STATE: Workflow has no terminal state at null");
    }

    @Test
    void parse_danglingTargetsInChoiceDefaultAndCatch_allSayNext() {
        assertThat(errors("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.a',"
                + "'IsPresent':true,'Next':'X'}],'Default':'Y'}}}")).containsExactly(
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: X at /States/C/Choices[0]/Next",
                "MISSING_TRANSITION_TARGET: Missing 'Next' target: Y at /States/C/Default",
                "MISSING_END_STATE: Workflow has no terminal state at null");
        assertThat(errors(Defs.machine("{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','End':true,"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'Z'}]}")))
                .containsExactly("MISSING_TRANSITION_TARGET: Missing 'Next' target: Z at /States/S/Catch[0]/Next");
    }

    @Test
    void parse_nextTargetOutsideItsBranch_isMissing() {
        assertThat(errors("{'StartAt':'P','States':{'P':{'Type':'Parallel','Next':'Done','Branches':[{'StartAt':'B',"
                + "'States':{'B':{'Type':'Pass','Next':'Done'}}}]},'Done':{'Type':'Succeed'}}}"))
                .contains("MISSING_TRANSITION_TARGET: Missing 'Next' target: Done at /States/P/Branches[0]/States/B/Next");
    }

    @Test
    void parse_schemaError_suppressesGraphErrors() {
        assertThat(errors("{'States':{'S':{'Type':'Succeed'}}}"))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [StartAt] at /");
    }

    @Test
    void parse_nextAndEndBoth_isAnError() {
        assertThat(errors(Defs.machine("{'Type':'Pass','Next':'S','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Next, End] at /States/S");
    }

    @Test
    void parse_neitherNextNorEnd_isAnError() {
        assertThat(errors(Defs.machine("{'Type':'Wait','Seconds':1}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Exactly one of these fields is required: [Next, End] at /States/S");
    }

    @Test
    void parse_terminalStateWithNextOrEnd_isNotSupported() {
        assertThat(errors(Defs.machine("{'Type':'Succeed','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'End' is not supported at /States/S");
        assertThat(errors("{'StartAt':'F','States':{'F':{'Type':'Fail','Next':'F'}}}"))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/F");
    }
}
