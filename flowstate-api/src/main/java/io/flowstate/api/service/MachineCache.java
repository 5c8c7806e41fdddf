package io.flowstate.api.service;

import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state machines in memory, over the {@link RegistryStore} that holds them: loaded at construction, read
 * through on a miss (a machine another node created), written before they change in memory. Not thread-safe:
 * {@link StateMachineService}'s lock guards every use.
 */
final class MachineCache {
    private final StoredMachines stored;
    private final Map<String, MachineEntry> machines = new LinkedHashMap<>();

    MachineCache(RegistryStore store) {
        this.stored = new StoredMachines(store);
        machines.putAll(stored.loadAll());
    }

    /** The revisions of every machine, which executions name. */
    Revisions revisions() {
        return stored.revisions();
    }

    /** Every machine in memory, in creation order. */
    Collection<MachineEntry> all() {
        return machines.values();
    }

    /** The machine in memory, else read from the store (created by another node), else null. */
    MachineEntry find(String machineArn) {
        MachineEntry e = machines.get(machineArn);
        if (e == null) {
            e = stored.load(machineArn).orElse(null);
            if (e != null) {
                machines.put(machineArn, e);
            }
        }
        return e;
    }

    /** Writes {@code changes}, then holds the new machine {@code e} (not in memory before: a failed write leaves nothing to undo). */
    void add(MachineEntry e, List<RegistryChange> changes) {
        stored.apply(changes);
        stored.revisions().cache(e.current);
        machines.put(e.arn, e);
    }

    /** Writes {@code changes}, then forgets the machine {@code arn}. */
    void remove(String arn, List<RegistryChange> changes) {
        stored.apply(changes);
        machines.remove(arn);
    }

    /**
     * Writes {@code changes}, already applied to {@code e} in memory; when the write fails, reads the machine
     * back from the store (undoing them in memory) and rethrows.
     */
    void persist(MachineEntry e, List<RegistryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            stored.apply(changes);
        } catch (RuntimeException failure) {
            try {
                reload(e.arn);
            } catch (RuntimeException again) {
                failure.addSuppressed(again);
            }
            throw failure;
        }
    }

    /** Reads the machine {@code arn} again from the store; forgets it when the store no longer has it. */
    void reload(String arn) {
        stored.load(arn).ifPresentOrElse(m -> machines.put(arn, m), () -> machines.remove(arn));
    }

    /** Reads every machine again from the store. */
    void reloadAll() {
        machines.clear();
        machines.putAll(stored.loadAll());
    }
}
