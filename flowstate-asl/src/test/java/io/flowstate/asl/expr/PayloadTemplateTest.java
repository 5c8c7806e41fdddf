package io.flowstate.asl.expr;

import static io.flowstate.asl.expr.TestJson.ctx;
import static io.flowstate.asl.expr.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PayloadTemplateTest {
    @Test
    void evaluate_dollarKeys_areEvaluatedAndLoseTheirSuffix() {
        PayloadTemplate t = PayloadTemplate.compile(json(
                "{'literal':'x','item.$':'$.items[0]','name.$':'$$.State.Name','sum.$':'States.MathAdd($.n, 1)'}"));
        assertThat(t.evaluate(ctx("{'items':[{'k':1}],'n':41}")))
                .isEqualTo(json("{'literal':'x','item':{'k':1},'name':'S','sum':42}"));
    }

    @Test
    void evaluate_nestedObjectsAndArrays_areTemplatesToo() {
        PayloadTemplate t = PayloadTemplate.compile(json(
                "{'outer':{'inner.$':'$.v'},'list':[1,{'x.$':'$.v'},[{'y.$':'$.v'}]]}"));
        assertThat(t.evaluate(ctx("{'v':'V'}")))
                .isEqualTo(json("{'outer':{'inner':'V'},'list':[1,{'x':'V'},[{'y':'V'}]]}"));
    }

    @Test
    void evaluate_constantTemplate_returnsTheSourceItself() {
        JsonNode source = json("{'a':[1,2],'b':{'c':'d'}}");
        assertThat(PayloadTemplate.compile(source).evaluate(ctx("{}"))).isSameAs(source);
    }

    @Test
    void evaluate_constantSubtree_isSharedAndSelectedValuesAreNotCopied() {
        JsonNode source = json("{'const':{'c':[1]},'v.$':'$.big'}");
        EvalContext ctx = ctx("{'big':{'deep':[1,2,3]}}");
        JsonNode out = PayloadTemplate.compile(source).evaluate(ctx);
        assertThat(out.get("const")).isSameAs(source.get("const"));
        assertThat(out.get("v")).isSameAs(ctx.input().get("big"));
    }

    @Test
    void evaluate_pathMatchingNothing_namesTheKeyAndTheInput() {
        PayloadTemplate t = PayloadTemplate.compile(json("{'value.$':'$.no_such_jsonpath'}"));
        assertThatThrownBy(() -> t.evaluate(ctx("{'int-literal':0}")))
                .isInstanceOfSatisfying(EvaluationException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).isEqualTo("The JSONPath '$.no_such_jsonpath' specified for the field 'value.$'"
                            + " could not be found in the input '{\"int-literal\":0}'");
                });
    }

    @Test
    void evaluate_intrinsicPathArgumentMatchingNothing_namesTheKey() {
        PayloadTemplate t = PayloadTemplate.compile(
                TestJson.MAPPER.createObjectNode().put("h.$", "States.Hash($.missing, 'SHA-256')"));
        assertThatThrownBy(() -> t.evaluate(ctx("{}")))
                .isInstanceOfSatisfying(EvaluationException.class, e -> assertThat(e.cause())
                        .isEqualTo("The JSONPath '$.missing' specified for the field 'h.$' could not be found in the input '{}'"));
    }

    @Test
    void compile_nonStringDollarValue_isASyntaxErrorNamingTheKey() {
        assertThatThrownBy(() -> PayloadTemplate.compile(json("{'a':{'bad.$':42}}")))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("'bad.$'");
    }

    @Test
    void compile_invalidExpression_isASyntaxErrorNamingKeyAndText() {
        assertThatThrownBy(() -> PayloadTemplate.compile(json("{'x.$':'not a path'}")))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("'x.$'").hasMessageContaining("not a path");
        assertThatThrownBy(() -> PayloadTemplate.compile(json("{'x.$':'States.Nope(1)'}")))
                .isInstanceOf(ExpressionSyntaxException.class)
                .hasMessageContaining("States.Nope");
    }

    @Test
    void source_isTheTemplateAsWritten() {
        JsonNode source = json("{'a.$':'$'}");
        assertThat(PayloadTemplate.compile(source).source()).isSameAs(source);
    }
}
