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
