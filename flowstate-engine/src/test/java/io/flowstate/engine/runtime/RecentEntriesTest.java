package io.flowstate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class RecentEntriesTest {
    @Test
    void put_overTheBound_oldestGoesFirst() {
        RecentEntries<Integer> recent = new RecentEntries<>(3);
        for (int i = 0; i < 5; i++) {
            recent.put("k" + i, i);
        }

        assertThat(recent.get("k0")).isNull();
        assertThat(recent.get("k1")).isNull();
        assertThat(recent.get("k2")).isEqualTo(2);
        assertThat(recent.get("k4")).isEqualTo(4);
    }

    @Test
    void put_sameKeyAgain_replacesWithoutTakingAnotherPlace() {
        RecentEntries<Integer> recent = new RecentEntries<>(2);
        recent.put("a", 1);
        recent.put("a", 2);
        recent.put("b", 3);

        assertThat(recent.get("a")).isEqualTo(2);
        assertThat(recent.get("b")).isEqualTo(3);
    }

    @Test
    void remove_key_isGone() {
        RecentEntries<Integer> recent = new RecentEntries<>(2);
        recent.put("a", 1);

        recent.remove("a");

        assertThat(recent.get("a")).isNull();
    }

    @Test
    void put_fromManyThreads_keepsAtMostTheBound() throws Exception {
        RecentEntries<Integer> recent = new RecentEntries<>(100);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int base = t * 10_000;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 10_000; i++) {
                    recent.put("k" + (base + i), i);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }

        int present = 0;
        for (int i = 0; i < 80_000; i++) {
            present += recent.get("k" + i) != null ? 1 : 0;
        }
        assertThat(present).isEqualTo(100);
    }
}
