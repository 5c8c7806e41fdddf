package io.flowstate.store.jdbc;

import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.ExecutionStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class PostgresExecutionStoreTest extends ExecutionStoreContract {
    private final List<JdbcExecutionStore> opened = new ArrayList<>();

    @Override
    protected ExecutionStore newStore() {
        JdbcExecutionStore store = JdbcStores.postgres(EmbeddedPostgresServer.newDatabase(), "postgres", "postgres");
        opened.add(store);
        return store;
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcExecutionStore::close);
    }
}
