package io.flowstate.engine.docs;

import static io.flowstate.engine.docs.DocRun.assertJson;
import static io.flowstate.engine.docs.DocRun.result;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's "Transforming data with JSONata in Step Functions" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html): {@code {% %}} expressions in
 * Arguments, Output and Assign, the reserved {@code $states} variable (input, result, errorOutput, context), and the
 * functions Step Functions adds ({@code $partition}, {@code $range}, {@code $hash}, {@code $random}, {@code $uuid},
 * {@code $parse}).
 */
class JsonataDocsTest {
    private static final String LAMBDA = "arn:aws:states:::lambda:invoke";

    /** The output of a JSONata Pass state whose Output is {@code output}. */
    private static JsonNode passOutput(String output, String input) {
        return run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass','Output':" + output
                + ",'End':true}}}", input).output();
    }

    @Test
    void partition_nineItemsByThree_givesThreeChunks() {
        assertJson(passOutput("'{% $partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3) %}'", "{}"),
                "[[1,2,3],[4,5,6],[7,8,9]]");
    }

    @Test
    void partition_lastChunkShorter_keepsTheRest() {
        assertJson(passOutput("'{% $partition([1, 2, 3, 4, 5], 2) %}'", "{}"), "[[1,2],[3,4],[5]]");
    }

    @Test
    void range_zeroToTenStepTwo_givesEvenNumbers() {
        assertJson(passOutput("'{% $range(0, 10, 2) %}'", "{}"), "[0,2,4,6,8,10]");
    }

    /** Quotes inside an expression: written {@code \\'} here, which the test helper makes a JSON-escaped {@code "}. */
    @Test
    void hash_sha256OfContent_isTheHexDigest() {
        assertThat(passOutput("'{% $hash($states.input.content, \\'SHA-256\\') %}'", "{'content':'input data'}")
                .asText()).isEqualTo(sha256("input data"));
    }

    @Test
    void hash_sha1OfInputData_matchesTheIntrinsicsDigest() {
        assertThat(passOutput("'{% $hash(\\'input data\\', \\'SHA-1\\') %}'", "{}").asText())
                .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    }

    @Test
    void random_noSeed_isBetweenZeroAndOne() {
        double value = passOutput("'{% $random() %}'", "{}").asDouble();

        assertThat(value).isBetween(0.0, 1.0);
    }

    @Test
    void random_sameSeed_givesTheSameNumber() {
        JsonNode out = passOutput("['{% $random($states.input.seed) %}','{% $random($states.input.seed) %}']",
                "{'seed':42}");

        assertThat(out.get(0).asDouble()).isEqualTo(out.get(1).asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void uuid_noArguments_isAVersion4Uuid() {
        assertThat(UUID.fromString(passOutput("'{% $uuid() %}'", "{}").asText()).version()).isEqualTo(4);
    }

    @Test
    void parse_jsonString_isTheParsedObject() {
        assertJson(passOutput("'{% $parse($states.input.json_string) %}'", "{'json_string':'{\\'foo\\':[1,2]}'}"),
                "{'foo':[1,2]}");
    }

    /** "$states.input always refers to the original state input", in every field that takes JSONata. */
    @Test
    void output_statesInput_readsTheOriginalInput() {
        assertJson(passOutput("{'customer':'{% $states.input.customer.name %}',"
                + "'total':'{% $sum($states.input.items.price) %}'}",
                "{'customer':{'name':'Ana'},'items':[{'price':2},{'price':3}]}"), "{'customer':'Ana','total':5}");
    }

    /** A string without {@code {% %}} is a literal; an expression may be nested at any depth. */
    @Test
    void output_nestedExpressionsAndLiterals_areEvaluatedInPlace() {
        assertJson(passOutput("{'literal':'$states.input.a','nested':{'list':['{% $states.input.a %}',1]}}",
                "{'a':'x'}"), "{'literal':'$states.input.a','nested':{'list':['x',1]}}");
    }

    /** Task: Arguments go to the resource; Output reads {@code $states.result}. */
    @Test
    void taskArgumentsAndOutput_lambdaInvoke_payloadInAndResultPayloadOut() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "','Arguments':{'FunctionName':'f','Payload':{'greeting':'{% \\'Hello \\' & $states.input.name %}'}},"
                + "'Output':'{% $states.result.Payload %}','End':true}}}", "{'name':'Ana'}",
                call -> result("{'Payload':{'ok':true},'StatusCode':200}"));

        assertJson(r.calls.get(0).input(), "{'FunctionName':'f','Payload':{'greeting':'Hello Ana'}}");
        assertJson(r.output(), "{'ok':true}");
    }

    /** Without Output a JSONata Task's output is its result. */
    @Test
    void taskWithoutOutput_lambdaInvoke_outputIsTheWholeResult() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "','Arguments':{'FunctionName':'f'},'End':true}}}", "{'x':1}",
                call -> result("{'Payload':1,'StatusCode':200}"));

        assertJson(r.output(), "{'Payload':1,'StatusCode':200}");
    }

    /** Catch: {@code $states.errorOutput} holds Error and Cause for the catcher's Output and Assign. */
    @Test
    void catchOutput_statesErrorOutput_isTheErrorAndCause() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA
                + "','Arguments':{'FunctionName':'f'},'Catch':[{'ErrorEquals':['States.ALL'],"
                + "'Assign':{'why':'{% $states.errorOutput.Cause %}'},"
                + "'Output':{'error':'{% $states.errorOutput.Error %}','input':'{% $states.input %}'},'Next':'H'}],"
                + "'End':true},'H':{'Type':'Pass','Output':{'caught':'{% $states.input %}','why':'{% $why %}'},"
                + "'End':true}}}", "{'x':1}", call -> DocRun.error("CustomError", "went wrong"));

        assertJson(r.output(), "{'caught':{'error':'CustomError','input':{'x':1}},'why':'went wrong'}");
    }

    /** "An expression that returns undefined ... is an error": States.QueryEvaluationError. */
    @Test
    void output_undefinedExpression_failsWithQueryEvaluationError() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Output':'{% $states.input.nope %}','End':true}}}", "{}");

        assertThat(r.failure().error()).isEqualTo("States.QueryEvaluationError");
    }

    /** Wait: Seconds from a JSONata expression. */
    @Test
    void waitSeconds_expression_waitsThatLong() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'W','States':{'W':{'Type':'Wait',"
                + "'Seconds':'{% $states.input.delay %}','End':true}}}", "{'delay':5}");

        assertThat(r.waits).containsExactly(Duration.ofSeconds(5));
        assertJson(r.output(), "{'delay':5}");
    }

    /** Map: Items from an expression, ItemSelector with {@code $states.context.Map.Item}. */
    @Test
    void mapItemsAndItemSelector_expressions_eachIterationSeesItsItem() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'M','States':{'M':{'Type':'Map',"
                + "'Items':'{% $states.input.orders %}','ItemSelector':{'index':'{% $states.context.Map.Item.Index %}',"
                + "'id':'{% $states.context.Map.Item.Value.id %}'},'ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','End':true}}},'End':true}}}", "{'orders':[{'id':'a'},{'id':'b'}]}");

        assertJson(r.output(), "[{'index':0,'id':'a'},{'index':1,'id':'b'}]");
    }

    /** Choice: Condition is a JSONata boolean expression. */
    @Test
    void choiceCondition_expressionTrue_takesTheRule() {
        String def = "{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{"
                + "'Condition':'{% $states.input.age >= 18 %}','Next':'Adult'}],'Default':'Minor'},"
                + "'Adult':{'Type':'Pass','Output':'adult','End':true},'Minor':{'Type':'Pass','Output':'minor','End':true}}}";

        assertThat(run(def, "{'age':21}").output().asText()).isEqualTo("adult");
        assertThat(run(def, "{'age':12}").output().asText()).isEqualTo("minor");
    }

    /** Fail: Error and Cause from expressions. */
    @Test
    void failErrorAndCause_expressions_areTheExecutionsError() {
        DocRun r = run("{'QueryLanguage':'JSONata','StartAt':'F','States':{'F':{'Type':'Fail',"
                + "'Error':'{% $states.input.error %}','Cause':'{% \\'Failed: \\' & $states.input.reason %}'}}}",
                "{'error':'OrderError','reason':'out of stock'}");

        assertThat(r.failure().error()).isEqualTo("OrderError");
        assertThat(r.failure().cause()).contains("Failed: out of stock");
    }

    /** {@code $states.context} is the context object. */
    @Test
    void output_statesContext_readsExecutionAndStateNames() {
        assertJson(passOutput("{'execution':'{% $states.context.Execution.Name %}',"
                + "'state':'{% $states.context.State.Name %}'}", "{}"), "{'execution':'exec','state':'P'}");
    }

    private static String sha256(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
