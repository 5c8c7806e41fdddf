package io.flowstate.asl.expr.intrinsic;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.expr.intrinsic.Calls.assertInvalid;
import static io.flowstate.asl.expr.intrinsic.Calls.eval;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class JsonFunctionsTest {
    @Test
    void jsonMerge_shallow_secondWins() {
        assertThat(eval("States.JsonMerge($.a, $.b, false)",
                "{'a':{'a':{'a1':1,'a2':2},'b':2,'d':3},'b':{'a':{'a3':1,'a4':2},'c':3,'d':4}}"))
                .isEqualTo(json("{'a':{'a3':1,'a4':2},'b':2,'d':4,'c':3}"));
    }

    @Test
    void jsonMerge_deepOrNonObjects_areInvalid() {
        assertInvalid("States.JsonMerge($.a, $.a, true)", "{'a':{}}", "States.JsonMerge");
        assertInvalid("States.JsonMerge($.a, $.b, false)", "{'a':{},'b':[]}", "States.JsonMerge");
        assertInvalid("States.JsonMerge($.a, $.a, 'false')", "{'a':{}}", "States.JsonMerge");
        assertInvalid("States.JsonMerge($.a, $.a)", "{'a':{}}", "States.JsonMerge");
    }

    @Test
    void stringToJson_parsesAnyJsonValue() {
        assertThat(eval("States.StringToJson($.s)", "{'s':'-0'}")).isEqualTo(json("0"));
        assertThat(eval("States.StringToJson($.s)", "{'s':'1.1'}")).isEqualTo(json("1.1"));
        assertThat(eval("States.StringToJson($.s)", "{'s':'null'}")).isEqualTo(json("null"));
        assertThat(eval("States.StringToJson('[1, 2, \"x\"]')")).isEqualTo(json("[1,2,'x']"));
        assertThat(eval("States.StringToJson('{\"foo\": \"bar\"}')")).isEqualTo(json("{'foo':'bar'}"));
    }

    @Test
    void stringToJson_blank_isNull() {
        assertThat(eval("States.StringToJson('')")).isEqualTo(json("null"));
        assertThat(eval("States.StringToJson(' ')")).isEqualTo(json("null"));
    }

    @Test
    void stringToJson_notJson_isInvalid() {
        assertInvalid("States.StringToJson('{oops')", "{}", "States.StringToJson");
        assertInvalid("States.StringToJson('1 2')", "{}", "States.StringToJson");
        assertInvalid("States.StringToJson($.o)", "{'o':{}}", "States.StringToJson");
    }

    @Test
    void jsonToString_compactJson() {
        assertThat(eval("States.JsonToString($.v)", "{'v':{'Arg1':1,'Arg2':[]}}")).isEqualTo(TextNode.valueOf("{\"Arg1\":1,\"Arg2\":[]}"));
        assertThat(eval("States.JsonToString($.v)", "{'v':'HelloWorld'}")).isEqualTo(TextNode.valueOf("\"HelloWorld\""));
        assertThat(eval("States.JsonToString($.v)", "{'v':null}")).isEqualTo(TextNode.valueOf("null"));
        assertThat(eval("States.JsonToString($.v)", "{'v':1.1}")).isEqualTo(TextNode.valueOf("1.1"));
    }
}
