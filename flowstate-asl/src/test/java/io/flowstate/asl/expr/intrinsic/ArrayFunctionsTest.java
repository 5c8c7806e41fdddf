package io.flowstate.asl.expr.intrinsic;

import static io.flowstate.asl.expr.TestJson.json;
import static io.flowstate.asl.expr.intrinsic.Calls.assertInvalid;
import static io.flowstate.asl.expr.intrinsic.Calls.eval;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayFunctionsTest {
    @Test
    void array_anyArguments_buildsAnArrayInOrder() {
        assertThat(eval("States.Array()")).isEqualTo(json("[]"));
        assertThat(eval("States.Array($.a, $.b, 'x')", "{'a':{'k':[]},'b':null}")).isEqualTo(json("[{'k':[]},null,'x']"));
    }

    @Test
    void arrayPartition_chunks_lastOneShorter() {
        assertThat(eval("States.ArrayPartition($.a, 4)", "{'a':[1,2,3,4,5,6,7,8,9]}")).isEqualTo(json("[[1,2,3,4],[5,6,7,8],[9]]"));
        assertThat(eval("States.ArrayPartition($.a, 5)", "{'a':[]}")).isEqualTo(json("[]"));
        assertThat(eval("States.ArrayPartition($.a, 2147483647)", "{'a':[1,2]}")).isEqualTo(json("[[1,2]]"));
    }

    @Test
    void arrayPartition_fractionalSize_isTruncated() {
        assertThat(eval("States.ArrayPartition($.a, 2.6)", "{'a':[1,2,3,4,5]}")).isEqualTo(json("[[1,2],[3,4],[5]]"));
    }

    @Test
    void arrayPartition_badArguments_areInvalid() {
        String fn = "States.ArrayPartition";
        assertInvalid("States.ArrayPartition($.a, 0)", "{'a':[1]}", fn);
        assertInvalid("States.ArrayPartition($.a, 0.6)", "{'a':[1]}", fn);
        assertInvalid("States.ArrayPartition($.a, -1)", "{'a':[1]}", fn);
        assertInvalid("States.ArrayPartition('x', 2)", "{}", fn);
        assertInvalid("States.ArrayPartition($.a, '2')", "{'a':[1]}", fn);
        assertInvalid("States.ArrayPartition($.a)", "{'a':[1]}", fn);
        assertInvalid("States.ArrayPartition($.a, 1, 2)", "{'a':[1]}", fn);
    }

    @Test
    void arrayContains_deepEquality() {
        assertThat(eval("States.ArrayContains($.a, $.v)", "{'a':[[1,2,3],2],'v':[1,2,3]}")).isEqualTo(json("true"));
        assertThat(eval("States.ArrayContains($.a, $.v)", "{'a':[{'1':2,'2':[]}],'v':{'2':[],'1':2}}")).isEqualTo(json("true"));
        assertThat(eval("States.ArrayContains($.a, $.v)", "{'a':[],'v':null}")).isEqualTo(json("false"));
        assertThat(eval("States.ArrayContains($.a, 1)", "{'a':[1.0]}")).isEqualTo(json("true"));
        assertThat(eval("States.ArrayContains($.a, $.v)", "{'a':[true,false],'v':false}")).isEqualTo(json("true"));
        assertInvalid("States.ArrayContains($.a, 1)", "{'a':{}}", "States.ArrayContains");
    }

    @Test
    void arrayRange_inclusiveWithStep() {
        assertThat(eval("States.ArrayRange(1, 9, 2)")).isEqualTo(json("[1,3,5,7,9]"));
        assertThat(eval("States.ArrayRange(0, 10, 3)")).isEqualTo(json("[0,3,6,9]"));
        assertThat(eval("States.ArrayRange(5, 1, -2)")).isEqualTo(json("[5,3,1]"));
        assertThat(eval("States.ArrayRange(3, 3, -1)")).isEqualTo(json("[3]"));
        assertThat(eval("States.ArrayRange(5, 1, 1)")).isEqualTo(json("[]"));
        assertThat(eval("States.ArrayRange(1.6, 1.4, 1)")).isEqualTo(json("[1]"));
    }

    @Test
    void arrayRange_atMostAThousandItems() {
        assertThat(eval("States.ArrayRange(1, 1000, 1)").size()).isEqualTo(1000);
        assertThat(eval("States.ArrayRange(1000, 1, -1)").size()).isEqualTo(1000);
        assertInvalid("States.ArrayRange(1, 1001, 1)", "{}", "States.ArrayRange");
        assertInvalid("States.ArrayRange(1001, 1, -1)", "{}", "States.ArrayRange");
    }

    @Test
    void arrayRange_badArguments_areInvalid() {
        String fn = "States.ArrayRange";
        assertInvalid("States.ArrayRange(1, 10, 0)", "{}", fn);
        assertInvalid("States.ArrayRange(1, 10, 0.49)", "{}", fn);
        assertInvalid("States.ArrayRange('a', 5, 1)", "{}", fn);
        assertInvalid("States.ArrayRange(1, 5)", "{}", fn);
    }

    @Test
    void arrayGetItem_returnsTheItem() {
        assertThat(eval("States.ArrayGetItem($.a, $.i)", "{'a':[1,2,3,4,5,6,7,8,9],'i':5}")).isEqualTo(json("6"));
        assertThat(eval("States.ArrayGetItem($.a, 1.2)", "{'a':[10,20,30]}")).isEqualTo(json("20"));
        assertThat(eval("States.ArrayGetItem($.a, 0)", "{'a':[null]}")).isEqualTo(json("null"));
    }

    @Test
    void arrayGetItem_outOfRange_failsExceptOnAnEmptyArray() {
        assertInvalid("States.ArrayGetItem($.a, 3)", "{'a':[10,20,30]}", "States.ArrayGetItem");
        assertInvalid("States.ArrayGetItem($.a, -1)", "{'a':[10,20,30]}", "States.ArrayGetItem");
        assertInvalid("States.ArrayGetItem($.a, '1')", "{'a':[10,20,30]}", "States.ArrayGetItem");
        assertThat(eval("States.ArrayGetItem($.a, 999)", "{'a':[]}")).isEqualTo(json("null"));
    }

    @Test
    void arrayLength_countsItems() {
        assertThat(eval("States.ArrayLength($.a)", "{'a':[null,null,true,[],{}]}")).isEqualTo(json("5"));
        assertInvalid("States.ArrayLength($.a)", "{'a':'abc'}", "States.ArrayLength");
    }

    @Test
    void arrayUnique_keepsFirstOccurrences() {
        assertThat(eval("States.ArrayUnique($.a)", "{'a':[1,2,2,3,3,4]}")).isEqualTo(json("[1,2,3,4]"));
        assertThat(eval("States.ArrayUnique($.a)",
                "{'a':[null,null,true,true,1,1,1.1,'x','x',[],[],[null],[null],{'a':1,'b':2},{'b':2,'a':1},{'a':1,'b':1}]}"))
                .isEqualTo(json("[null,true,1,1.1,'x',[],[null],{'a':1,'b':2},{'a':1,'b':1}]"));
        assertInvalid("States.ArrayUnique(1)", "{}", "States.ArrayUnique");
    }
}
