package io.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.asl.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchParamsTest {
    private static final String PARAMS = """
            {"warmupSeconds": 10, "warmupConcurrency": 8, "latencyRuns": 200, "latencyMaxSeconds": 10,
             "throughputSeconds": 5, "throughputConcurrency": [8, 64]}""";

    @Test
    void fromManifest_scale02_scalesDurationsAndRunsLikeThePeers() throws Exception {
        BenchParams p = BenchParams.fromManifest(Json.parse(PARAMS), 0.2);

        assertThat(p.warmupSeconds()).isEqualTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.latencyRuns()).isEqualTo(40);
        assertThat(p.throughputSeconds()).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.warmupConcurrency()).isEqualTo(8);
        assertThat(p.throughputConcurrency()).isEqualTo(List.of(8, 64));
    }

    @Test
    void fromManifest_tinyScale_keepsAtLeastFiveLatencyRuns() throws Exception {
        assertThat(BenchParams.fromManifest(Json.parse(PARAMS), 0.001).latencyRuns()).isEqualTo(5);
    }

    @Test
    void fromManifest_missingField_failsNamingIt() throws Exception {
        assertThatThrownBy(() -> BenchParams.fromManifest(Json.parse("{\"warmupSeconds\": 1}"), 1))
                .hasMessageContaining("throughputConcurrency");
    }
}
