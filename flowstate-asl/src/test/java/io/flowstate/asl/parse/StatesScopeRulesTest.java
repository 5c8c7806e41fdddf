package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where the reserved JSONata variable's members exist, from AWS's "Passing data between states with
 * variables" (Reserved variable: $states): {@code $states.result} in a Task's, Parallel's or Map's Output and
 * Assign, {@code $states.errorOutput} in a catcher's Output and Assign, {@code $states.input} and
 * {@code $states.context} everywhere; "Attempting to access $states.result or $states.errorOutput in fields and
 * states where they are not accessible will be caught at creation, update, or validation of the state machine."
 */
class StatesScopeRulesTest {
    private static final String TASK = "'Type':'Task','Resource':'arn:aws:states:::lambda:invoke'";

    private static String notThere(String member, String at) {
        return "UNSUPPORTED_JSONATA_EXPRESSION: Field '$states." + member + "' does not exist. at " + at;
    }

    /** The docs' own example: {@code "currentPrice": "{% $states.result.Payload.current_price %}"} in Assign. */
    @Test
    void parse_resultInTaskOutputAndAssign_isAccepted() {
        valid(Defs.jsonata("{" + TASK + ",'Arguments':{'Payload':'{% $states.input %}'},"
                + "'Assign':{'currentPrice':'{% $states.result.Payload.current_price %}'},"
                + "'Output':'{% $states.result.Payload %}','End':true}"));
    }

    @Test
    void parse_resultInParallelAndMapOutput_isAccepted() {
        valid(Defs.jsonata("{'Type':'Parallel','Branches':[{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}],"
                + "'Output':'{% $states.result[0] %}','End':true}"));
        valid(Defs.jsonata("{'Type':'Map','Items':'{% $states.input.xs %}',"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},"
                + "'Assign':{'n':'{% $count($states.result) %}'},'End':true}"));
    }

    /** Arguments are evaluated before the call, so the result does not exist yet. */
    @Test
    void parse_resultInTaskArguments_doesNotExist() {
        assertThat(errors(Defs.jsonata("{" + TASK + ",'Arguments':{'x':'{% $states.result %}'},'End':true}")))
                .containsExactly(notThere("result", "/States/S/Arguments/x"));
    }

    @Test
    void parse_resultInStatesWithoutAResult_doesNotExist() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':'{% $states.result %}','End':true}")))
                .containsExactly(notThere("result", "/States/S/Output"));
        assertThat(errors(Defs.jsonata("{'Type':'Wait','Seconds':1,'Assign':{'r':'{% $states.result %}'},'End':true}")))
                .containsExactly(notThere("result", "/States/S/Assign/r"));
        assertThat(errors(Defs.jsonata("{'Type':'Map','Items':'{% $states.input.xs %}',"
                + "'ItemSelector':{'v':'{% $states.result %}'},"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}")))
                .containsExactly(notThere("result", "/States/S/ItemSelector/v"));
    }

    @Test
    void parse_resultInCatch_doesNotExist() {
        assertThat(errors(Defs.jsonata("{" + TASK + ",'Catch':[{'ErrorEquals':['States.ALL'],"
                + "'Output':'{% $states.result %}','Next':'S'}],'End':true}")))
                .containsExactly(notThere("result", "/States/S/Catch[0]/Output"));
    }

    @Test
    void parse_errorOutputInTheStatesOwnOutput_doesNotExist() {
        assertThat(errors(Defs.jsonata("{" + TASK + ",'Output':'{% $states.errorOutput %}','End':true}")))
                .containsExactly(notThere("errorOutput", "/States/S/Output"));
    }

    /** An unknown member, such as the {@code $states.item} users reach for in a Map, does not exist either. */
    @Test
    void parse_unknownStatesMember_doesNotExist() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':{'v':'{% $states.item %}'},'End':true}")))
                .containsExactly(notThere("item", "/States/S/Output/v"));
    }

    @Test
    void parse_membersInStringsOrBelowInput_areNotReferences() {
        valid(Defs.jsonata("{'Type':'Pass','Output':{'a':'{% \\\"$states.result\\\" %}',"
                + "'b':'{% $states.input.result %}','c':'{% $states.context.State.Name %}'},'End':true}"));
    }
}
