package io.flowstate.store.jdbc;

import io.flowstate.engine.runtime.RegistryStore;
import io.flowstate.engine.runtime.RegistryStoreContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

class PostgresRegistryStoreTest extends RegistryStoreContract {
    private final List<JdbcDatabase> opened = new ArrayList<>();

    @Override
    protected RegistryStore newStore() {
        JdbcDatabase db = JdbcStores.postgresDatabase(EmbeddedPostgresServer.newDatabase(), "postgres", "postgres");
        opened.add(db);
        return db.registry();
    }

    @AfterEach
    void close() {
        opened.forEach(JdbcDatabase::close);
    }
}
