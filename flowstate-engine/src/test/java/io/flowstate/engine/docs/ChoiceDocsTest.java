package io.flowstate.engine.docs;

import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of AWS's "Choice workflow state" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/state-choice.html): the ChoiceStateX example, each
 * comparison operator and its {@code Path} form, {@code And}/{@code Or}/{@code Not}, the type tests
 * ({@code IsNull}, {@code IsPresent}, {@code IsNumeric}, {@code IsString}, {@code IsBoolean},
 * {@code IsTimestamp}), {@code StringMatches} with wildcards and escapes, and JSONata {@code Condition}.
 */
class ChoiceDocsTest {
    /** The page's ChoiceStateX, its Task states replaced by Pass states that name themselves. */
    private static final String CHOICE_STATE_X = "{'StartAt':'ChoiceStateX','States':{'ChoiceStateX':{'Type':'Choice',"
            + "'Choices':[{'Not':{'Variable':'$.type','StringEquals':'Private'},'Next':'Public'},"
            + "{'Variable':'$.value','NumericEquals':0,'Next':'ValueIsZero'},"
            + "{'And':[{'Variable':'$.value','NumericGreaterThanEquals':20},{'Variable':'$.value','NumericLessThan':30}],"
            + "'Next':'ValueInTwenties'}],'Default':'DefaultState'},"
            + "'Public':{'Type':'Pass','Result':'Public','End':true},"
            + "'ValueIsZero':{'Type':'Pass','Result':'ValueIsZero','End':true},"
            + "'ValueInTwenties':{'Type':'Pass','Result':'ValueInTwenties','End':true},"
            + "'DefaultState':{'Type':'Fail','Cause':'No Matches!'}}}";

    /** The state a one-rule Choice goes to: {@code Yes} when the rule matches, else {@code No}. */
    private static String rule(String body, String input) {
        return run("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{" + body + ",'Next':'Yes'}],'Default':'No'},"
                + "'Yes':{'Type':'Pass','Result':'Yes','End':true},'No':{'Type':'Pass','Result':'No','End':true}}}",
                input).output().asText();
    }

    @Test
    void choiceStateX_privateValue22_goesToValueInTwenties() {
        assertThat(run(CHOICE_STATE_X, "{'type':'Private','value':22}").output().asText()).isEqualTo("ValueInTwenties");
    }

    @Test
    void choiceStateX_notPrivate_goesToPublic() {
        assertThat(run(CHOICE_STATE_X, "{'type':'Public','value':22}").output().asText()).isEqualTo("Public");
    }

    @Test
    void choiceStateX_valueZero_goesToValueIsZero() {
        assertThat(run(CHOICE_STATE_X, "{'type':'Private','value':0}").output().asText()).isEqualTo("ValueIsZero");
    }

    /** "If there are no matches ... the state provided in the Default field runs": a Fail with "No Matches!". */
    @Test
    void choiceStateX_noRuleMatches_defaultFailState() {
        DocRun r = run(CHOICE_STATE_X, "{'type':'Private','value':55}");

        assertThat(r.failure().cause()).contains("No Matches!");
    }

    /** "You must specify the $.type field. If the state input doesn't contain [it], the execution fails." */
    @Test
    void choiceStateX_missingTypeField_failsWithStatesRuntime() {
        assertThat(run(CHOICE_STATE_X, "{'value':22}").failure().error()).isEqualTo("States.Runtime");
    }

    /** "If the Default state isn't specified, the execution fails with an error": States.NoChoiceMatched. */
    @Test
    void choice_noMatchAndNoDefault_failsWithNoChoiceMatched() {
        DocRun r = run("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.foo',"
                + "'NumericEquals':1,'Next':'Yes'}]},'Yes':{'Type':'Succeed'}}}", "{'foo':2}");

        assertThat(r.failure().error()).isEqualTo("States.NoChoiceMatched");
    }

    /** Each operator of the page, its literal and its {@code Path} form, with a matching and a failing input. */
    @ParameterizedTest(name = "{0} {1} on {2} -> {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "NumericEquals|1|{'foo':1,'v':1}|Yes",
        "NumericEquals|1|{'foo':2,'v':1}|No",
        "NumericGreaterThan|1|{'foo':2,'v':1}|Yes",
        "NumericGreaterThanEquals|1|{'foo':1,'v':1}|Yes",
        "NumericLessThan|1|{'foo':1,'v':1}|No",
        "NumericLessThanEquals|1|{'foo':1,'v':1}|Yes",
        "StringEquals|'MyString'|{'foo':'MyString','v':'MyString'}|Yes",
        "StringGreaterThan|'MyStringABC'|{'foo':'MyStringABD','v':'MyStringABC'}|Yes",
        "StringGreaterThan|'MyStringABC'|{'foo':'MyStringAB','v':'MyStringABC'}|No",
        "StringGreaterThanEquals|'abc'|{'foo':'abc','v':'abc'}|Yes",
        "StringLessThan|'abc'|{'foo':'abb','v':'abc'}|Yes",
        "StringLessThanEquals|'abc'|{'foo':'abd','v':'abc'}|No",
        "BooleanEquals|true|{'foo':true,'v':true}|Yes",
        "BooleanEquals|true|{'foo':false,'v':true}|No",
        "TimestampEquals|'2001-01-01T12:00:00Z'|{'foo':'2001-01-01T12:00:00Z','v':'2001-01-01T12:00:00Z'}|Yes",
        "TimestampGreaterThan|'2001-01-01T12:00:00Z'|{'foo':'2001-01-01T12:00:01Z','v':'2001-01-01T12:00:00Z'}|Yes",
        "TimestampGreaterThanEquals|'2001-01-01T12:00:00Z'|{'foo':'2001-01-01T11:00:00Z','v':'2001-01-01T12:00:00Z'}|No",
        "TimestampLessThan|'2001-01-01T12:00:00Z'|{'foo':'2001-01-01T11:59:59Z','v':'2001-01-01T12:00:00Z'}|Yes",
        "TimestampLessThanEquals|'2001-01-01T12:00:00Z'|{'foo':'2001-01-01T12:00:00Z','v':'2001-01-01T12:00:00Z'}|Yes",
    })
    void comparison_operatorAndItsPathForm_agree(String operator, String value, String input, String expected) {
        assertThat(rule("'Variable':'$.foo','" + operator + "':" + value, input)).isEqualTo(expected);
        assertThat(rule("'Variable':'$.foo','" + operator + "Path':'$.v'", input)).isEqualTo(expected);
    }

    /** "Step Functions doesn't attempt to match a numeric field to a string value." */
    @Test
    void numericEquals_stringField_doesNotMatch() {
        assertThat(rule("'Variable':'$.foo','NumericEquals':1", "{'foo':'1'}")).isEqualTo("No");
    }

    /** "because timestamp fields are logically strings, ... a timestamp can be matched by a StringEquals comparator". */
    @Test
    void stringEquals_timestampField_matchesAsAString() {
        assertThat(rule("'Variable':'$.foo','StringEquals':'2001-01-01T12:00:00Z'", "{'foo':'2001-01-01T12:00:00Z'}"))
                .isEqualTo("Yes");
    }

    @Test
    void orAndNot_nestedRules_combineAsDocumented() {
        String or = "'Or':[{'Variable':'$.a','NumericEquals':1},{'Not':{'Variable':'$.b','StringEquals':'x'}}]";

        assertThat(rule(or, "{'a':1,'b':'x'}")).isEqualTo("Yes");
        assertThat(rule(or, "{'a':2,'b':'y'}")).isEqualTo("Yes");
        assertThat(rule(or, "{'a':2,'b':'x'}")).isEqualTo("No");
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'IsNull':true|{'foo':null}|Yes",
        "'IsNull':true|{'foo':1}|No",
        "'IsNull':false|{'foo':1}|Yes",
        "'IsPresent':true|{'foo':1}|Yes",
        "'IsPresent':true|{'bar':1}|No",
        "'IsPresent':false|{'bar':1}|Yes",
        "'IsNumeric':true|{'foo':1.5}|Yes",
        "'IsNumeric':true|{'foo':'1'}|No",
        "'IsString':true|{'foo':'x'}|Yes",
        "'IsString':true|{'foo':1}|No",
        "'IsBoolean':true|{'foo':false}|Yes",
        "'IsBoolean':true|{'foo':'true'}|No",
        "'IsTimestamp':true|{'foo':'2016-08-18T17:33:00Z'}|Yes",
        "'IsTimestamp':true|{'foo':'2016-08-18 17:33:00'}|No",
        "'IsTimestamp':true|{'foo':'2016-08-18t17:33:00Z'}|No",
        "'IsTimestamp':true|{'foo':'2016-08-18T17:33:00z'}|No",
        "'IsTimestamp':true|{'foo':'2016-08-18T17:33:00+02:00'}|Yes",
    })
    void typeTests_documentedTypes_matchOnlyTheirType(String test, String input, String expected) {
        assertThat(rule("'Variable':'$.foo'," + test, input)).isEqualTo(expected);
    }

    /** StringMatches: {@code *} is a wildcard; {@code \\*} and {@code \\\\} are a literal asterisk and backslash. */
    @ParameterizedTest(name = "{0} against {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "log-*.txt|log-2020-01-01.txt|Yes",
        "log-*.txt|log-.txt|Yes",
        "log-*.txt|log-2020-01-01.csv|No",
        "*.txt|notes.txt|Yes",
        "a*b*c|aXXbYYc|Yes",
        "literal\\\\*star|literal*star|Yes",
        "literal\\\\*star|literalXstar|No",
    })
    void stringMatches_wildcardPatterns_matchAsDocumented(String pattern, String value, String expected) {
        assertThat(rule("'Variable':'$.foo','StringMatches':'" + pattern + "'", "{'foo':'" + value + "'}"))
                .isEqualTo(expected);
    }

    /** A backslash in the value, matched by an escaped backslash in the pattern. */
    @Test
    void stringMatches_escapedBackslash_matchesABackslash() {
        assertThat(rule("'Variable':'$.foo','StringMatches':'a\\\\\\\\*'", "{'foo':'a\\\\b'}")).isEqualTo("Yes");
        assertThat(rule("'Variable':'$.foo','StringMatches':'a\\\\\\\\*'", "{'foo':'ab'}")).isEqualTo("No");
    }

    /** JSONata Condition, with a workflow variable. */
    @Test
    void jsonataCondition_variableAndInput_selectsTheRule() {
        String def = "{'QueryLanguage':'JSONata','StartAt':'A','States':{'A':{'Type':'Pass','Assign':{'limit':10},"
                + "'Next':'C'},'C':{'Type':'Choice','Choices':[{'Condition':'{% $states.input.n > $limit %}','Next':'Big'}],"
                + "'Default':'Small'},'Big':{'Type':'Pass','Output':'big','End':true},"
                + "'Small':{'Type':'Pass','Output':'small','End':true}}}";

        assertThat(run(def, "{'n':11}").output().asText()).isEqualTo("big");
        assertThat(run(def, "{'n':10}").output().asText()).isEqualTo("small");
    }

    /** A Condition that is not a boolean is an evaluation error. */
    @Test
    void jsonataCondition_notBoolean_failsWithQueryEvaluationError() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
                + "'Condition':'{% $states.input.n %}','Next':'Y'}],'Default':'Y'},'Y':{'Type':'Succeed'}}}", "{'n':1}");

        assertThat(r.failure().error()).isEqualTo("States.QueryEvaluationError");
    }

    /** Choice states pass their input through (with InputPath/OutputPath applied). */
    @Test
    void choice_outputPath_filtersTheInputPassedOn() {
        DocRun r = run("{'StartAt':'C','States':{'C':{'Type':'Choice','OutputPath':'$.keep','Choices':[{'Variable':"
                + "'$.keep.n','NumericEquals':1,'Next':'D'}]},'D':{'Type':'Succeed'}}}", "{'keep':{'n':1},'drop':2}");

        assertThat(r.output().toString()).isEqualTo("{\"n\":1}");
    }

    /** "An uppercase T must separate the date and time portions. An uppercase Z must denote [no] offset." */
    @Test
    void timestampEquals_lowerCaseTAndZ_isNotATimestamp() {
        assertThat(rule("'Variable':'$.foo','TimestampEquals':'2016-03-14T01:59:00Z'", "{'foo':'2016-03-14t01:59:00z'}"))
                .isEqualTo("No");
        assertThat(rule("'Variable':'$.foo','TimestampEquals':'2016-03-14T01:59:00Z'",
                "{'foo':'2016-03-14T02:59:00+01:00'}")).isEqualTo("Yes");
    }
}
