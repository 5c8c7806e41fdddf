package io.flowstate.integrations.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.PayloadWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Log messages as AWS writes them, with and without {@code includeExecutionData}. */
class LogEventsTest {
    private static final String ARN = "arn:aws:states:us-east-1:123456789012:execution:m:e";
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00.123Z");

    @Test
    void message_taskScheduledWithoutData_leavesParametersOut() throws Exception {
        HistoryEvent e = new HistoryEvent(5, 4, AT, EventType.TASK_SCHEDULED, new EventDetails.TaskScheduled("lambda",
                "invoke", "us-east-1", Json.parse("{\"FunctionName\":\"f\"}"), Optional.of(30L), Optional.empty(),
                Optional.empty()));

        JsonNode m = Json.parse(LogEvents.message(e, ARN, 0, false, PayloadWriter.COMPACT));

        assertThat(Json.write(m)).isEqualTo("{\"id\":\"5\",\"type\":\"TaskScheduled\",\"details\":{\"resourceType\":"
                + "\"lambda\",\"resource\":\"invoke\",\"region\":\"us-east-1\",\"timeoutInSeconds\":30},"
                + "\"previous_event_id\":\"4\",\"event_timestamp\":\"" + AT.toEpochMilli() + "\",\"execution_arn\":\""
                + ARN + "\",\"redrive_count\":\"0\"}");
    }

    @Test
    void message_stateExitedWithAssignedVariables_dataOnlyWhenIncluded() throws Exception {
        HistoryEvent e = new HistoryEvent(3, 2, AT, EventType.PASS_STATE_EXITED, new EventDetails.StateExited("P",
                Json.parse("{\"a\":1}"), Optional.of(Map.of("x", Json.parse("\"v\"")))));

        JsonNode without = Json.parse(LogEvents.message(e, ARN, 2, false, PayloadWriter.COMPACT));
        JsonNode with = Json.parse(LogEvents.message(e, ARN, 2, true, PayloadWriter.COMPACT));

        assertThat(Json.write(without.path("details"))).isEqualTo("{\"name\":\"P\"}");
        assertThat(without.path("redrive_count").asText()).isEqualTo("2");
        assertThat(with.path("details").path("output").asText()).isEqualTo("{\"a\":1}");
        assertThat(with.path("details").path("outputDetails").path("truncated").asBoolean(true)).isFalse();
        assertThat(with.path("details").path("assignedVariables").path("x").asText()).isEqualTo("\"v\"");
    }
}
