package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSONata expressions are compiled when the definition is parsed; AWS refuses bad ones at creation. */
class JsonataDiagnosticsTest {
    @Test
    void parse_syntaxError_isInvalidJsonataAtTheExpressionsLocation() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':{'a':[1,'{% a[1,2) %}']},'End':true}")))
                .singleElement().asString()
                .startsWith("INVALID_JSONATA_EXPRESSION: The JSONata expression 'a[1,2)' is invalid: ")
                .endsWith(" at /States/S/Output/a[1]");
    }

    @Test
    void parse_syntaxErrorInCondition_isReportedAtTheCondition() {
        assertThat(errors(Defs.jsonata("{'Type':'Choice','Choices':[{'Condition':'{% ( %}','Next':'T'}],"
                + "'Default':'T'}").replace("}}", "},\"T\":{\"Type\":\"Succeed\"}}")))
                .singleElement().asString().endsWith(" at /States/S/Choices[0]/Condition");
    }

    @Test
    void parse_contextRootReference_isUnsupported() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':'{% $$.x %}','End':true}")))
                .containsExactly("UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$$' is not supported."
                        + " at /States/S/Output");
    }

    @Test
    void parse_errorOutputOutsideCatch_isUnsupported() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Assign':{'e':'{% $states.errorOutput %}'},'End':true}")))
                .containsExactly("UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$states.errorOutput' is not"
                        + " supported. at /States/S/Assign/e");
    }

    @Test
    void parse_errorOutputInCatch_isAccepted() {
        valid(Defs.jsonata("{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','Catch':[{"
                + "'ErrorEquals':['States.ALL'],'Output':'{% $states.errorOutput %}',"
                + "'Assign':{'e':'{% $states.errorOutput.Error %}'},'Next':'S'}],'End':true}"));
    }

    @Test
    void parse_blanksAroundDelimiters_makeALiteralString() {
        valid(Defs.jsonata("{'Type':'Pass','Output':' {% ( %} ','End':true}"));
    }
}
