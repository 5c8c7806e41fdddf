package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.QueryLanguage;
import io.flowstate.asl.model.StateMachine;
import org.junit.jupiter.api.Test;

class TopLevelRulesTest {
    @Test
    void parse_emptyString_isNotAJsonObject() {
        ParseResult r = AslParser.parse("  ");
        assertThat(r.machine()).isEmpty();
        assertThat(r.diagnostics()).containsExactly(
                Diagnostic.error("SCHEMA_VALIDATION_FAILED", "Definition must be a valid JSON object"));
    }

    @Test
    void parse_jsonArray_isNotAJsonObject() {
        assertThat(errors("[]")).containsExactly("SCHEMA_VALIDATION_FAILED: Definition must be a valid JSON object at null");
    }

    @Test
    void parse_malformedJson_reportsInvalidJsonDescriptionWithAwsSourceShape() {
        ParseResult r = AslParser.parse("not a definition");
        Diagnostic d = r.diagnostics().get(0);
        assertThat(d.code()).isEqualTo("INVALID_JSON_DESCRIPTION");
        assertThat(d.location()).contains("[Source: (String)\"not a definition\"; line: 1, column: 4]");
        assertThat(d.message()).endsWith("\n at [Source: (String)\"not a definition\"; line: 1, column: 4]");
    }

    @Test
    void parse_longMalformedJson_truncatesSourceAfter500Characters() {
        String json = "{\"Comment\":\"" + "x".repeat(600);
        String location = AslParser.parse(json).diagnostics().get(0).location().orElseThrow();
        assertThat(location).contains("\"[truncated 112 chars]; line: 1");
    }

    @Test
    void parse_emptyObject_requiresStatesAndStartAt() {
        assertThat(errors("{}")).containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [States, StartAt] at /");
    }

    @Test
    void parse_unknownTopLevelField_isNotSupported() {
        assertThat(errors("{'Coment':'x','StartAt':'S','States':{'S':{'Type':'Succeed'}}}"))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Coment' is not supported at /");
    }

    @Test
    void parse_fullTopLevel_keepsEveryField() {
        StateMachine m = valid("{'Comment':'c','StartAt':'S','TimeoutSeconds':30,'Version':'1.0',"
                + "'QueryLanguage':'JSONata','States':{'S':{'Type':'Succeed'}}}").machine().orElseThrow();
        assertThat(m.comment()).contains("c");
        assertThat(m.timeoutSeconds()).contains(30L);
        assertThat(m.version()).contains("1.0");
        assertThat(m.queryLanguage()).isEqualTo(QueryLanguage.JSONATA);
        assertThat(m.start().name()).isEqualTo("S");
    }

    @Test
    void parse_timeoutSecondsZero_isBelowRange() {
        assertThat(errors("{'TimeoutSeconds':0,'StartAt':'S','States':{'S':{'Type':'Succeed'}}}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'TimeoutSeconds' must be greater than or equal to 1 at /TimeoutSeconds");
    }

    @Test
    void parse_unknownQueryLanguage_listsTheValidOnes() {
        assertThat(errors("{'QueryLanguage':'XPath','StartAt':'S','States':{'S':{'Type':'Succeed'}}}")).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The field 'QueryLanguage' should have one of these values: [JSONPath, JSONata] at /QueryLanguage");
    }

    @Test
    void parse_emptyStates_cannotBeEmpty() {
        assertThat(errors("{'StartAt':'S','States':{}}"))
                .contains("SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States");
    }

    @Test
    void parse_stateNameLongerThan80_isInvalidStateName() {
        String name = "n".repeat(81);
        assertThat(errors("{'StartAt':'" + name + "','States':{'" + name + "':{'Type':'Succeed'}}}"))
                .singleElement().asString().startsWith("INVALID_STATE_NAME:");
    }

    @Test
    void parse_stateNameReusedInBranch_isDuplicateStateName() {
        assertThat(errors(Defs.machine("{'Type':'Parallel','End':true,'Branches':[{'StartAt':'S','States':"
                + "{'S':{'Type':'Succeed'}}}]}")))
                .containsExactly("DUPLICATE_STATE_NAME: Duplicate State name: S at /States/S/Branches[0]/States/S");
    }

    @Test
    void parse_missingType_isRequired() {
        assertThat(errors(Defs.machine("{'End':true}")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Type] at /States/S");
    }

    @Test
    void parse_unknownType_listsTheEightTypes() {
        assertThat(errors(Defs.machine("{'Type':'Foo','End':true}"))).containsExactly("SCHEMA_VALIDATION_FAILED: The field"
                + " 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] at /States/S/Type");
    }
}
