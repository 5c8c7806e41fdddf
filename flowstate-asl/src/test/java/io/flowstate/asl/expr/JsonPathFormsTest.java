package io.flowstate.asl.expr;

import static io.flowstate.asl.expr.TestJson.ctx;
import static io.flowstate.asl.expr.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The JSONPath forms AWS's documentation and samples use, each evaluated as AWS does. Sources: the developer
 * guide page "Using JSONPath paths" (amazon-states-language-paths.html), the compute blog post "Using JSONPath
 * effectively in AWS Step Functions" with its sample {@code aws-samples/serverless-account-signup-service}, and
 * Jayway JsonPath's syntax, which AWS's paths follow.
 */
class JsonPathFormsTest {
    /** The sample payload of aws-samples/serverless-account-signup-service (trimmed). */
    private static final String SIGNUP = "{'data':{'firstname':'Jane','interests':["
            + "{'category':'home','type':'own','yearBuilt':2004},"
            + "{'category':'auto','type':'car','yearBuilt':2012},"
            + "{'category':'boat','type':'snowmobile','yearBuilt':2020},"
            + "{'category':'home','type':'business','yearBuilt':2009}]}}";
    private static final String ITEMS = "{'items':[{'kind':'book','id':1,'price':8},{'kind':'pen','id':2,'price':12},"
            + "{'kind':'book','id':3,'price':30}],'nums':[3,1,2]}";

    private static JsonNodeAssert eval(String path, String input) {
        return new JsonNodeAssert(Path.compile(path).read(ctx(input)));
    }

    /**
     * AWS's sample behind "Using JSONPath effectively in AWS Step Functions" uses
     * {@code "InputPath": "$..interests[?(@.category==home)]"} to keep the home insurance interests: an unquoted
     * word in a comparison is the string it spells.
     */
    @Test
    void read_filterWithUnquotedWord_comparesWithThatString() {
        eval("$..interests[?(@.category==home)]", SIGNUP).is("[{'category':'home','type':'own','yearBuilt':2004},"
                + "{'category':'home','type':'business','yearBuilt':2009}]");
        eval("$.items[?(@.kind==book)].id", ITEMS).is("[1,3]");
        eval("$.items[?(@.kind == book)].id", ITEMS).is("[1,3]");
        eval("$.items[?(@.kind!=book)].id", ITEMS).is("[2]");
    }

    /** aws-samples/aws-batch-runtime-monitoring: a bare word may hold dots and dashes. */
    @Test
    void read_filterWithUnquotedDottedWord_comparesWithTheWholeWord() {
        eval("$.attributes[?(@.name==ecs.availability-zone)].value",
                "{'attributes':[{'name':'ecs.ami-id','value':'ami-1'},{'name':'ecs.availability-zone','value':'us-east-1a'}]}")
                .is("['us-east-1a']");
    }

    @Test
    void read_filterWithQuotedOrKeywordOperands_isUnchanged() {
        eval("$.items[?(@.kind=='book')].id", ITEMS).is("[1,3]");
        eval("$.items[?(@.kind == \"pen\")].id", ITEMS).is("[2]");
        eval("$.items[?(@.kind == 'a == b c')].id", ITEMS).is("[]");
        eval("$.flags[?(@.on == true)].n", "{'flags':[{'on':true,'n':1},{'on':'true','n':2}]}").is("[1]");
        eval("$.flags[?(@.on == null)].n", "{'flags':[{'on':null,'n':1},{'on':'null','n':2}]}").is("[1]");
    }

    /** "Using JSONPath paths": {@code $.jar[?(@.a >= 5)]} yields {@code [{"a": 5}, {"a": 7}]}. */
    @Test
    void read_filterComparingNumbers_keepsMatchingObjects() {
        eval("$.jar[?(@.a >= 5)]", "{'jar':[{'a':1},{'a':5},{'a':2},{'a':7},{'a':3}]}").is("[{'a':5},{'a':7}]");
        eval("$.items[?(@.price > 10)].id", ITEMS).is("[2,3]");
    }

    @Test
    void read_filterWithAndOr_combinesConditions() {
        eval("$.items[?(@.kind==book && @.price > 10)].id", ITEMS).is("[3]");
        eval("$.items[?(@.kind=='pen' || @.price > 20)].id", ITEMS).is("[2,3]");
        eval("$.items[?(!(@.kind=='book'))].id", ITEMS).is("[2]");
    }

    @Test
    void read_filterWithRegexInNinAndExistence_followsJayway() {
        eval("$.items[?(@.kind =~ /bo.*/)].id", ITEMS).is("[1,3]");
        eval("$.items[?(@.kind in ['pen','x'])].id", ITEMS).is("[2]");
        eval("$.items[?(@.kind nin ['pen'])].id", ITEMS).is("[1,3]");
        eval("$.items[?(@.missing)].id", ITEMS).is("[]");
        eval("$.items[?(@.price)].id", ITEMS).is("[1,2,3]");
    }

    @Test
    void read_deepScan_collectsEveryMatch() {
        eval("$..id", ITEMS).is("[1,2,3]");
        eval("$..interests[*].category", SIGNUP).is("['home','auto','boat','home']");
    }

    @Test
    void read_negativeIndexesAndSlices_countFromTheEnd() {
        eval("$.items[-1].id", ITEMS).is("3");
        eval("$.items[-2:].id", ITEMS).is("[2,3]");
        eval("$.items[0:2].id", ITEMS).is("[1,2]");
        eval("$.items[:1].id", ITEMS).is("[1]");
        eval("$.items[*].kind", ITEMS).is("['book','pen','book']");
        eval("$.items[0,2].id", ITEMS).is("[1,3]");
    }

    /** "Using JSONPath paths", "Flattening an array of arrays": {@code "flattenArray.$": "$[*][*]"}. */
    @Test
    void read_wildcardOfWildcard_flattensArrayOfArrays() {
        eval("$[*][*]", "[[1,2,3],[4,5,6]]").is("[1,2,3,4,5,6]");
    }

    /** "Using JSONPath paths" names {@code length()} as a function paths may call (only reference paths may not). */
    @Test
    void read_functions_computeOverTheSelectedArray() {
        eval("$.items.length()", ITEMS).is("3");
        eval("$.nums.max()", ITEMS).is("3.0");
        eval("$.nums.min()", ITEMS).is("1.0");
        eval("$.nums.sum()", ITEMS).is("6.0");
        eval("$.nums.avg()", ITEMS).is("2.0");
    }

    @Test
    void read_functionOnTheWrongKindOfValue_isNotFound() {
        assertThatThrownBy(() -> Path.compile("$.items.max()").read(ctx(ITEMS), "m.$"))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
    }

    @Test
    void compile_filterThatStaysInvalid_isASyntaxError() {
        for (String bad : new String[] {"$.items[?(@.kind==bo ok)]", "$.items[?(@.kind==)]", "$.items[?(@.kind=='x)]"}) {
            assertThatThrownBy(() -> Path.compile(bad)).as(bad).isInstanceOf(ExpressionSyntaxException.class);
        }
    }

    /** Fluent check of a JSON result written with single quotes. */
    private record JsonNodeAssert(com.fasterxml.jackson.databind.JsonNode actual) {
        void is(String expected) {
            assertThat(actual).isEqualTo(json(expected));
        }
    }
}
