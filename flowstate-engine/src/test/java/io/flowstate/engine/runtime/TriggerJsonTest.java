package io.flowstate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.interp.Trigger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The journal's trigger documents: what is written reads back as the same trigger. */
class TriggerJsonTest {
    @Test
    void readWrite_updateMapRunWithEveryField_roundTrips() {
        Trigger t = new Trigger.UpdateMapRun("arn:aws:states:us-east-1:1:mapRun:m/l:id", Optional.of(7),
                Optional.of(12.5), Optional.of(3L));

        assertThat(TriggerJson.read(TriggerJson.write(t))).isEqualTo(t);
    }

    @Test
    void readWrite_updateMapRunWithOneField_keepsTheOthersAbsent() {
        Trigger t = new Trigger.UpdateMapRun("arn:x", Optional.empty(), Optional.empty(), Optional.of(0L));

        assertThat(TriggerJson.read(TriggerJson.write(t))).isEqualTo(t);
    }

    @Test
    void readWrite_stopChild_roundTrips() {
        Trigger t = new Trigger.StopChild("arn:aws:states:us-east-1:1:mapRun:m/l:id", 7, Optional.of("E"), Optional.empty());

        assertThat(TriggerJson.read(TriggerJson.write(t))).isEqualTo(t);
    }
}
