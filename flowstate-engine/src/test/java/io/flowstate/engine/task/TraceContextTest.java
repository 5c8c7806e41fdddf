package io.flowstate.engine.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceContextTest {
    @Test
    void fromXray_awsExample_isTheSame128BitsAndParent() {
        var c = TraceContext.fromXray("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");

        assertThat(c).contains(new TraceContext("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true));
    }

    @Test
    void fromXray_fieldsInAnyOrderAndUnsampled_readsThem() {
        var c = TraceContext.fromXray("Sampled=0; Parent=53995C3F42CD8AD8; Root=1-5759E988-BD862E3FE1BE46A994272793;Lineage=a:1");

        assertThat(c).contains(new TraceContext("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8", false));
    }

    @Test
    void fromXray_noParentOrBadRoot_isEmpty() {
        assertThat(TraceContext.fromXray("Root=1-5759e988-bd862e3fe1be46a994272793")).isEmpty();
        assertThat(TraceContext.fromXray("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8")).isEmpty();
        assertThat(TraceContext.fromXray("garbage")).isEmpty();
    }

    @Test
    void headers_renderBothFormats_roundTrip() {
        var c = new TraceContext("5759e988bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true);

        assertThat(c.traceparent()).isEqualTo("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01");
        assertThat(c.xrayHeader()).isEqualTo("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        assertThat(TraceContext.fromXray(c.xrayHeader())).contains(c);
    }
}
