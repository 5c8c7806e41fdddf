package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A Map whose ItemsPath reads the context object and finds no array fails with AWS's bare
 * {@code Reference path "$.Execution.Input" must point to array.} (recorded on AWS: TestState
 * state_map_context_object-EXECUTION_INPUT and -ALL, where {@code $$} is named {@code $}).
 */
class MapContextItemsPathTest {
    private static Execution run(String itemsPath) {
        return Interpreter.start(parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemsPath':'" + itemsPath + "',"
                + "'ItemProcessor':{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}"),
                info(json("{'a':1}")), T0).execution();
    }

    @Test
    void start_contextItemsPathNotAnArray_failsNamingThePathInsideTheContext() {
        Execution exec = run("$$.Execution.Input");

        assertThat(exec.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(exec.failure().orElseThrow().error()).isEqualTo("States.Runtime");
        assertThat(exec.failure().orElseThrow().cause()).contains("Reference path \"$.Execution.Input\" must point to array.");
    }

    @Test
    void start_wholeContextObject_isNamedDollar() {
        assertThat(run("$$").failure().orElseThrow().cause()).contains("Reference path \"$\" must point to array.");
    }

    @Test
    void start_inputItemsPathNotAnArray_keepsTheStatePrefixedMessage() {
        assertThat(run("$.a").failure().orElseThrow().cause().orElseThrow())
                .startsWith("An error occurred while executing the state 'M'").contains("Map state input must be an array");
    }
}
