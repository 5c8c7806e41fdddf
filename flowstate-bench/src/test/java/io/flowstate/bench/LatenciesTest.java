package io.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentile_hundredSamples_takesNearestRank() {
        double[] samples = new double[100];
        for (int i = 0; i < 100; i++) {
            samples[99 - i] = i + 1; // 100..1, unsorted on purpose
        }
        Latencies l = new Latencies(samples);

        assertThat(l.percentile(50)).isEqualTo(50); // element ceil(50) - 1 = 49 -> 50
        assertThat(l.percentile(99)).isEqualTo(99);
        assertThat(l.percentile(100)).isEqualTo(100);
    }

    @Test
    void percentile_fiveSamples_p99IsTheLargest() {
        Latencies l = new Latencies(new double[] {5, 1, 4, 2, 3});

        assertThat(l.percentile(50)).isEqualTo(3); // ceil(2.5) - 1 = 2
        assertThat(l.percentile(99)).isEqualTo(5); // ceil(4.95) - 1 = 4
    }

    @Test
    void measure_maxRunsReached_stopsThere() throws Exception {
        int[] runs = {0};

        Latencies l = Latencies.measure(() -> runs[0]++, 7, 60);

        assertThat(l.count()).isEqualTo(7);
        assertThat(runs[0]).isEqualTo(7);
    }

    @Test
    void measure_timeUsedUp_stillTakesOneSample() throws Exception {
        Latencies l = Latencies.measure(() -> { }, 1000, 0);

        assertThat(l.count()).isEqualTo(1);
    }
}
