package io.flowstate.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.engine.runtime.RegistryEntry;
import io.flowstate.engine.runtime.RegistryStore;
import io.flowstate.engine.runtime.RegistryStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteRegistryStoreTest extends RegistryStoreContract {
    @TempDir
    Path dir;

    private final List<JdbcDatabase> opened = new ArrayList<>();

    @Override
    protected RegistryStore newStore() {
        return open().registry();
    }

    private JdbcDatabase open() {
        JdbcDatabase db = JdbcStores.sqliteDatabase(dir.resolve("flowstate.db"));
        opened.add(db);
        return db;
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcDatabase::close);
    }

    @Test
    void reopen_afterClose_keepsDocumentsAndTheirOrder() {
        JdbcDatabase first = open();
        first.registry().put("machine", "b", "1");
        first.registry().put("machine", "a", "2");
        first.close();

        assertThat(open().registry().list("machine"))
                .containsExactly(new RegistryEntry("b", "1"), new RegistryEntry("a", "2"));
    }
}
