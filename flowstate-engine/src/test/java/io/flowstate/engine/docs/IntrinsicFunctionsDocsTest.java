package io.flowstate.engine.docs;

import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.engine.interp.StateFailure;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every example of AWS's "Intrinsic functions for JSONPath states in Step Functions" page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html), run as a Pass state's
 * Parameters over the page's input.
 */
class IntrinsicFunctionsDocsTest {
    /** The value of {@code out.$} after a Pass state's Parameters {@code {"out.$": expression}}. */
    private static JsonNode eval(String expression, String input) {
        return run(definition(expression), json(input)).output().path("out");
    }

    private static StateFailure failure(String expression, String input) {
        return run(definition(expression), json(input)).failure();
    }

    /** A Pass state whose Parameters hold the expression exactly as given (its quotes and backslashes kept). */
    private static JsonNode definition(String expression) {
        ObjectNode d = json("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{},'End':true}}}").deepCopy();
        ((ObjectNode) d.path("States").path("P").path("Parameters")).put("out.$", expression);
        return d;
    }

    private static final String NINE = "{'inputArray':[1,2,3,4,5,6,7,8,9]}";

    @Test
    void statesArray_idFromInput_isWrappedInAnArray() {
        assertThat(eval("States.Array($.Id)", "{'Id':123456}")).isEqualTo(json("[123456]"));
    }

    @Test
    void statesArrayPartition_nineItemsByFour_givesThreeChunks() {
        assertThat(eval("States.ArrayPartition($.inputArray,4)", NINE)).isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
    }

    @Test
    void statesArrayContains_valuePresent_isTrue() {
        assertThat(eval("States.ArrayContains($.inputArray, $.lookingFor)",
                "{'inputArray':[1,2,3,4,5,6,7,8,9],'lookingFor':5}")).isEqualTo(json("true"));
    }

    @Test
    void statesArrayRange_oneToNineStepTwo_givesOddNumbers() {
        assertThat(eval("States.ArrayRange(1, 9, 2)", "{}")).isEqualTo(json("[1,3,5,7,9]"));
    }

    @Test
    void statesArrayGetItem_indexFive_isSix() {
        assertThat(eval("States.ArrayGetItem($.inputArray, $.index)", "{'inputArray':[1,2,3,4,5,6,7,8,9],'index':5}"))
                .isEqualTo(json("6"));
    }

    @Test
    void statesArrayLength_nineItems_isNine() {
        assertThat(eval("States.ArrayLength($.inputArray)", NINE)).isEqualTo(json("9"));
    }

    @Test
    void statesArrayUnique_repeatedValues_keepsFirstOfEach() {
        assertThat(eval("States.ArrayUnique($.inputArray)", "{'inputArray':[1,2,3,3,3,3,3,3,4]}"))
                .isEqualTo(json("[1,2,3,4]"));
    }

    @Test
    void statesBase64Encode_dataToEncode_isTheDocumentedText() {
        assertThat(eval("States.Base64Encode($.input)", "{'input':'Data to encode'}").asText())
                .isEqualTo("RGF0YSB0byBlbmNvZGU=");
    }

    @Test
    void statesBase64Decode_documentedText_isDataToEncode() {
        assertThat(eval("States.Base64Decode($.base64)", "{'base64':'RGF0YSB0byBlbmNvZGU='}").asText())
                .isEqualTo("Data to encode");
    }

    @Test
    void statesHash_sha1OfInputData_isTheDocumentedDigest() {
        assertThat(eval("States.Hash($.Data, $.Algorithm)", "{'Data':'input data','Algorithm':'SHA-1'}").asText())
                .isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    }

    @Test
    void statesJsonMerge_shallow_secondObjectsKeysWin() {
        assertThat(eval("States.JsonMerge($.json1, $.json2, false)", "{'json1':{'a':{'a1':1,'a2':2},'b':2},"
                + "'json2':{'a':{'a3':1,'a4':2},'c':3}}")).isEqualTo(json("{'a':{'a3':1,'a4':2},'b':2,'c':3}"));
    }

    @Test
    void statesStringToJson_escapedJson_isParsed() {
        ObjectNode input = io.flowstate.asl.json.Json.object().put("escapedJsonString", "{\"foo\": \"bar\"}");
        JsonNode out = run(definition("States.StringToJson($.escapedJsonString)"), input).output().path("out");

        assertThat(out).isEqualTo(json("{'foo':'bar'}"));
    }

    @Test
    void statesJsonToString_object_isCompactJsonText() {
        assertThat(eval("States.JsonToString($.unescapedJson)", "{'unescapedJson':{'foo':'bar'}}").asText())
                .isEqualTo("{\"foo\":\"bar\"}");
    }

    @Test
    void statesMathRandom_startAndEnd_isWithinTheRange() {
        int value = eval("States.MathRandom($.start, $.end)", "{'start':1,'end':999}").asInt();

        assertThat(value).isBetween(1, 999);
    }

    @Test
    void statesMathAdd_valueAndNegativeStep_is110() {
        assertThat(eval("States.MathAdd($.value1, $.step)", "{'value1':111,'step':-1}")).isEqualTo(json("110"));
    }

    @Test
    void statesStringSplit_commaSeparated_givesTheParts() {
        assertThat(eval("States.StringSplit($.inputString, $.splitter)", "{'inputString':'1,2,3,4,5','splitter':','}"))
                .isEqualTo(json("['1','2','3','4','5']"));
    }

    @Test
    void statesStringSplit_severalSplitterCharacters_splitsOnEachOfThem() {
        assertThat(eval("States.StringSplit($.inputString, $.splitter)",
                "{'inputString':'This.is+a,test=string','splitter':'.+,='}"))
                .isEqualTo(json("['This','is','a','test','string']"));
    }

    @Test
    void statesUuid_noArguments_isAVersion4Uuid() {
        String uuid = eval("States.UUID()", "{}").asText();

        assertThat(UUID.fromString(uuid).version()).isEqualTo(4);
    }

    @Test
    void statesFormat_literalTemplate_interpolatesTheName() {
        assertThat(eval("States.Format('Hello, my name is {}.', $.name)", "{'name':'Arnav'}").asText())
                .isEqualTo("Hello, my name is Arnav.");
    }

    @Test
    void statesFormat_templateFromPath_interpolatesTheName() {
        assertThat(eval("States.Format($.template, $.name)", "{'name':'Arnav','template':'Hello, my name is {}.'}")
                .asText()).isEqualTo("Hello, my name is Arnav.");
    }

    /**
     * The page's nine nested intrinsics ({@code myArn}). As printed, the template {@code '{}.{}.{}'} has three
     * placeholders for two arguments, which the same page says is not allowed ("There must be as many remaining
     * arguments ... as there are occurrences of {}"): the printed example fails. With two placeholders it gives the
     * recipe version's major and minor parts.
     */
    @Test
    void nestedIntrinsics_imageRecipeArn_giveTheVersionPrefix() {
        String parts = "States.ArrayGetItem(States.StringSplit(States.ArrayGetItem("
                + "States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit("
                + "States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))";
        String input = "{'ImageRecipe':{'Arn':'arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.2.3'}}";

        assertThat(eval("States.Format('{}.{}', " + parts, input).asText()).isEqualTo("1.2");
        assertThat(failure("States.Format('{}.{}.{}', " + parts, input).error()).isEqualTo("States.Runtime");
    }

    /** Reserved characters: {@code \\'}, {@code \\{}, {@code \\}} and {@code \\\\} in a literal. */
    @Test
    void statesFormat_escapedReservedCharacters_appearLiterally() {
        assertThat(eval("States.Format('It\\'s \\{not\\} a \\\\ {}', $.x)", "{'x':'test'}").asText())
                .isEqualTo("It's {not} a \\ test");
    }

    @Test
    void statesArrayPartition_zeroChunkSize_failsWithIntrinsicFailure() {
        assertThat(failure("States.ArrayPartition($.inputArray, 0)", NINE).error()).isEqualTo("States.Runtime");
    }
}
