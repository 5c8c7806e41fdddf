package io.flowstate.asl.expr;

import static io.flowstate.asl.expr.TestJson.ctx;
import static io.flowstate.asl.expr.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTest {
    private static final String INPUT = "{'a':{'b':[10,20,{'c':'x'}],'n':null},'users':[{'y':1997,'s':0},{'y':1998,'s':1}],'k-1':5}";

    @Test
    void compile_roots_areRecognised() {
        assertThat(Path.compile("$").root()).isEqualTo(Path.Root.INPUT);
        assertThat(Path.compile("$.a").root()).isEqualTo(Path.Root.INPUT);
        assertThat(Path.compile("$['a']").root()).isEqualTo(Path.Root.INPUT);
        assertThat(Path.compile("$$").root()).isEqualTo(Path.Root.CONTEXT);
        assertThat(Path.compile("$$.State.Name").root()).isEqualTo(Path.Root.CONTEXT);
        Path variable = Path.compile("$myVar.items[0]");
        assertThat(variable.root()).isEqualTo(Path.Root.VARIABLE);
        assertThat(variable.variable()).contains("myVar");
    }

    @Test
    void isDefinite_fieldsAndIndexes_areReferencePaths() {
        assertThat(Path.compile("$").isDefinite()).isTrue();
        assertThat(Path.compile("$.a.b[2].c").isDefinite()).isTrue();
        assertThat(Path.compile("$['a']['b'][-1]").isDefinite()).isTrue();
        assertThat(Path.compile("$.a[*]").isDefinite()).isFalse();
        assertThat(Path.compile("$.a[1:2]").isDefinite()).isFalse();
        assertThat(Path.compile("$..c").isDefinite()).isFalse();
        assertThat(Path.compile("$.a[0,1]").isDefinite()).isFalse();
        assertThat(Path.compile("$.users[?(@.s == 0)]").isDefinite()).isFalse();
    }

    @Test
    void read_referencePath_returnsTheSharedNode() {
        EvalContext ctx = ctx(INPUT);
        assertThat(Path.compile("$").read(ctx)).isSameAs(ctx.input());
        assertThat(Path.compile("$.a.b[2]").read(ctx)).isSameAs(ctx.input().get("a").get("b").get(2));
        assertThat(Path.compile("$.a.b[2].c").read(ctx)).isEqualTo(json("'x'"));
        assertThat(Path.compile("$['a']['b'][0]").read(ctx)).isEqualTo(json("10"));
        assertThat(Path.compile("$.k-1").read(ctx)).isEqualTo(json("5"));
    }

    @Test
    void read_negativeIndex_countsFromTheEnd() {
        assertThat(Path.compile("$.a.b[-1].c").read(ctx(INPUT))).isEqualTo(json("'x'"));
    }

    @Test
    void read_nullValue_isPresent() {
        assertThat(Path.compile("$.a.n").find(ctx(INPUT))).contains(json("null"));
    }

    @Test
    void read_bracketNameWithEscapedQuotes_keepsBackslashesAsWritten() {
        // Corpus scenarios/escape_sequence_parsing-ESCAPE_SEQUENCES_JSONPATH: the key really contains a backslash.
        EvalContext ctx = new EvalContext(json("{}").deepCopy(), json("{}"), Variables.NONE);
        var input = TestJson.MAPPER.createObjectNode().put("Test\\\"\"Name\"", "v");
        assertThat(Path.compile("$['Test\\\"\"Name\"']").read(ctx.withInput(input))).isEqualTo(json("'v'"));
    }

    @Test
    void read_missingLeaf_failsWithJaywaysNoResultsMessage() {
        assertThatThrownBy(() -> Path.compile("$.NoSuchInputPath").read(ctx("{'int-literal':0}")))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("Invalid path '$.NoSuchInputPath' : No results for path: $['NoSuchInputPath']");
                });
    }

    @Test
    void read_missingIntermediate_failsWithJaywaysMissingPropertyMessage() {
        assertThatThrownBy(() -> Path.compile("$.no.such.result.path").read(ctx("{}")))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("Invalid path '$.no.such.result.path' : Missing property in path $['no']"));
    }

    @Test
    void read_indexOutOfRange_failsWithNoResults() {
        assertThatThrownBy(() -> Path.compile("$.a.b[3]").read(ctx(INPUT)))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("Invalid path '$.a.b[3]' : No results for path: $['a']['b'][3]"));
    }

    @Test
    void readForField_missing_failsWithCouldNotBeFoundInTheInput() {
        assertThatThrownBy(() -> Path.compile("$.no_such_jsonpath").read(ctx("{'int-literal': 0}"), "value.$"))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the field 'value.$'"
                            + " could not be found in the input '{\"int-literal\":0}'");
                });
    }

    @Test
    void find_missing_isEmpty() {
        assertThat(Path.compile("$.a.zzz").find(ctx(INPUT))).isEmpty();
        assertThat(Path.compile("$.a.b.c").find(ctx(INPUT))).isEmpty();
        assertThat(Path.compile("$.a.b[9]").find(ctx(INPUT))).isEmpty();
    }

    @Test
    void read_wildcardSliceUnionDeepScanFilter_returnArrays() {
        EvalContext ctx = ctx(INPUT);
        assertThat(Path.compile("$.a.b[*]").read(ctx)).isEqualTo(json("[10,20,{'c':'x'}]"));
        assertThat(Path.compile("$.a.b[0:2]").read(ctx)).isEqualTo(json("[10,20]"));
        assertThat(Path.compile("$.a.b[-1:]").read(ctx)).isEqualTo(json("[{'c':'x'}]"));
        assertThat(Path.compile("$.a.b[0,1]").read(ctx)).isEqualTo(json("[10,20]"));
        assertThat(Path.compile("$..c").read(ctx)).isEqualTo(json("['x']"));
        assertThat(Path.compile("$.users[?(@.s == 0)]").read(ctx)).isEqualTo(json("[{'y':1997,'s':0}]"));
        assertThat(Path.compile("$.users[*].y").read(ctx)).isEqualTo(json("[1997,1998]"));
    }

    @Test
    void read_indefinitePathMatchingNothing_returnsEmptyArray() {
        // Corpus base/json_path_array_wildcard_or_slice_with_no_input-*: AWS yields [] rather than failing.
        EvalContext ctx = ctx("{}");
        for (String p : new String[] {"$.items[*]", "$.item.items[1:5].itemValue", "$[*]", "$.items[:1]", "$.items[*].itemValue"}) {
            assertThat(Path.compile(p).read(ctx)).as(p).isEqualTo(json("[]"));
        }
    }

    @Test
    void read_contextAndVariables_useTheirDocuments() {
        assertThat(Path.compile("$$.State.Name").read(ctx("{}"))).isEqualTo(json("'S'"));
        EvalContext withVars = ctx("{}", Map.of("items", json("[1,2,3]"), "obj", json("{'a':{'b':true}}")));
        assertThat(Path.compile("$items").read(withVars)).isEqualTo(json("[1,2,3]"));
        assertThat(Path.compile("$items[1]").read(withVars)).isEqualTo(json("2"));
        assertThat(Path.compile("$obj.a.b").read(withVars)).isEqualTo(json("true"));
        assertThat(Path.compile("$items[*]").read(withVars)).isEqualTo(json("[1,2,3]"));
        assertThat(Path.compile("$missing").find(withVars)).isEmpty();
    }

    @Test
    void compile_invalidText_throwsSyntaxErrorNamingTheText() {
        for (String bad : new String[] {"", "a.b", "$.", "$[", "$.a[?(@.x ==", "$1abc", "$.a..", "$['a'"}) {
            assertThatThrownBy(() -> Path.compile(bad)).as(bad)
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
    }
}
