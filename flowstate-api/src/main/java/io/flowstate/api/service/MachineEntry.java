package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.model.RoutingConfigurationListItem;
import io.flowstate.api.model.StateMachineType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A state machine in the registry: its fixed identity, its current revision, its published versions and its
 * aliases. Mutated only under the {@link StateMachineRegistry}'s lock; readers get immutable snapshots
 * ({@link Revision}, {@link Version}, {@link Alias}).
 */
final class MachineEntry {
    /** A published version: a numbered, immutable revision. */
    record Version(int number, String arn, Revision revision, Optional<String> description, Instant creationDate) {}

    /** An alias: a name routing executions to one or two versions by weight. */
    record Alias(String name, String arn, Optional<String> description, List<RoutingConfigurationListItem> routing,
            Instant creationDate, Optional<Instant> updateDate) {
        Alias {
            routing = List.copyOf(routing);
        }
    }

    final String arn;
    final String name;
    final StateMachineType type;
    final Instant creationDate;
    Revision current;
    int nextVersion = 1;
    final TreeMap<Integer, Version> versions = new TreeMap<>();
    final Map<String, Alias> aliases = new LinkedHashMap<>();

    MachineEntry(String arn, String name, StateMachineType type, Instant creationDate, Revision current) {
        this.arn = requireNonNull(arn, "arn is null");
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.creationDate = requireNonNull(creationDate, "creationDate is null");
        this.current = requireNonNull(current, "current is null");
    }
}
