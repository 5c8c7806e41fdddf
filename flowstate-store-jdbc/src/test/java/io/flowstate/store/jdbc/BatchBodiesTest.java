package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchBodiesTest {
    private static String repetitiveBatch(int events) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= events; i++) {
            if (i > 1) {
                b.append(',');
            }
            b.append("{\"id\":").append(i).append(",\"previousEventId\":").append(i - 1)
                    .append(",\"timestamp\":\"2026-11-27T06:03:06.618Z\",\"type\":\"PASS_STATE_ENTERED\",")
                    .append("\"details\":{\"name\":\"Pass ").append(i).append("\",\"input\":{\"order\":\"ord-123\"}}}");
        }
        return b.append(']').toString();
    }

    @Test
    void pack_longRepetitiveBatch_isCompressedAndReadsBackTheSame() {
        String batch = repetitiveBatch(40);

        byte[] stored = BatchBodies.pack(batch);

        assertThat(stored.length).isLessThan(batch.length() / 4);
        assertThat(stored[0]).isEqualTo(BatchBodies.LZ4);
        assertThat(BatchBodies.unpack(stored)).isEqualTo(batch);
    }

    /** Rows written by versions that deflated their batches still read. */
    @Test
    void unpack_zlibBodyOfAnEarlierVersion_readsBackTheText() {
        String batch = repetitiveBatch(40);
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
        d.setInput(batch.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] out = new byte[batch.length()];
        int n = d.deflate(out);
        d.end();

        assertThat(out[0]).isEqualTo((byte) 0x78);
        assertThat(BatchBodies.unpack(java.util.Arrays.copyOf(out, n))).isEqualTo(batch);
    }

    @Test
    void pack_shortBatch_isItsUtf8Text() {
        String batch = "[{\"id\":1,\"details\":{\"name\":\"é\"}}]";

        byte[] stored = BatchBodies.pack(batch);

        assertThat(stored).isEqualTo(batch.getBytes(StandardCharsets.UTF_8));
        assertThat(BatchBodies.unpack(stored)).isEqualTo(batch);
    }

    /** Random text does not compress, so what is checked is that nothing grows. */
    @Test
    void pack_randomText_isNeverLongerThanItsText() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, BatchBodies.MIN_COMPRESSED - 1, BatchBodies.MIN_COMPRESSED, 5000}) {
            StringBuilder b = new StringBuilder();
            while (b.length() < length) {
                b.appendCodePoint(0x21 + random.nextInt(0x2000));
            }
            String text = b.toString();

            byte[] stored = BatchBodies.pack(text);

            assertThat(stored.length).isLessThanOrEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void pack_manyTimesOverThePool_everyBatchReadsBack() {
        for (int i = 1; i <= 100; i++) {
            String batch = repetitiveBatch(10 + i);
            assertThat(BatchBodies.unpack(BatchBodies.pack(batch))).isEqualTo(batch);
        }
    }

    @Test
    void unpack_truncatedLz4_throwsIllegalArgument() {
        byte[] stored = BatchBodies.pack(repetitiveBatch(40));

        assertThatThrownBy(() -> BatchBodies.unpack(java.util.Arrays.copyOf(stored, stored.length - 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stored event batch");
        assertThatThrownBy(() -> BatchBodies.unpack(new byte[] {'L', 0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unpack_neitherTextNorZlib_throwsIllegalArgument() {
        String batch = repetitiveBatch(40);
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(batch.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] out = new byte[batch.length()];
        int n = d.deflate(out);
        d.end();
        byte[] truncated = java.util.Arrays.copyOf(out, n / 2);

        assertThatThrownBy(() -> BatchBodies.unpack(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchBodies.unpack(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a stored event batch");
    }
}
