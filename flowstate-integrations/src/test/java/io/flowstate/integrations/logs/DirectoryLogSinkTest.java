package io.flowstate.integrations.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLogSinkTest {
    @TempDir
    Path dir;

    private static List<LogLine> lines(String... messages) {
        return java.util.Arrays.stream(messages).map(m -> new LogLine(Instant.EPOCH, m)).toList();
    }

    @Test
    void write_linesOfTwoGroups_oneJsonLinesFilePerGroupInOrder() throws Exception {
        try (DirectoryLogSink sink = new DirectoryLogSink(dir)) {
            sink.write("/aws/vendedlogs/states/a", "s1", lines("{\"id\":\"1\"}", "{\"id\":\"2\"}"), false);
            sink.write("b", "s2", lines("{\"id\":\"9\"}"), true);
            sink.write("/aws/vendedlogs/states/a", "s1", lines("{\"id\":\"3\"}"), true);
            sink.flush();

            assertThat(Files.readAllLines(sink.file("/aws/vendedlogs/states/a")))
                    .containsExactly("{\"id\":\"1\"}", "{\"id\":\"2\"}", "{\"id\":\"3\"}");
            assertThat(Files.readAllLines(sink.file("b"))).containsExactly("{\"id\":\"9\"}");
            assertThat(sink.dropped()).isZero();
        }
    }

    @Test
    void write_pastTheBacklog_dropsTheBatchAndCountsIt() throws Exception {
        try (DirectoryLogSink sink = new DirectoryLogSink(dir, 2)) {
            sink.write("g", "s", lines("1", "2", "3"), false);
            sink.write("g", "s", lines("4"), false);
            sink.flush();

            assertThat(sink.dropped()).isEqualTo(3);
            assertThat(Files.readAllLines(sink.file("g"))).containsExactly("4");
        }
    }

    @Test
    void backlog_admitAndWritten_holdsAtMostTheLimit() {
        Backlog b = new Backlog(5);

        assertThat(b.admit(3)).isTrue();
        assertThat(b.admit(3)).isFalse();
        assertThat(b.queued()).isEqualTo(3);
        b.written(3);
        assertThat(b.admit(5)).isTrue();
        assertThat(b.admit(1)).isFalse();
    }
}
