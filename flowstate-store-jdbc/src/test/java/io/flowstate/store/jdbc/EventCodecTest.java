package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.runtime.StoredEvents;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.000000001Z");

    @Test
    void writeRead_everyDetailsType_roundTripsEqual() {
        List<HistoryEvent> events = StoredEvents.everyDetailsType(T0);

        assertThat(events).allSatisfy(e -> assertThat(EventCodec.read(EventCodec.write(e))).isEqualTo(e));
    }

    @Test
    void batch_everyDetailsType_roundTripsEqual() {
        List<HistoryEvent> events = StoredEvents.everyDetailsType(T0);

        assertThat(EventCodec.readBatch(EventCodec.writeBatch(events, new PayloadTexts()))).isEqualTo(events);
    }

    /** A state's output is the next state's input: the batch writes that text once and reads it back twice. */
    @Test
    void batch_payloadRepeatedAcrossEvents_writtenOnceAndReadEqual() throws Exception {
        com.fasterxml.jackson.databind.JsonNode big = io.flowstate.asl.json.Json.parse(
                "{\"order\":{\"id\":\"ord-000123\",\"items\":3},\"tags\":[\"alpha\",\"beta\"]}");
        com.fasterxml.jackson.databind.JsonNode small = io.flowstate.asl.json.Json.parse("{\"a\":1}");
        List<HistoryEvent> events = List.of(
                new HistoryEvent(1, 0, T0, io.flowstate.engine.history.EventType.EXECUTION_STARTED,
                        new EventDetails.ExecutionStarted(big, "arn:role", java.util.Optional.empty(), java.util.Optional.empty())),
                new HistoryEvent(2, 1, T0, io.flowstate.engine.history.EventType.PASS_STATE_ENTERED,
                        new EventDetails.StateEntered("P", big)),
                new HistoryEvent(3, 2, T0, io.flowstate.engine.history.EventType.PASS_STATE_EXITED,
                        new EventDetails.StateExited("P", small, java.util.Optional.empty())),
                new HistoryEvent(4, 3, T0, io.flowstate.engine.history.EventType.EXECUTION_SUCCEEDED,
                        new EventDetails.Output(big)));

        String batch = EventCodec.writeBatch(events, new PayloadTexts());

        assertThat(batch.split("ord-000123", -1)).hasSize(2);
        assertThat(batch).contains("\"input@\":\"0.input\"", "\"output@\":\"0.input\"");
        assertThat(EventCodec.readBatch(batch)).isEqualTo(events);
    }

    @Test
    void readBatch_referenceToNowhere_throwsIllegalArgument() {
        String dangling = "[{\"id\":1,\"previousEventId\":0,\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"type\":\"EXECUTION_SUCCEEDED\",\"details\":{\"kind\":\"Output\",\"output@\":\"5.output\"}}]";

        assertThatThrownBy(() -> EventCodec.readBatch(dangling))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5.output");
    }

    @Test
    void fixture_everyDetailsType_coversEveryPermittedSubclass() {
        Set<Class<?>> covered = StoredEvents.everyDetailsType(T0).stream().map(e -> e.details().getClass())
                .collect(Collectors.toSet());

        assertThat(covered).containsExactlyInAnyOrderElementsOf(Arrays.asList(EventDetails.class.getPermittedSubclasses()));
    }

    @Test
    void read_unknownKind_throwsIllegalArgument() {
        assertThatThrownBy(() -> EventCodec.read("{\"id\":1,\"previousEventId\":0,\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"type\":\"PASS_STATE_ENTERED\",\"details\":{\"kind\":\"Nope\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
    }
}
