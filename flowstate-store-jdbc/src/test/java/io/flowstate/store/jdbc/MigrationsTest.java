package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void latest_everyDialect_isTheHighestScriptVersion() throws IOException, URISyntaxException {
        for (Dialect d : Dialect.values()) {
            Path scripts = Path.of(getClass().getResource("/" + d.migrations().substring("classpath:".length())).toURI());
            try (Stream<Path> files = Files.list(scripts)) {
                List<Integer> versions = files.map(f -> f.getFileName().toString())
                        .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
                assertThat(versions).as(d.name()).last().isEqualTo(Migrations.LATEST);
            }
        }
    }

    @Test
    void open_newThenExistingDatabase_recordsLatestVersion() {
        Path file = dir.resolve("m.db");
        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            assertThat(db.registry().list("any")).isEmpty();
        }
        try (JdbcDatabase db = JdbcStores.sqliteDatabase(file)) {
            db.registry().put("k", "a", "1");
            assertThat(db.registry().get("k", "a")).contains("1");
        }
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(Migrations.LATEST);
    }

    @Test
    void recordedVersion_emptyDatabase_isMinusOne() {
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        assertThat(Migrations.recordedVersion(ds)).isEqualTo(-1);
    }
}
