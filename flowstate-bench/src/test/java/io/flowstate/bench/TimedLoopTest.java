package io.flowstate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimedLoopTest {
    @Test
    void run_threeWorkers_oneLatencyPerCompletedExecution() throws Exception {
        AtomicInteger workers = new AtomicInteger();

        TimedLoop r = TimedLoop.run(() -> {
            workers.incrementAndGet();
            return () -> Thread.sleep(1);
        }, 3, 0.2);

        assertThat(workers).hasValue(3);
        assertThat(r.result().completed()).isPositive();
        assertThat(r.latencies().count()).isEqualTo(r.result().completed());
        assertThat(r.latencies().percentile(50)).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void run_busyWorkers_chargeTheirCpuToTheWorkersAndTheProcess() throws Exception {
        TimedLoop r = TimedLoop.run(() -> () -> {
            long until = System.nanoTime() + 2_000_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }, 1, 0.2);

        assertThat(r.workerCpuMicrosPerExecution()).isGreaterThan(500);
        assertThat(r.processCpuNanos()).isGreaterThanOrEqualTo(r.workerCpuNanos() / 2);
    }
}
