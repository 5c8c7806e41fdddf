package io.flowstate.asl.jsonata;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.jsonata.JsonataEval.bindings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.expr.EvaluationException;
import org.junit.jupiter.api.Test;

/** Field values with {@code {% %}} expressions inside, and the field names AWS puts in its error causes. */
class JsonataTemplateTest {
    @Test
    void compile_withoutExpressions_isALiteralSharedAsIs() {
        var source = json("{'a':[1,'{%x'],'b':' {% 1 %}'}");
        assertThat(JsonataTemplate.compile(source)).isInstanceOf(JsonataTemplate.Literal.class);
    }

    @Test
    void evaluate_nestedExpressions_replaceTheirStrings() {
        var t = JsonataTemplate.compile(json("{'a':{'b':['{% $states.input.x %}', 2]},'c':'lit'}"));
        assertThat(t.evaluate(bindings("{'x':1}"), "Output").toString()).isEqualTo(json("{'a':{'b':[1,2]},'c':'lit'}").toString());
    }

    @Test
    void evaluate_undefined_namesTheFieldPath() {
        var t = JsonataTemplate.compile(json("{'a':{'b':['{% $nope %}']}}"));
        assertThatThrownBy(() -> t.evaluate(bindings("{}"), "Output"))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.QueryEvaluationError");
                    assertThat(e.cause()).isEqualTo("The JSONata expression '$nope' specified for the field "
                            + "'Output/a/b[0]' returned nothing (undefined).");
                    assertThat(e.location()).contains("Output/a/b[0]");
                });
    }

    @Test
    void evaluate_function_isAnUnsupportedResultType() {
        var t = JsonataTemplate.compile(json("'{% $fn := function($x){$x} %}'"));
        assertThatThrownBy(() -> t.evaluate(bindings("{}"), "Items")).isInstanceOfSatisfying(
                EvaluationException.class, e -> assertThat(e.cause()).isEqualTo("The JSONata expression "
                        + "'$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type."));
    }

    @Test
    void compile_badExpression_reportsWhereInsideTheField() {
        assertThatThrownBy(() -> JsonataTemplate.compile(json("{'a':[0,'{% a[1,2) %}']}")))
                .isInstanceOfSatisfying(JsonataTemplate.TemplateSyntaxException.class, e -> {
                    assertThat(e.at()).isEqualTo("/a[1]");
                    assertThat(e.expression()).isEqualTo("a[1,2)");
                });
    }
}
