package io.flowstate.asl.parse;

import static io.flowstate.asl.parse.Checks.errors;
import static io.flowstate.asl.parse.Checks.valid;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.model.ChoiceRule;
import io.flowstate.asl.model.ChoiceState;
import io.flowstate.asl.model.ComparisonOperator;
import org.junit.jupiter.api.Test;

class ChoiceRulesTest {
    private static String choice(String choices) {
        return "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':" + choices + ",'Default':'D'},"
                + "'D':{'Type':'Succeed'}}}";
    }

    @Test
    void parse_everyOperator_buildsComparison() {
        for (ComparisonOperator op : ComparisonOperator.values()) {
            String operand = op.isPath() ? "'$.b'" : switch (op.kind()) {
                case STRING, TIMESTAMP -> "'2020-01-01T00:00:00Z'";
                case NUMERIC -> "1.5";
                case BOOLEAN, TYPE_TEST -> "true";
            };
            ChoiceState c = (ChoiceState) valid(choice("[{'Variable':'$.a','" + op.aslName() + "':" + operand
                    + ",'Next':'D'}]")).machine().orElseThrow().start();
            ChoiceRule.Comparison rule = (ChoiceRule.Comparison) c.choices().get(0).rule();
            assertThat(rule.operator()).isEqualTo(op);
            assertThat(rule.valuePath().isPresent()).isEqualTo(op.isPath());
        }
    }

    @Test
    void parse_nestedAndOrNot_buildsTheTree() {
        ChoiceState c = (ChoiceState) valid(choice("[{'And':[{'Not':{'Variable':'$.a','IsNull':true}},"
                + "{'Or':[{'Variable':'$.b','StringEquals':'x','Comment':'c'}]}],'Next':'D'}]"))
                .machine().orElseThrow().start();
        ChoiceRule.And and = (ChoiceRule.And) c.choices().get(0).rule();
        assertThat(and.rules()).hasSize(2).first().isInstanceOf(ChoiceRule.Not.class);
        assertThat(c.defaultState()).contains("D");
    }

    @Test
    void parse_operandOfWrongType_isAnError() {
        assertThat(errors(choice("[{'Variable':'$.a','NumericEquals':'1','Next':'D'}]"))).containsExactly(
                "SCHEMA_VALIDATION_FAILED: The value for the field 'NumericEquals' must be a NUMBER at /States/C/Choices[0]/NumericEquals");
        assertThat(errors(choice("[{'Variable':'$.a','IsPresent':'yes','Next':'D'}]"))).hasSize(1);
    }

    @Test
    void parse_ruleWithoutOperatorOrWithTwo_isAnError() {
        assertThat(errors(choice("[{'Variable':'$.a','Next':'D'}]"))).singleElement().asString()
                .endsWith("at /States/C/Choices[0]");
        assertThat(errors(choice("[{'Variable':'$.a','IsNull':true,'IsPresent':true,'Next':'D'}]"))).hasSize(1);
    }

    @Test
    void parse_choiceWithoutNext_isRequired() {
        assertThat(errors(choice("[{'Variable':'$.a','IsNull':true}]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Next] at /States/C/Choices[0]");
    }

    @Test
    void parse_emptyChoices_cannotBeEmpty() {
        assertThat(errors(choice("[]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Value cannot be empty at /States/C/Choices");
    }

    @Test
    void parse_missingChoices_isRequired() {
        assertThat(errors("{'StartAt':'C','States':{'C':{'Type':'Choice','Default':'D'},'D':{'Type':'Succeed'}}}"))
                .containsExactly("SCHEMA_VALIDATION_FAILED: These fields are required: [Choices] at /States/C");
    }

    @Test
    void parse_unknownFieldInNestedRule_isNotSupported() {
        assertThat(errors(choice("[{'Not':{'Variable':'$.a','IsNull':true,'Next':'D'},'Next':'D'}]")))
                .containsExactly("SCHEMA_VALIDATION_FAILED: Field 'Next' is not supported at /States/C/Choices[0]/Not");
    }

    @Test
    void parse_jsonataCondition_isKeptAsWritten() {
        ChoiceState c = (ChoiceState) valid("{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice',"
                + "'Choices':[{'Condition':'{% $states.input.a %}','Next':'D','Output':{'x':1}}]},"
                + "'D':{'Type':'Succeed'}}}").machine().orElseThrow().start();
        assertThat(c.choices().get(0).rule()).isInstanceOf(ChoiceRule.Condition.class);
        assertThat(c.choices().get(0).output()).isPresent();
    }
}
