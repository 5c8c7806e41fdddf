package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.QueryLanguage;
import io.flowstate.asl.model.State;
import io.flowstate.asl.model.TaskState;
import org.junit.jupiter.api.Test;

class QueryLanguageRulesTest {
    @Test
    void parse_jsonPathStateInJsonataMachine_isRejectedAtTheState() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','QueryLanguage':'JSONPath','End':true}"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: 'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine at /States/S");
    }

    @Test
    void parse_jsonataStateInJsonPathMachine_switchesThatState() {
        State s = valid(Defs.machine("{'Type':'Pass','QueryLanguage':'JSONata','Output':{'a':'{% 1 %}'},'End':true}"))
                .machine().orElseThrow().start();
        assertThat(s.common().queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
        assertThat(s.common().output()).isPresent();
    }

    @Test
    void parse_jsonataFieldInJsonPathState_isOnlyForJsonata() {
        assertThat(errors(Defs.machine("{'Type':'Pass','Output':{},'End':true}"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONPath', but field 'Output' is only supported for the 'JSONata' QueryLanguage at /States/S");
    }

    @Test
    void parse_jsonPathFieldInJsonataState_isOnlyForJsonPath() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','InputPath':'$.a','End':true}"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONata', but field 'InputPath' is only supported for the 'JSONPath' QueryLanguage at /States/S/InputPath");
    }

    @Test
    void parse_nestedStates_inheritTheTopLevelLanguage() {
        assertThat(errors(Defs.machine("{'Type':'Map','QueryLanguage':'JSONata','End':true,'ItemProcessor':"
                + "{'StartAt':'I','States':{'I':{'Type':'Pass','Output':1,'End':true}}}}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: The QueryLanguage is set to 'JSONPath', but field 'Output'"
                        + " is only supported for the 'JSONata' QueryLanguage at /States/S/ItemProcessor/States/I");
    }

    @Test
    void parse_jsonataExpressions_areCompiled() {
        TaskState t = (TaskState) valid(Defs.jsonata("{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Arguments':'{% $states.input %}','TimeoutSeconds':'{% 5 %}','Assign':{'v':'{% 1 %}'},"
                + "'End':true}")).machine().orElseThrow().start();
        assertThat(t.arguments().orElseThrow().jsonata()).isPresent();
        assertThat(t.timeoutSeconds().orElseThrow()).isInstanceOfSatisfying(IntSource.FromJsonata.class,
                j -> assertThat(j.expression().source().textValue()).isEqualTo("{% 5 %}"));
        assertThat(t.common().assign().orElseThrow().jsonata()).isPresent();
        MapState m = (MapState) valid(Defs.jsonata("{'Type':'Map','Items':[1,2],'MaxConcurrency':'{% 2 %}',"
                + "'ItemProcessor':{'StartAt':'I','States':{'I':{'Type':'Pass','End':true}}},'End':true}"))
                .machine().orElseThrow().start();
        assertThat(m.items()).isPresent();
        assertThat(m.maxConcurrency()).isInstanceOf(IntSource.FromJsonata.class);
    }

    @Test
    void parse_jsonataStringInJsonPathWait_isNotATimestamp() {
        assertThat(errors(Defs.machine("{'Type':'Wait','Timestamp':'{% $now() %}','End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: String does not match RFC3339 timestamp at /States/S/Timestamp");
    }
}
