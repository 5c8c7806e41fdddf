package io.flowstate.api.service;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.AliasListItem;
import io.flowstate.api.model.CreateStateMachine;
import io.flowstate.api.model.CreateStateMachineAlias;
import io.flowstate.api.model.DeleteStateMachine;
import io.flowstate.api.model.DeleteStateMachineAlias;
import io.flowstate.api.model.DeleteStateMachineVersion;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.model.DescribeStateMachineAlias;
import io.flowstate.api.model.IncludedData;
import io.flowstate.api.model.ListStateMachineAliases;
import io.flowstate.api.model.ListStateMachineVersions;
import io.flowstate.api.model.ListStateMachines;
import io.flowstate.api.model.PublishStateMachineVersion;
import io.flowstate.api.model.RoutingConfigurationListItem;
import io.flowstate.api.model.StateMachineListItem;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.model.UpdateStateMachine;
import io.flowstate.api.model.UpdateStateMachineAlias;
import io.flowstate.api.model.VersionListItem;
import io.flowstate.api.service.MachineEntry.Alias;
import io.flowstate.api.service.MachineEntry.Version;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * State machines, their versions and aliases: the operations that create, describe, list, change and delete
 * them, and {@link #resolve} for the operations that start executions. One lock guards every change; reads see
 * immutable snapshots.
 *
 * <p>The {@link RegistryStore} holds them ({@link Documents}); memory holds a copy, loaded at construction,
 * that answers every read. A change is written first and applied to the copy after; if the write fails, the
 * machine is read back from the store, so the copy never holds what the store does not.
 *
 * <p>Several nodes share one store: a machine another node created is read from the store when this node
 * misses it (so it can be used at once), and {@link #reload} refreshes one another node changed, when told.
 */
public final class StateMachineService {
    private final ApiContext ctx;
    private final Tags tags;
    private final StoredMachines stored;
    private final Map<String, MachineEntry> machines = new LinkedHashMap<>();

    /** State machines in memory only. */
    public StateMachineService(ApiContext ctx, Tags tags) {
        this(ctx, tags, new InMemoryRegistryStore());
    }

    /** State machines in {@code store}, loading those it holds. */
    public StateMachineService(ApiContext ctx, Tags tags, RegistryStore store) {
        this.ctx = ctx;
        this.tags = tags;
        this.stored = new StoredMachines(store);
        machines.putAll(stored.loadAll());
    }

    /** The revisions of every machine, which executions name. */
    Revisions revisions() {
        return stored.revisions();
    }

    /** What an execution starts on: the machine, the revision, and the version/alias ARN it was started through. */
    public record Target(String stateMachineArn, String name, StateMachineType type, Revision revision,
            Optional<String> versionArn, Optional<String> aliasArn) {}

    public synchronized CreateStateMachine.Response create(CreateStateMachine.Request r) {
        Names.check(r.name());
        StateMachineType type = r.type().orElse(StateMachineType.STANDARD);
        if (r.versionDescription().isPresent() && !r.publish()) {
            throw new ApiException.ValidationException("Version description can only be set when publish is true");
        }
        Revision revision = Definitions.revision(ctx, type, r.definition(), r.roleArn(), r.loggingConfiguration(),
                r.tracingConfiguration(), r.encryptionConfiguration(), Optional.empty());
        tags.checkNew(r.tags());
        String arn = ctx.arn("stateMachine:" + r.name());
        MachineEntry existing = cached(arn);
        if (existing != null) {
            if (existing.type != type || !existing.current.sameSettings(revision)) {
                throw new ApiException.StateMachineAlreadyExists("State Machine Already Exists: '" + arn + "'");
            }
            List<RegistryChange> changes = new ArrayList<>();
            Optional<String> version = r.publish() ? Optional.of(publish(existing, r.versionDescription(), changes).arn())
                    : Optional.empty();
            persist(existing, changes);
            return new CreateStateMachine.Response(arn, existing.creationDate, version);
        }
        MachineEntry e = new MachineEntry(arn, r.name(), type, revision.updateDate(), revision);
        List<RegistryChange> changes = new ArrayList<>();
        changes.add(Documents.revision(revision, type));
        changes.add(Tags.change(arn, r.tags()));
        Optional<String> version = r.publish() ? Optional.of(publish(e, r.versionDescription(), changes).arn())
                : Optional.empty();
        changes.add(Documents.machine(e));
        // Not yet in the map: a failed write leaves nothing to undo.
        stored.apply(changes);
        stored.revisions().cache(revision);
        machines.put(arn, e);
        tags.put(arn, r.tags());
        return new CreateStateMachine.Response(arn, e.creationDate, version);
    }

    public synchronized DescribeStateMachine.Response describe(DescribeStateMachine.Request r) {
        Arn arn = Arn.parse(r.stateMachineArn(), "stateMachine");
        MachineEntry e = entry(arn);
        boolean data = r.includedData().orElse(IncludedData.ALL_DATA) == IncludedData.ALL_DATA;
        Optional<String> qualifier = arn.qualifier();
        if (qualifier.isPresent() && !isVersion(qualifier.get())) {
            Alias alias = alias(e, arn);
            // An alias ARN describes the version it routes most executions to, as AWS does.
            String versionArn = alias.routing().stream().max((a, b) -> a.weight() - b.weight()).orElseThrow()
                    .stateMachineVersionArn();
            return describe(e, version(e, Arn.parse(versionArn, "stateMachine")), data);
        }
        if (qualifier.isPresent()) {
            return describe(e, version(e, arn), data);
        }
        Revision rev = e.current;
        return new DescribeStateMachine.Response(e.arn, e.name, Optional.of("ACTIVE"),
                data ? Optional.of(rev.definition()) : Optional.empty(), rev.roleArn(), e.type.name(), e.creationDate,
                Optional.of(rev.loggingConfiguration()), Optional.of(rev.tracingConfiguration()), Optional.empty(),
                Optional.of(rev.revisionId()), Optional.empty(), rev.encryptionConfiguration(), Optional.empty());
    }

    private static DescribeStateMachine.Response describe(MachineEntry e, Version v, boolean data) {
        Revision rev = v.revision();
        return new DescribeStateMachine.Response(v.arn(), e.name, Optional.of("ACTIVE"),
                data ? Optional.of(rev.definition()) : Optional.empty(), rev.roleArn(), e.type.name(), v.creationDate(),
                Optional.of(rev.loggingConfiguration()), Optional.of(rev.tracingConfiguration()), Optional.empty(),
                Optional.of(rev.revisionId()), v.description(), rev.encryptionConfiguration(), Optional.empty());
    }

    public synchronized ListStateMachines.Response list(ListStateMachines.Request r) {
        List<StateMachineListItem> all = machines.values().stream()
                .map(e -> new StateMachineListItem(e.arn, e.name, e.type.name(), e.creationDate)).toList();
        Paging.Page<StateMachineListItem> page = Paging.page("ListStateMachines", all, r.nextToken(), r.maxResults());
        return new ListStateMachines.Response(page.items(), page.nextToken());
    }

    public synchronized UpdateStateMachine.Response update(UpdateStateMachine.Request r) {
        Arn arn = Arn.parse(r.stateMachineArn(), "stateMachine");
        if (arn.qualifier().isPresent()) {
            throw new ApiException.ValidationException("Service does not support qualified state machine ARNs in this operation.");
        }
        MachineEntry e = entry(arn);
        if (r.definition().isEmpty() && r.roleArn().isEmpty() && r.loggingConfiguration().isEmpty()
                && r.tracingConfiguration().isEmpty() && r.encryptionConfiguration().isEmpty() && !r.publish()) {
            throw new ApiException.MissingRequiredParameter(
                    "Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified");
        }
        if (r.versionDescription().isPresent() && !r.publish()) {
            throw new ApiException.ValidationException("Version description can only be set when publish is true");
        }
        Revision old = e.current;
        Revision next = Definitions.revision(ctx, e.type, r.definition().orElse(old.definition()),
                r.roleArn().orElse(old.roleArn()), r.loggingConfiguration().or(() -> Optional.of(old.loggingConfiguration())),
                r.tracingConfiguration().or(() -> Optional.of(old.tracingConfiguration())),
                r.encryptionConfiguration().or(old::encryptionConfiguration), Optional.empty());
        List<RegistryChange> changes = new ArrayList<>();
        if (!next.sameSettings(old)) {
            e.current = next;
            changes.add(Documents.revision(next, e.type));
            changes.add(Documents.machine(e));
            stored.revisions().cache(next);
        }
        Optional<String> version = r.publish() ? Optional.of(publish(e, r.versionDescription(), changes).arn())
                : Optional.empty();
        persist(e, changes);
        return new UpdateStateMachine.Response(e.current.updateDate(), Optional.of(e.current.revisionId()), version);
    }

    public synchronized DeleteStateMachine.Response delete(DeleteStateMachine.Request r) {
        Arn arn = Arn.parse(r.stateMachineArn(), "stateMachine");
        if (arn.qualifier().isPresent()) {
            // AWS deletes a version or an alias when given its ARN here.
            MachineEntry e = cached(ctx.arn("stateMachine:" + arn.name()));
            if (e != null) {
                if (isVersion(arn.qualifier().get())) {
                    Version v = e.versions.remove(Integer.parseInt(arn.qualifier().get()));
                    if (v != null) {
                        persist(e, List.of(new RegistryChange.Delete(Documents.VERSION, v.arn())));
                    }
                } else {
                    Alias a = e.aliases.remove(arn.qualifier().get());
                    if (a != null) {
                        persist(e, List.of(new RegistryChange.Delete(Documents.ALIAS, a.arn())));
                    }
                }
            }
            return new DeleteStateMachine.Response();
        }
        MachineEntry e = cached(arn.text());
        if (e != null) {
            // Revisions stay: the machine's executions still describe the revision they ran.
            List<RegistryChange> changes = new ArrayList<>();
            e.versions.values().forEach(v -> changes.add(new RegistryChange.Delete(Documents.VERSION, v.arn())));
            e.aliases.values().forEach(a -> changes.add(new RegistryChange.Delete(Documents.ALIAS, a.arn())));
            changes.add(new RegistryChange.Delete(Documents.MACHINE, e.arn));
            changes.add(Tags.removal(e.arn));
            stored.apply(changes);
            machines.remove(arn.text());
            tags.remove(arn.text());
        }
        return new DeleteStateMachine.Response();
    }

    // ---- versions ----------------------------------------------------------------------------------

    public synchronized PublishStateMachineVersion.Response publishVersion(PublishStateMachineVersion.Request r) {
        Arn arn = Arn.parse(r.stateMachineArn(), "stateMachine");
        if (arn.qualifier().isPresent()) {
            throw new ApiException.ValidationException("Service does not support qualified state machine ARNs in this operation.");
        }
        MachineEntry e = entry(arn);
        if (r.revisionId().isPresent() && !r.revisionId().get().equals(e.current.revisionId())) {
            throw new ApiException.ConflictException("Failed to publish the State Machine version for revision "
                    + r.revisionId().get() + ". The current State Machine revision is " + e.current.revisionId() + ".");
        }
        List<RegistryChange> changes = new ArrayList<>();
        Version v = publish(e, r.description(), changes);
        persist(e, changes);
        return new PublishStateMachineVersion.Response(v.creationDate(), v.arn());
    }

    /** Publishes the current revision of {@code e} in memory, adding to {@code changes} what to store. */
    private Version publish(MachineEntry e, Optional<String> description, List<RegistryChange> changes) {
        // Publishing an unchanged revision again returns the version it already is (AWS's idempotency).
        if (!e.versions.isEmpty() && e.versions.lastEntry().getValue().revision().revisionId().equals(e.current.revisionId())) {
            return e.versions.lastEntry().getValue();
        }
        if (e.versions.size() >= 1000) {
            throw new ApiException.ServiceQuotaExceededException("Maximum number of versions (1000) reached for " + e.arn);
        }
        int n = e.nextVersion++;
        Version v = new Version(n, e.arn + ":" + n, e.current, description, ctx.now());
        e.versions.put(n, v);
        changes.add(Documents.version(e.arn, v));
        changes.add(Documents.machine(e));
        return v;
    }

    public synchronized ListStateMachineVersions.Response listVersions(ListStateMachineVersions.Request r) {
        MachineEntry e = entry(unqualified(r.stateMachineArn()));
        List<VersionListItem> all = e.versions.descendingMap().values().stream()
                .map(v -> new VersionListItem(v.arn(), v.creationDate())).toList();
        Paging.Page<VersionListItem> page = Paging.page("ListStateMachineVersions:" + e.arn, all, r.nextToken(), r.maxResults());
        return new ListStateMachineVersions.Response(page.items(), page.nextToken());
    }

    public synchronized DeleteStateMachineVersion.Response deleteVersion(DeleteStateMachineVersion.Request r) {
        Arn arn = Arn.parse(r.stateMachineVersionArn(), "stateMachine");
        if (arn.qualifier().isEmpty() || !isVersion(arn.qualifier().get())) {
            throw new ApiException.ValidationException("Invalid version ARN: '" + arn.text() + "'");
        }
        MachineEntry e = cached(ctx.arn("stateMachine:" + arn.name()));
        if (e != null) {
            int n = Integer.parseInt(arn.qualifier().get());
            for (Alias a : e.aliases.values()) {
                if (a.routing().stream().anyMatch(item -> item.stateMachineVersionArn().equals(arn.text()))) {
                    throw new ApiException.ConflictException("Version to be deleted must not be referenced by an alias. "
                            + "Current list of aliases referencing this version: [" + a.name() + "]");
                }
            }
            Version v = e.versions.remove(n);
            if (v != null) {
                persist(e, List.of(new RegistryChange.Delete(Documents.VERSION, v.arn())));
            }
        }
        return new DeleteStateMachineVersion.Response();
    }

    // ---- aliases -----------------------------------------------------------------------------------

    public synchronized CreateStateMachineAlias.Response createAlias(CreateStateMachineAlias.Request r) {
        Names.checkAlias(r.name());
        MachineEntry e = routingMachine(r.routingConfiguration());
        String arn = e.arn + ":" + r.name();
        Alias existing = e.aliases.get(r.name());
        if (existing != null) {
            if (existing.routing().equals(r.routingConfiguration()) && existing.description().equals(r.description())) {
                return new CreateStateMachineAlias.Response(arn, existing.creationDate());
            }
            throw new ApiException.ConflictException("Failed to create alias because an alias with the same name and a "
                    + "different routing configuration already exists.");
        }
        if (e.aliases.size() >= 100) {
            throw new ApiException.ServiceQuotaExceededException("Maximum number of aliases (100) reached for " + e.arn);
        }
        Alias a = new Alias(r.name(), arn, r.description(), r.routingConfiguration(), ctx.now(), Optional.empty());
        e.aliases.put(r.name(), a);
        persist(e, List.of(Documents.alias(e.arn, a)));
        return new CreateStateMachineAlias.Response(arn, a.creationDate());
    }

    public synchronized DescribeStateMachineAlias.Response describeAlias(DescribeStateMachineAlias.Request r) {
        Arn arn = Arn.parse(r.stateMachineAliasArn(), "stateMachine");
        Alias a = alias(entry(arn), arn);
        return new DescribeStateMachineAlias.Response(a.arn(), a.name(), a.description(), a.routing(), a.creationDate(),
                a.updateDate());
    }

    public synchronized UpdateStateMachineAlias.Response updateAlias(UpdateStateMachineAlias.Request r) {
        Arn arn = Arn.parse(r.stateMachineAliasArn(), "stateMachine");
        MachineEntry e = entry(arn);
        Alias a = alias(e, arn);
        if (r.description().isEmpty() && r.routingConfiguration().isEmpty()) {
            throw new ApiException.MissingRequiredParameter("Either the description or the RoutingConfiguration must be specified");
        }
        List<RoutingConfigurationListItem> routing = r.routingConfiguration().isEmpty() ? a.routing() : r.routingConfiguration();
        if (!r.routingConfiguration().isEmpty() && routingMachine(routing) != e) {
            throw new ApiException.ValidationException("Routing configuration must contain versions of the alias's state machine");
        }
        Alias next = new Alias(a.name(), a.arn(), r.description().or(a::description), routing, a.creationDate(),
                Optional.of(ctx.now()));
        e.aliases.put(a.name(), next);
        persist(e, List.of(Documents.alias(e.arn, next)));
        return new UpdateStateMachineAlias.Response(next.updateDate().orElseThrow());
    }

    public synchronized DeleteStateMachineAlias.Response deleteAlias(DeleteStateMachineAlias.Request r) {
        Arn arn = Arn.parse(r.stateMachineAliasArn(), "stateMachine");
        if (arn.qualifier().isEmpty() || isVersion(arn.qualifier().get())) {
            throw new ApiException.ValidationException("Invalid alias ARN: '" + arn.text() + "'");
        }
        MachineEntry e = cached(ctx.arn("stateMachine:" + arn.name()));
        if (e != null) {
            Alias a = e.aliases.remove(arn.qualifier().get());
            if (a != null) {
                persist(e, List.of(new RegistryChange.Delete(Documents.ALIAS, a.arn())));
            }
        }
        return new DeleteStateMachineAlias.Response();
    }

    public synchronized ListStateMachineAliases.Response listAliases(ListStateMachineAliases.Request r) {
        MachineEntry e = entry(unqualified(r.stateMachineArn()));
        List<AliasListItem> all = e.aliases.values().stream().map(a -> new AliasListItem(a.arn(), a.creationDate())).toList();
        Paging.Page<AliasListItem> page = Paging.page("ListStateMachineAliases:" + e.arn, all, r.nextToken(), r.maxResults());
        return new ListStateMachineAliases.Response(page.items(), page.nextToken());
    }

    private MachineEntry routingMachine(List<RoutingConfigurationListItem> routing) {
        MachineEntry machine = null;
        int total = 0;
        List<String> seen = new ArrayList<>();
        for (RoutingConfigurationListItem item : routing) {
            Arn v = Arn.parse(item.stateMachineVersionArn(), "stateMachine");
            if (v.qualifier().isEmpty() || !isVersion(v.qualifier().get())) {
                throw new ApiException.ValidationException("Routing configuration must contain state machine version ARNs. "
                        + "Received: [" + item.stateMachineVersionArn() + "]");
            }
            MachineEntry e = entry(v);
            version(e, v);
            if (machine != null && machine != e) {
                throw new ApiException.ValidationException("Routing configuration must contain state machine version ARNs "
                        + "of the same state machine");
            }
            if (seen.contains(v.text())) {
                throw new ApiException.ValidationException("Routing configuration must contain distinct state machine version ARNs. "
                        + "Received: " + seen + "");
            }
            seen.add(v.text());
            machine = e;
            total += item.weight();
        }
        if (total != 100) {
            throw new ApiException.ValidationException("Sum of routing configuration weights must equal 100. Received: " + total);
        }
        return machine;
    }

    // ---- the store ---------------------------------------------------------------------------------

    /**
     * Writes {@code changes}, already applied to {@code e} in memory; when the write fails, reads the machine
     * back from the store (undoing them in memory) and rethrows.
     */
    private void persist(MachineEntry e, List<RegistryChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        try {
            stored.apply(changes);
        } catch (RuntimeException failure) {
            try {
                stored.load(e.arn).ifPresentOrElse(m -> machines.put(e.arn, m), () -> machines.remove(e.arn));
            } catch (RuntimeException again) {
                failure.addSuppressed(again);
            }
            throw failure;
        }
    }

    // ---- lookups -----------------------------------------------------------------------------------

    /**
     * Reads the machine {@code arn} (unqualified) again from the store, after another node changed it (or its
     * versions or aliases); forgets it when the store no longer has it.
     */
    public synchronized void reload(String arn) {
        stored.load(arn).ifPresentOrElse(m -> machines.put(arn, m), () -> machines.remove(arn));
    }

    /** Reads every machine again from the store (another node may have changed any of them). */
    public synchronized void reloadAll() {
        machines.clear();
        machines.putAll(stored.loadAll());
    }

    /** The machine, revision and version/alias an execution started through {@code stateMachineArn} runs. */
    public synchronized Target resolve(String stateMachineArn) {
        try {
            return resolveCached(stateMachineArn);
        } catch (ApiException.ResourceNotFound e) {
            // A version or alias another node just published: read the machine again before saying no.
            reload(ctx.arn("stateMachine:" + Arn.parse(stateMachineArn, "stateMachine").name()));
            return resolveCached(stateMachineArn);
        }
    }

    private Target resolveCached(String stateMachineArn) {
        Arn arn = Arn.parse(stateMachineArn, "stateMachine");
        MachineEntry e = entry(arn);
        Optional<String> qualifier = arn.qualifier();
        if (qualifier.isEmpty()) {
            return new Target(e.arn, e.name, e.type, e.current, Optional.empty(), Optional.empty());
        }
        if (isVersion(qualifier.get())) {
            Version v = version(e, arn);
            return new Target(e.arn, e.name, e.type, v.revision(), Optional.of(v.arn()), Optional.empty());
        }
        Alias a = alias(e, arn);
        int pick = java.util.concurrent.ThreadLocalRandom.current().nextInt(100);
        RoutingConfigurationListItem chosen = a.routing().get(0);
        int acc = 0;
        for (RoutingConfigurationListItem item : a.routing()) {
            acc += item.weight();
            if (pick < acc) {
                chosen = item;
                break;
            }
        }
        Version v = version(e, Arn.parse(chosen.stateMachineVersionArn(), "stateMachine"));
        return new Target(e.arn, e.name, e.type, v.revision(), Optional.of(v.arn()), Optional.of(a.arn()));
    }

    /** True when the resource (state machine, version or alias) exists; for tagging. */
    public synchronized boolean exists(String arn) {
        return machines.containsKey(arn) || cached(arn) != null;
    }

    private Arn unqualified(String text) {
        Arn arn = Arn.parse(text, "stateMachine");
        if (arn.qualifier().isPresent()) {
            throw new ApiException.ValidationException("Service does not support qualified state machine ARNs in this operation.");
        }
        return arn;
    }

    /** The machine in memory, else read from the store (created by another node), else null. */
    private MachineEntry cached(String machineArn) {
        MachineEntry e = machines.get(machineArn);
        if (e == null) {
            e = stored.load(machineArn).orElse(null);
            if (e != null) {
                machines.put(machineArn, e);
            }
        }
        return e;
    }

    private MachineEntry entry(Arn arn) {
        MachineEntry e = cached(ctx.arn("stateMachine:" + arn.name()));
        if (e == null || !arn.region().equals(ctx.region()) || !arn.account().equals(ctx.account())) {
            throw new ApiException.StateMachineDoesNotExist("State Machine Does Not Exist: '" + arn.text() + "'");
        }
        return e;
    }

    private static Version version(MachineEntry e, Arn arn) {
        Version v = arn.qualifier().filter(StateMachineService::isVersion).map(q -> e.versions.get(Integer.parseInt(q)))
                .orElse(null);
        if (v == null) {
            throw new ApiException.ResourceNotFound("Resource not found: '" + arn.text() + "'");
        }
        return v;
    }

    private static Alias alias(MachineEntry e, Arn arn) {
        Alias a = arn.qualifier().map(e.aliases::get).orElse(null);
        if (a == null) {
            throw new ApiException.ResourceNotFound("Resource not found: '" + arn.text() + "'");
        }
        return a;
    }

    static boolean isVersion(String qualifier) {
        return !qualifier.isEmpty() && qualifier.length() < 10 && qualifier.chars().allMatch(Character::isDigit);
    }
}
