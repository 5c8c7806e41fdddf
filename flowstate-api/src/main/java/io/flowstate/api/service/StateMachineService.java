package io.flowstate.api.service;

import static io.flowstate.api.service.Qualifiers.alias;
import static io.flowstate.api.service.Qualifiers.isVersion;
import static io.flowstate.api.service.Qualifiers.version;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.CreateStateMachine;
import io.flowstate.api.model.DeleteStateMachine;
import io.flowstate.api.model.DeleteStateMachineVersion;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.model.IncludedData;
import io.flowstate.api.model.ListStateMachineVersions;
import io.flowstate.api.model.ListStateMachines;
import io.flowstate.api.model.PublishStateMachineVersion;
import io.flowstate.api.model.StateMachineListItem;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.model.UpdateStateMachine;
import io.flowstate.api.model.VersionListItem;
import io.flowstate.api.service.MachineEntry.Alias;
import io.flowstate.api.service.MachineEntry.Version;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryStore;
import java.util.ArrayList;
import java.util.List;
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
    private final MachineCache machines;
    private volatile LogGroupCheck logGroups = LogGroupCheck.ANY;

    /** State machines in memory only. */
    public StateMachineService(ApiContext ctx, Tags tags) {
        this(ctx, tags, new InMemoryRegistryStore());
    }

    /** State machines in {@code store}, loading those it holds. */
    public StateMachineService(ApiContext ctx, Tags tags, RegistryStore store) {
        this.ctx = ctx;
        this.tags = tags;
        this.machines = new MachineCache(store);
    }

    /** The machines in memory over the store; used under this object's lock. */
    MachineCache machines() {
        return machines;
    }

    /** The revisions of every machine, which executions name. */
    Revisions revisions() {
        return machines.revisions();
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
        if (r.loggingConfiguration().isPresent()) {
            checkDestination(revision.loggingConfiguration());
        }
        tags.checkNew(r.tags());
        String arn = ctx.arn("stateMachine:" + r.name());
        MachineEntry existing = machines.find(arn);
        if (existing != null) {
            if (existing.type != type || !existing.current.sameSettings(revision)) {
                throw new ApiException.StateMachineAlreadyExists("State Machine Already Exists: '" + arn + "'");
            }
            List<RegistryChange> changes = new ArrayList<>();
            Optional<String> version = r.publish() ? Optional.of(publish(existing, r.versionDescription(), changes).arn())
                    : Optional.empty();
            machines.persist(existing, changes);
            return new CreateStateMachine.Response(arn, existing.creationDate, version);
        }
        MachineEntry e = new MachineEntry(arn, r.name(), type, revision.updateDate(), revision);
        List<RegistryChange> changes = new ArrayList<>();
        changes.add(Documents.revision(revision, type));
        changes.add(Tags.change(arn, r.tags()));
        Optional<String> version = r.publish() ? Optional.of(publish(e, r.versionDescription(), changes).arn())
                : Optional.empty();
        changes.add(Documents.machine(e));
        machines.add(e, changes);
        tags.put(arn, r.tags());
        return new CreateStateMachine.Response(arn, e.creationDate, version);
    }

    /** Checks logging destinations with {@code check} from now on. */
    public void logGroupCheck(LogGroupCheck check) {
        this.logGroups = java.util.Objects.requireNonNull(check, "check is null");
    }

    /**
     * AWS refuses a logging configuration whose log group does not exist, whatever its level; a destination
     * that is no log group ARN at all ({@code arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME[:*]}) names none.
     */
    private void checkDestination(com.fasterxml.jackson.databind.JsonNode logging) {
        for (com.fasterxml.jackson.databind.JsonNode d : logging.path("destinations")) {
            String arn = d.path("cloudWatchLogsLogGroup").path("logGroupArn").asText("");
            if (!arn.matches("arn:[^:]+:logs:[^:]*:[^:]*:log-group:[^:]+(:\\*)?") || !logGroups.exists(arn)) {
                throw new ApiException.InvalidLoggingConfiguration("Invalid Logging Configuration: Log Destination not found.");
            }
        }
    }

    /**
     * The stored {@code loggingConfiguration} of the state machine {@code stateMachineArn} (unqualified: the
     * machine's current one); empty for a machine that does not exist (any more). For execution logging.
     */
    public synchronized Optional<com.fasterxml.jackson.databind.JsonNode> loggingConfiguration(String stateMachineArn) {
        MachineEntry e = machines.find(stateMachineArn);
        return e == null ? Optional.empty() : Optional.of(e.current.loggingConfiguration());
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
        List<StateMachineListItem> all = machines.all().stream()
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
        if (r.loggingConfiguration().isPresent()) {
            checkDestination(next.loggingConfiguration());
        }
        List<RegistryChange> changes = new ArrayList<>();
        if (!next.sameSettings(old)) {
            e.current = next;
            changes.add(Documents.revision(next, e.type));
            changes.add(Documents.machine(e));
            machines.revisions().cache(next);
        }
        Optional<String> version = r.publish() ? Optional.of(publish(e, r.versionDescription(), changes).arn())
                : Optional.empty();
        machines.persist(e, changes);
        return new UpdateStateMachine.Response(e.current.updateDate(), Optional.of(e.current.revisionId()), version);
    }

    public synchronized DeleteStateMachine.Response delete(DeleteStateMachine.Request r) {
        Arn arn = Arn.parse(r.stateMachineArn(), "stateMachine");
        if (arn.qualifier().isPresent()) {
            // AWS deletes a version or an alias when given its ARN here.
            MachineEntry e = machines.find(ctx.arn("stateMachine:" + arn.name()));
            if (e != null) {
                if (isVersion(arn.qualifier().get())) {
                    Version v = e.versions.remove(Integer.parseInt(arn.qualifier().get()));
                    if (v != null) {
                        machines.persist(e, List.of(new RegistryChange.Delete(Documents.VERSION, v.arn())));
                    }
                } else {
                    Alias a = e.aliases.remove(arn.qualifier().get());
                    if (a != null) {
                        machines.persist(e, List.of(new RegistryChange.Delete(Documents.ALIAS, a.arn())));
                    }
                }
            }
            return new DeleteStateMachine.Response();
        }
        MachineEntry e = machines.find(arn.text());
        if (e != null) {
            // Revisions stay: the machine's executions still describe the revision they ran.
            List<RegistryChange> changes = new ArrayList<>();
            e.versions.values().forEach(v -> changes.add(new RegistryChange.Delete(Documents.VERSION, v.arn())));
            e.aliases.values().forEach(a -> changes.add(new RegistryChange.Delete(Documents.ALIAS, a.arn())));
            changes.add(new RegistryChange.Delete(Documents.MACHINE, e.arn));
            changes.add(Tags.removal(e.arn));
            machines.remove(arn.text(), changes);
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
        machines.persist(e, changes);
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
        MachineEntry e = machines.find(ctx.arn("stateMachine:" + arn.name()));
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
                machines.persist(e, List.of(new RegistryChange.Delete(Documents.VERSION, v.arn())));
            }
        }
        return new DeleteStateMachineVersion.Response();
    }

    // ---- lookups -----------------------------------------------------------------------------------

    /**
     * Reads the machine {@code arn} (unqualified) again from the store, after another node changed it (or its
     * versions or aliases); forgets it when the store no longer has it.
     */
    public synchronized void reload(String arn) {
        machines.reload(arn);
    }

    /** Reads every machine again from the store (another node may have changed any of them). */
    public synchronized void reloadAll() {
        machines.reloadAll();
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
        Version v = version(e, Arn.parse(Qualifiers.pick(a).stateMachineVersionArn(), "stateMachine"));
        return new Target(e.arn, e.name, e.type, v.revision(), Optional.of(v.arn()), Optional.of(a.arn()));
    }

    /** True when the resource (state machine, version or alias) exists; for tagging. */
    public synchronized boolean exists(String arn) {
        return machines.find(arn) != null;
    }

    /** {@code text} as an unqualified state machine ARN; ValidationException for a version or alias ARN. */
    static Arn unqualified(String text) {
        Arn arn = Arn.parse(text, "stateMachine");
        if (arn.qualifier().isPresent()) {
            throw new ApiException.ValidationException("Service does not support qualified state machine ARNs in this operation.");
        }
        return arn;
    }

    /** The machine {@code arn} names (its qualifier aside); StateMachineDoesNotExist when there is none. Under this object's lock. */
    MachineEntry entry(Arn arn) {
        MachineEntry e = machines.find(ctx.arn("stateMachine:" + arn.name()));
        if (e == null || !arn.region().equals(ctx.region()) || !arn.account().equals(ctx.account())) {
            throw new ApiException.StateMachineDoesNotExist("State Machine Does Not Exist: '" + arn.text() + "'");
        }
        return e;
    }

}
