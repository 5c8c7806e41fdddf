package io.flowstate.api.service;

import static io.flowstate.api.service.Qualifiers.alias;
import static io.flowstate.api.service.Qualifiers.isVersion;
import static io.flowstate.api.service.Qualifiers.version;
import static java.util.Objects.requireNonNull;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.AliasListItem;
import io.flowstate.api.model.CreateStateMachineAlias;
import io.flowstate.api.model.DeleteStateMachineAlias;
import io.flowstate.api.model.DescribeStateMachineAlias;
import io.flowstate.api.model.ListStateMachineAliases;
import io.flowstate.api.model.RoutingConfigurationListItem;
import io.flowstate.api.model.UpdateStateMachineAlias;
import io.flowstate.api.service.MachineEntry.Alias;
import io.flowstate.engine.runtime.RegistryChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * State machine aliases: create, describe, update, delete, list. An alias routes to versions of its machine,
 * so it lives in the machine's registry entry and changes under {@link StateMachineService}'s lock (one
 * consistency boundary: a version an alias routes to cannot be deleted meanwhile).
 */
final class AliasService {
    private final ApiContext ctx;
    private final StateMachineService owner;

    AliasService(ApiContext ctx, StateMachineService owner) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.owner = requireNonNull(owner, "owner is null");
    }

    public CreateStateMachineAlias.Response createAlias(CreateStateMachineAlias.Request r) {
        synchronized (owner) {
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
            owner.machines().persist(e, List.of(Documents.alias(e.arn, a)));
            return new CreateStateMachineAlias.Response(arn, a.creationDate());
        }
    }

    public DescribeStateMachineAlias.Response describeAlias(DescribeStateMachineAlias.Request r) {
        synchronized (owner) {
            Arn arn = Arn.parse(r.stateMachineAliasArn(), "stateMachine");
            Alias a = alias(owner.entry(arn), arn);
            return new DescribeStateMachineAlias.Response(a.arn(), a.name(), a.description(), a.routing(), a.creationDate(),
                    a.updateDate());
        }
    }

    public UpdateStateMachineAlias.Response updateAlias(UpdateStateMachineAlias.Request r) {
        synchronized (owner) {
            Arn arn = Arn.parse(r.stateMachineAliasArn(), "stateMachine");
            MachineEntry e = owner.entry(arn);
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
            owner.machines().persist(e, List.of(Documents.alias(e.arn, next)));
            return new UpdateStateMachineAlias.Response(next.updateDate().orElseThrow());
        }
    }

    public DeleteStateMachineAlias.Response deleteAlias(DeleteStateMachineAlias.Request r) {
        synchronized (owner) {
            Arn arn = Arn.parse(r.stateMachineAliasArn(), "stateMachine");
            if (arn.qualifier().isEmpty() || isVersion(arn.qualifier().get())) {
                throw new ApiException.ValidationException("Invalid alias ARN: '" + arn.text() + "'");
            }
            MachineEntry e = owner.machines().find(ctx.arn("stateMachine:" + arn.name()));
            if (e != null) {
                Alias a = e.aliases.remove(arn.qualifier().get());
                if (a != null) {
                    owner.machines().persist(e, List.of(new RegistryChange.Delete(Documents.ALIAS, a.arn())));
                }
            }
            return new DeleteStateMachineAlias.Response();
        }
    }

    public ListStateMachineAliases.Response listAliases(ListStateMachineAliases.Request r) {
        synchronized (owner) {
            MachineEntry e = owner.entry(StateMachineService.unqualified(r.stateMachineArn()));
            List<AliasListItem> all = e.aliases.values().stream().map(a -> new AliasListItem(a.arn(), a.creationDate())).toList();
            Paging.Page<AliasListItem> page = Paging.page("ListStateMachineAliases:" + e.arn, all, r.nextToken(), r.maxResults());
            return new ListStateMachineAliases.Response(page.items(), page.nextToken());
        }
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
            MachineEntry e = owner.entry(v);
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
}
