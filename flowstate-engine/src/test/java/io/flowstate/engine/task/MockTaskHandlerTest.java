package io.flowstate.engine.task;

import static io.flowstate.engine.Machines.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.engine.task.mock.MockConfig;
import io.flowstate.engine.task.mock.MockTaskHandler;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MockTaskHandlerTest {
    private static final MockConfig CONFIG = MockConfig.of(json("{'StateMachines':{'sm':{'TestCases':{'Retry':{'T':'Flaky'}}}},"
            + "'MockedResponses':{'Flaky':{'0-1':{'Throw':{'Error':'Lambda.TooManyRequestsException','Cause':'slow down'}},"
            + "'2':{'Return':{'ok':true}}}}}"));

    private static TaskInvocation call(String state) {
        return new TaskInvocation("arn:aws:lambda:us-east-1:1:function:f", json("{}"), "arn", state, 0,
                Optional.empty(), Optional.empty());
    }

    @Test
    void invoke_rangesOfInvocations_answerEachCallInTurn() {
        MockTaskHandler h = new MockTaskHandler(CONFIG, "sm", "Retry", TaskHandlers.unbound());

        assertThat(h.invoke(call("T"))).isEqualTo(TaskOutcome.Failure.of("Lambda.TooManyRequestsException", "slow down"));
        assertThat(h.invoke(call("T"))).isInstanceOf(TaskOutcome.Failure.class);
        assertThat(h.invoke(call("T"))).isEqualTo(new TaskOutcome.Success(json("{'ok':true}")));
        assertThat(h.invoke(call("T"))).isInstanceOf(TaskOutcome.Failure.class);
    }

    @Test
    void invoke_unmockedState_goesToFallback() {
        MockTaskHandler h = new MockTaskHandler(CONFIG, "sm", "Retry", inv -> new TaskOutcome.Success(json("1")));

        assertThat(h.invoke(call("Other"))).isEqualTo(new TaskOutcome.Success(json("1")));
    }

    @Test
    void of_responseWithBothReturnAndThrow_isRejectedWithMessage() {
        assertThatThrownBy(() -> MockConfig.of(json("{'StateMachines':{},'MockedResponses':{'X':{'0':{'Return':1,'Throw':{}}}}}")))
                .hasMessageContaining("exactly one of 'Return' or 'Throw'");
    }

    @Test
    void testCase_unknownName_isRejectedWithMessage() {
        assertThatThrownBy(() -> CONFIG.testCase("sm", "Nope")).hasMessageContaining("no test case 'Nope'");
    }
}
