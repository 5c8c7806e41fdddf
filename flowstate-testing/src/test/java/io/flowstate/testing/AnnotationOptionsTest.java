package io.flowstate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link FlowstateTest}'s attributes; a method's annotation overrides its class's. */
@FlowstateTest(clock = ClockMode.MANUAL, startTime = "2031-01-01T00:00:00Z")
class AnnotationOptionsTest {
    @Test
    void resolve_classAnnotation_setsTheOptions(Flowstate flowstate) {
        assertThat(flowstate.options().clockMode()).isEqualTo(ClockMode.MANUAL);
        assertThat(flowstate.options().startTime()).isEqualTo(Instant.parse("2031-01-01T00:00:00Z"));
    }

    @Test
    @FlowstateTest(region = "ap-south-1")
    void resolve_methodAnnotation_overridesTheClassOne(Flowstate flowstate) {
        assertThat(flowstate.options().region()).isEqualTo("ap-south-1");
        assertThat(flowstate.options().clockMode()).isEqualTo(ClockMode.AUTO_SKIP);
    }

    @Nested
    class Inner {
        @Test
        void resolve_nestedClass_usesTheEnclosingClassAnnotation(Flowstate flowstate) {
            assertThat(flowstate.options().clockMode()).isEqualTo(ClockMode.MANUAL);
        }
    }
}
