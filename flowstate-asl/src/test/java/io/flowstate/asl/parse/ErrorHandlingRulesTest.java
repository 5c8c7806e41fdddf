package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.Retrier;
import io.flowstate.asl.model.TaskState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErrorHandlingRulesTest {
    private static String task(String extra) {
        return "{'StartAt':'S','States':{'S':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'End':true," + extra + "},'H':{'Type':'Succeed'}}}";
    }

    @Test
    void parse_retrierWithoutOptions_getsAwsDefaults() {
        TaskState t = (TaskState) valid(task("'Retry':[{'ErrorEquals':['States.ALL']}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'H'}]")).machine().orElseThrow()
                .start();
        assertThat(t.retry()).containsExactly(new Retrier(List.of("States.ALL"), 1, 3, 2.0, Optional.empty(),
                Retrier.JitterStrategy.NONE));
    }

    @Test
    void parse_retrierOutOfRange_reportsEachField() {
        assertThat(errors(task("'Retry':[{'ErrorEquals':['E'],'IntervalSeconds':0,'MaxAttempts':-1,"
                + "'BackoffRate':0.5,'JitterStrategy':'HALF'}]"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'IntervalSeconds' must be greater than or equal to 1 at /States/S/Retry[0]/IntervalSeconds",
                "SCHEMA_VALIDATION_FAILED: The value for the field 'MaxAttempts' must be greater than or equal to 0 at /States/S/Retry[0]/MaxAttempts",
                "SCHEMA_VALIDATION_FAILED: The value for the field 'BackoffRate' must be greater than or equal to 1.0 at /States/S/Retry[0]/BackoffRate",
                "SCHEMA_VALIDATION_FAILED: The field 'JitterStrategy' should have one of these values: [FULL, NONE] at /States/S/Retry[0]/JitterStrategy");
    }

    @Test
    void parse_retrierWithoutErrorEquals_isRequired() {
        assertThat(errors(task("'Retry':[{'MaxAttempts':1}]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [ErrorEquals] at /States/S/Retry[0]");
    }

    @Test
    void parse_statesAllWithOtherErrors_mustBeAlone() {
        assertThat(errors(task("'Retry':[{'ErrorEquals':['States.ALL','E']}]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: 'States.ALL' must appear alone in 'ErrorEquals' at /States/S/Retry[0]/ErrorEquals");
    }

    @Test
    void parse_statesAllNotLast_isAnError() {
        assertThat(errors(task("'Catch':[{'ErrorEquals':['States.ALL'],'Next':'H'},{'ErrorEquals':['E'],'Next':'H'}]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: A 'Catch' entry with 'States.ALL' must be the last one at /States/S/Catch[0]");
    }

    @Test
    void parse_catcherWithoutNext_isRequired() {
        assertThat(errors(task("'Catch':[{'ErrorEquals':['E']}]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/S/Catch[0]");
    }

    @Test
    void parse_catcherWithNullResultPath_keepsTheInput() {
        TaskState t = (TaskState) valid(task("'Catch':[{'ErrorEquals':['E'],'Next':'H','ResultPath':null,"
                + "'Comment':'c'}]")).machine().orElseThrow().start();
        assertThat(t.catchers().get(0).resultPath()).isEmpty();
        assertThat(t.catchers().get(0).next()).isEqualTo("H");
    }

    @Test
    void parse_retryOnPass_isNotSupported() {
        assertThat(errors(Defs.machine("{'Type':'Pass','End':true,'Retry':[]}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Retry' is not supported at /States/S");
    }
}
