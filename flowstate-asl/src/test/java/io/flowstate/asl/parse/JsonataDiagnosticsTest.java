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
                .containsExactly("UNSUPPORTED_JSONATA_EXPRESSION: Field '$states.errorOutput' does not exist."
                        + " at /States/S/Assign/e");
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
    @Test
    void parse_bareFieldName_isUnsupportedAtTheTopLevel() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':{'v':'{% phone[0] %}'},'End':true}")))
                .containsExactly("UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not"
                        + " supported. at /States/S/Output/v");
    }

    @Test
    void parse_topLevelNamesInOperandsArgumentsConstructorsAndLambdas_areEachReported() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':'{% [a + 1, $count(b), {c: 1}, "
                + "$map($states.input.xs, function($v){ d }), e ? 1 : 2, (f; 3), -g, $z := h] %}','End':true}")))
                .extracting(s -> s.substring(s.indexOf('\'') + 1, s.indexOf('\'', s.indexOf('\'') + 1)))
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
    }

    @Test
    void parse_contextItemAtTheTopLevel_isUnsupported() {
        assertThat(errors(Defs.jsonata("{'Type':'Pass','Output':'{% $.a %}','End':true}")))
                .containsExactly("UNSUPPORTED_JSONATA_EXPRESSION: Reference to '$' at the top level is not"
                        + " supported. at /States/S/Output");
    }

    @Test
    void parse_contextItemInPredicatesAndLambdaParameters_isAccepted() {
        valid(Defs.jsonata("{'Type':'Pass','Output':{'a':'{% $states.input.xs[$ > 2] %}',"
                + "'b':'{% $map($states.input.xs, function($v){ $v + 1 }) %}'},'End':true}"));
    }

    @Test
    void parse_namesAfterTheFirstStepOrInPredicates_areAccepted() {
        valid(Defs.jsonata("{'Type':'Pass','Output':{"
                + "'a':'{% $states.input.phone.number %}',"
                + "'b':'{% $x.field %}',"
                + "'c':'{% $states.input.items[price > 10].name %}',"
                + "'d':'{% $states.input.items^(price).name %}',"
                + "'e':'{% $states.input.items{category: $sum(price)} %}',"
                + "'f':'{% $states.input.orders.$count(lines) %}',"
                + "'g':'{% {\\\"k\\\": $states.input.k} %}',"
                + "'h':'{% $states.input ~> | address | {\\\"city\\\": upper} | %}',"
                + "'i':'{% \\\"phone\\\" & $string(1) %}',"
                + "'j':'{% $map([1,2], function($v){ $v * 2 }) %}'"
                + "},'End':true}"));
    }

    @Test
    void parse_topLevelReferenceInCondition_isReportedAtTheCondition() {
        assertThat(errors(Defs.jsonata("{'Type':'Choice','Choices':[{'Condition':'{% ok = true %}','Next':'T'}],"
                + "'Default':'T'}").replace("}}", "},\"T\":{\"Type\":\"Succeed\"}}")))
                .containsExactly("UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'ok' at the top level is not"
                        + " supported. at /States/S/Choices[0]/Condition");
    }
}
