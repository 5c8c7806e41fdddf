package io.flowstate.asl.expr.intrinsic;

import static io.flowstate.asl.expr.TestJson.ctx;
import static io.flowstate.asl.expr.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.expr.ExpressionSyntaxException;
import io.flowstate.asl.expr.IntrinsicCall;
import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.ValueExpression;
import org.junit.jupiter.api.Test;

class IntrinsicParserTest {
    @Test
    void parse_literals_haveTheirJsonTypes() {
        IntrinsicCall call = IntrinsicParser.parse("States.Array('a', 1, -2.5, 1e2, true, false, null)");
        assertThat(call.function()).isSameAs(StatesArray.INSTANCE);
        assertThat(call.evaluate(ctx("{}"))).isEqualTo(json("['a',1,-2.5,100.0,true,false,null]"));
    }

    @Test
    void parse_stringEscapes_areResolved() {
        IntrinsicCall call = IntrinsicParser.parse("States.Array('it\\'s', '\\{\\}', 'back\\\\slash', 'multi\nline')");
        assertThat(call.evaluate(ctx("{}")).get(0).textValue()).isEqualTo("it's");
        assertThat(call.evaluate(ctx("{}")).get(1).textValue()).isEqualTo("{}");
        assertThat(call.evaluate(ctx("{}")).get(2).textValue()).isEqualTo("back\\slash");
        assertThat(call.evaluate(ctx("{}")).get(3).textValue()).isEqualTo("multi\nline");
        assertThat(call.arguments().get(1)).isEqualTo(new Argument.StringLiteral("{}", "\\{\\}"));
    }

    @Test
    void parse_pathArguments_acceptBracketsFiltersAndAllRoots() {
        IntrinsicCall call = IntrinsicParser.parse(
                "States.Array($.a, $['b c'], $.list[?(@.v > 1)], $$.State.Name, $.list[0,1] , $)");
        assertThat(call.arguments().get(1)).isEqualTo(new Argument.PathArgument(Path.compile("$['b c']")));
        assertThat(call.evaluate(ctx("{'a':1,'b c':2,'list':[{'v':1},{'v':2}]}")).toString())
                .isEqualTo("[1,2,[{\"v\":2}],\"S\",[{\"v\":1},{\"v\":2}],{\"a\":1,\"b c\":2,\"list\":[{\"v\":1},{\"v\":2}]}]");
    }

    @Test
    void parse_nestedCalls_areEvaluatedInsideOut() {
        // Corpus intrinsic_functions/generic.nested_calls_2.
        ValueExpression e = ValueExpression.compile("States.ArrayGetItem(States.StringSplit($$.Execution.Name, '-'),"
                + " States.MathAdd(States.ArrayLength(States.StringSplit($$.Execution.Name, '-')), -1))");
        assertThat(e).isInstanceOf(IntrinsicCall.class);
        assertThat(e.evaluate(ctx("{}"))).isEqualTo(json("'1'"));
    }

    @Test
    void parse_noArguments_isAllowed() {
        assertThat(IntrinsicParser.parse("States.Array()").arguments()).isEmpty();
        assertThat(IntrinsicParser.parse("States.UUID( )").arguments()).isEmpty();
    }

    @Test
    void parse_wrongArity_isAcceptedAndFailsAtRunTime() {
        IntrinsicCall call = IntrinsicParser.parse("States.Hash('x')");
        assertThatThrownBy(() -> call.evaluate(ctx("{}")))
                .hasMessage("Invalid arguments in States.Hash");
    }

    @Test
    void parse_malformed_throwsSyntaxErrorNamingTheText() {
        String[] bad = {
            "States.Nope(1)", "States.Format('x'", "States.Format('x)", "States.Format('a\\nb')",
            "States.Array(1,)", "States.Array(1 2)", "States.Array(foo)", "States.Array(1))", "States.Array",
            "States.Array($.)", "States.Array(--1)",
        };
        for (String text : bad) {
            assertThatThrownBy(() -> IntrinsicParser.parse(text)).as(text)
                    .isInstanceOf(ExpressionSyntaxException.class)
                    .hasMessageContaining(text.startsWith("States.Nope") ? "States.Nope" : text);
        }
    }
}
