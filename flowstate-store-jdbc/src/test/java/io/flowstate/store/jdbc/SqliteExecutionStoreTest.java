package io.flowstate.store.jdbc;

import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.ExecutionStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteExecutionStoreTest extends ExecutionStoreContract {
    @TempDir
    Path dir;

    private final List<JdbcExecutionStore> opened = new ArrayList<>();

    @Override
    protected ExecutionStore newStore() {
        JdbcExecutionStore store = JdbcStores.sqlite(dir.resolve("flowstate.db"));
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        for (JdbcExecutionStore s : opened) {
            s.close();
        }
    }
}
