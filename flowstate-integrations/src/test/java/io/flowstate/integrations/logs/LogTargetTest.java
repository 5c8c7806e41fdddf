package io.flowstate.integrations.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.EventType;
import org.junit.jupiter.api.Test;

/** What a stored loggingConfiguration selects: the target, and the events each level logs. */
class LogTargetTest {
    private static final String GROUP = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/vendedlogs/states/g:*";

    @Test
    void of_levelAndDestination_namesTheLogGroup() throws Exception {
        var t = LogTarget.of(Json.parse("{\"level\":\"ERROR\",\"includeExecutionData\":true,"
                + "\"destinations\":[{\"cloudWatchLogsLogGroup\":{\"logGroupArn\":\"" + GROUP + "\"}}]}"));
        assertThat(t).contains(new LogTarget(LogLevel.ERROR, true, "/aws/vendedlogs/states/g"));
    }

    @Test
    void of_levelOffOrNoDestination_isEmpty() throws Exception {
        assertThat(LogTarget.of(Json.parse("{\"level\":\"OFF\",\"destinations\":[{\"cloudWatchLogsLogGroup\":"
                + "{\"logGroupArn\":\"" + GROUP + "\"}}]}"))).isEmpty();
        assertThat(LogTarget.of(Json.parse("{\"level\":\"ALL\"}"))).isEmpty();
    }

    @Test
    void logs_eachLevel_selectsAwsEvents() {
        assertThat(LogLevel.ALL.logs(EventType.PASS_STATE_ENTERED)).isTrue();
        assertThat(LogLevel.ERROR.logs(EventType.FAIL_STATE_ENTERED)).isTrue();
        assertThat(LogLevel.ERROR.logs(EventType.TASK_FAILED)).isTrue();
        assertThat(LogLevel.ERROR.logs(EventType.EXECUTION_STARTED)).isFalse();
        assertThat(LogLevel.FATAL.logs(EventType.EXECUTION_FAILED)).isTrue();
        assertThat(LogLevel.FATAL.logs(EventType.FAIL_STATE_ENTERED)).isFalse();
        assertThat(LogLevel.OFF.logs(EventType.EXECUTION_FAILED)).isFalse();
    }
}
