package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.service.MachineEntry.Version;
import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryEntry;
import io.flowstate.engine.runtime.RegistryStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state machines as the {@link RegistryStore} holds them ({@code stateMachine}, {@code version} and
 * {@code alias} documents, see {@link Documents}): read into {@link MachineEntry}s at startup or after a failed
 * write, and changes written in one transaction each.
 */
final class StoredMachines {
    private final RegistryStore store;
    private final Revisions revisions;

    StoredMachines(RegistryStore store) {
        this.store = requireNonNull(store, "store is null");
        this.revisions = new Revisions(store);
    }

    Revisions revisions() {
        return revisions;
    }

    /** Writes {@code changes} in one transaction. */
    void apply(List<RegistryChange> changes) {
        store.apply(changes);
    }

    /** Every machine with its versions and aliases, in creation order. */
    Map<String, MachineEntry> loadAll() {
        Map<String, MachineEntry> out = new LinkedHashMap<>();
        for (RegistryEntry e : store.list(Documents.MACHINE)) {
            out.put(e.key(), entry(e.key(), Documents.parse(Documents.MACHINE, e.key(), e.body())));
        }
        attach(out);
        return out;
    }

    /** One machine as stored, with its versions and aliases; empty when it is not stored. */
    Optional<MachineEntry> load(String arn) {
        Optional<String> body = store.get(Documents.MACHINE, arn);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Map<String, MachineEntry> one = new LinkedHashMap<>();
        one.put(arn, entry(arn, Documents.parse(Documents.MACHINE, arn, body.get())));
        attach(one);
        return Optional.of(one.get(arn));
    }

    /** Adds the stored versions and aliases of the machines in {@code machines}. */
    private void attach(Map<String, MachineEntry> machines) {
        for (RegistryEntry e : store.list(Documents.VERSION)) {
            JsonNode n = Documents.parse(Documents.VERSION, e.key(), e.body());
            MachineEntry m = machines.get(n.path("machineArn").asText());
            if (m != null) {
                m.versions.put(n.path("number").asInt(), new Version(n.path("number").asInt(), e.key(),
                        revisions.get(n.path("revisionId").asText()), Documents.text(n, "description"),
                        Documents.date(n, "creationDate")));
            }
        }
        for (RegistryEntry e : store.list(Documents.ALIAS)) {
            JsonNode n = Documents.parse(Documents.ALIAS, e.key(), e.body());
            MachineEntry m = machines.get(n.path("machineArn").asText());
            if (m != null) {
                m.aliases.put(n.path("name").asText(), Documents.alias(e.key(), n));
            }
        }
    }

    private MachineEntry entry(String arn, JsonNode n) {
        MachineEntry e = new MachineEntry(arn, n.path("name").asText(), StateMachineType.valueOf(n.path("type").asText()),
                Documents.date(n, "creationDate"), revisions.get(n.path("revisionId").asText()));
        e.nextVersion = n.path("nextVersion").asInt(1);
        return e;
    }
}
