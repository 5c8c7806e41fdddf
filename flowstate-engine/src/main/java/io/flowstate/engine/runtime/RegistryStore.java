package io.flowstate.engine.runtime;

import java.util.List;
import java.util.Optional;

/**
 * Where a server keeps what it registers beside executions (state machines and their revisions, versions and
 * aliases, activities, tags, and what its API remembers of each execution): JSON documents, each under a
 * {@code kind} and a {@code key} unique within that kind. The store does not read the documents; their
 * shape belongs to the caller.
 *
 * <p>Invariants: {@link #apply} is atomic (all of its changes or none, in order); a document replaced by a
 * put keeps its place in {@link #list}, which is the order its key was first put; a delete of a missing key
 * does nothing. Durable implementations share the database of the {@link ExecutionStore}, so one backup holds
 * both. Every implementation passes {@code RegistryStoreContract}.
 */
public interface RegistryStore {
    /** Applies {@code changes} in order, in one transaction. */
    void apply(List<RegistryChange> changes);

    /** The document of {@code kind} under {@code key}. */
    Optional<String> get(String kind, String key);

    /** Every document of {@code kind}, in the order their keys were first put. */
    List<RegistryEntry> list(String kind);

    /** Puts one document (replacing the one under its key). */
    default void put(String kind, String key, String body) {
        apply(List.of(new RegistryChange.Put(kind, key, body)));
    }

    /** Deletes one document, if there is one. */
    default void delete(String kind, String key) {
        apply(List.of(new RegistryChange.Delete(kind, key)));
    }
}
