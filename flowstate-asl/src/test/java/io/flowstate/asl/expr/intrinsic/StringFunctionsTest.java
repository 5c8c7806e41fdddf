package io.flowstate.asl.expr.intrinsic;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.expr.intrinsic.Calls.assertInvalid;
import static io.flowstate.asl.expr.intrinsic.Calls.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flowstate.asl.expr.EvalContext;
import io.flowstate.asl.expr.Variables;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StringFunctionsTest {
    @Test
    void format_replacesPlaceholdersInOrder() {
        assertThat(eval("States.Format('Hello, my name is {}.', $.name)", "{'name':'Arnav'}"))
                .isEqualTo(TextNode.valueOf("Hello, my name is Arnav."));
        assertThat(eval("States.Format($.template, $.name)", "{'template':'Hi {}!','name':'Ada'}"))
                .isEqualTo(TextNode.valueOf("Hi Ada!"));
        assertThat(eval("States.Format('no placeholders')")).isEqualTo(TextNode.valueOf("no placeholders"));
    }

    @Test
    void format_valuesRenderLikeJavaToString() {
        // Recorded: objects as {k=v, ...}, null as null, numbers as written (corpus generic.format_*).
        assertThat(eval("States.Format('{}|{}|{}|{}|{}|{}', $.s, $.n, $.i, $.d, $.b, $.o)",
                "{'s':'x','n':null,'i':1,'d':1.1,'b':false,'o':{'Arg1':1,'Arg2':[],'s':'t','l':[1,'a',{'z':null}]}}"))
                .isEqualTo(TextNode.valueOf("x|null|1|1.1|false|{Arg1=1, Arg2=[], s=t, l=[1, a, {z=null}]}"));
    }

    @Test
    void format_escapedBracesInALiteral_stayBraces() {
        assertThat(eval("States.Format('\\{\"key\":\"{}\"\\}', $.value)", "{'value':'test123'}"))
                .isEqualTo(TextNode.valueOf("{\"key\":\"test123\"}"));
        assertThat(eval("States.Format('Name: \\'{}\\'', $.n)", "{'n':'G'}")).isEqualTo(TextNode.valueOf("Name: 'G'"));
    }

    @Test
    void format_countMismatchOrStrayBraces_areInvalid() {
        String fn = "States.Format";
        assertInvalid("States.Format('{} {}', $.a)", "{'a':'x'}", fn);
        assertInvalid("States.Format('{}', $.a, $.a)", "{'a':'x'}", fn);
        assertInvalid("States.Format('Hello {', $.a)", "{'a':'x'}", fn);
        assertInvalid("States.Format('Hello {{}}', $.a)", "{'a':'x'}", fn);
        assertInvalid("States.Format('}')", "{}", fn);
        assertInvalid("States.Format($.t, $.a)", "{'t':123,'a':'x'}", fn);
        assertInvalid("States.Format()", "{}", fn);
    }

    @Test
    void stringSplit_onAnyDelimiterCharacter_dropsEmptyPieces() {
        // Recorded AWS results (corpus string_operations.string_split-*).
        assertThat(eval("States.StringSplit($.s, $.d)", "{'s':'This.is+a,test=string','d':'.+,='}"))
                .isEqualTo(json("['This','is','a','test','string']"));
        assertThat(eval("States.StringSplit($.s, ',')", "{'s':', , ,'}")).isEqualTo(json("[' ',' ']"));
        assertThat(eval("States.StringSplit($.s, ',')", "{'s':',,,,'}")).isEqualTo(json("[]"));
        assertThat(eval("States.StringSplit('split on T and \nnew line', 'T\n')"))
                .isEqualTo(json("['split on ',' and ','new line']"));
        assertInvalid("States.StringSplit(1, ',')", "{}", "States.StringSplit");
    }

    @Test
    void uuid_version4FromTheContextsRandomSource() {
        EvalContext a = new EvalContext(json("{}"), NullNode.getInstance(), Variables.NONE, new Random(5));
        EvalContext b = new EvalContext(json("{}"), NullNode.getInstance(), Variables.NONE, new Random(5));
        String uuid = eval("States.UUID()", a).textValue();
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(eval("States.UUID()", b).textValue()).isEqualTo(uuid);
        assertInvalid("States.UUID(1)", "{}", "States.UUID");
    }
}
