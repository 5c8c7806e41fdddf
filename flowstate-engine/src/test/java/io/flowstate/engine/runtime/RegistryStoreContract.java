package io.flowstate.engine.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract every {@link RegistryStore} passes: extend it with a fresh, empty store per test. */
public abstract class RegistryStoreContract {
    protected abstract RegistryStore newStore();

    private RegistryStore store;

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void get_afterPut_returnsBody() {
        store.put("machine", "arn:1", "{\"a\":1}");

        assertThat(store.get("machine", "arn:1")).contains("{\"a\":1}");
    }

    @Test
    void get_missingKeyOrOtherKind_returnsEmpty() {
        store.put("machine", "arn:1", "{}");

        assertThat(store.get("machine", "arn:2")).isEmpty();
        assertThat(store.get("activity", "arn:1")).isEmpty();
    }

    @Test
    void put_existingKey_replacesBodyAndKeepsPlaceInList() {
        store.put("machine", "a", "1");
        store.put("machine", "b", "2");
        store.put("machine", "a", "3");

        assertThat(store.list("machine")).containsExactly(new RegistryEntry("a", "3"), new RegistryEntry("b", "2"));
    }

    @Test
    void list_severalKinds_returnsOnlyThatKindInFirstPutOrder() {
        store.put("machine", "z", "1");
        store.put("activity", "y", "2");
        store.put("machine", "a", "3");

        assertThat(store.list("machine")).extracting(RegistryEntry::key).containsExactly("z", "a");
        assertThat(store.list("activity")).extracting(RegistryEntry::key).containsExactly("y");
        assertThat(store.list("tags")).isEmpty();
    }

    @Test
    void delete_existingAndMissing_removesOnlyThatDocument() {
        store.put("machine", "a", "1");
        store.put("activity", "a", "2");

        store.delete("machine", "a");
        store.delete("machine", "never");

        assertThat(store.get("machine", "a")).isEmpty();
        assertThat(store.get("activity", "a")).contains("2");
    }

    @Test
    void apply_changesInOrder_lastChangeToAKeyWins() {
        store.apply(List.of(new RegistryChange.Put("k", "a", "1"), new RegistryChange.Delete("k", "a"),
                new RegistryChange.Put("k", "b", "2"), new RegistryChange.Put("k", "b", "3")));

        assertThat(store.list("k")).containsExactly(new RegistryEntry("b", "3"));
    }

    @Test
    void put_afterDelete_goesToTheEndOfTheList() {
        store.put("k", "a", "1");
        store.put("k", "b", "2");
        store.delete("k", "a");
        store.put("k", "a", "3");

        assertThat(store.list("k")).extracting(RegistryEntry::key).containsExactly("b", "a");
    }

    @Test
    void put_largeUnicodeBody_roundTrips() {
        String body = "{\"definition\":\"" + "é∑😀".repeat(20_000) + "\"}";

        store.put("revision", "r1", body);

        assertThat(store.get("revision", "r1")).contains(body);
    }
}
