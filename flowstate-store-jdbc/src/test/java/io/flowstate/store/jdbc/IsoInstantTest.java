package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoInstantTest {
    @Test
    void text_randomInstants_isInstantToString() {
        SplittableRandom random = new SplittableRandom(11);
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(min, max + 1);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant at = Instant.ofEpochSecond(seconds, nanos);
            assertThat(IsoInstant.text(at)).isEqualTo(at.toString());
        }
    }

    @Test
    void text_edgesAndOutsideFourDigitYears_isInstantToString() {
        for (String s : new String[] {"1970-01-01T00:00:00Z", "2000-02-29T23:59:59.999999999Z", "1969-12-31T23:59:59.5Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.000001Z", "2026-12-08T01:40:12.345Z"}) {
            Instant at = Instant.parse(s);
            assertThat(IsoInstant.text(at)).isEqualTo(at.toString());
        }
        for (Instant at : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.parse("-0001-12-31T23:59:59Z")}) {
            assertThat(IsoInstant.text(at)).isEqualTo(at.toString());
        }
    }
}
