package io.flowstate.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.model.RoutingConfigurationListItem;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.service.MachineEntry.Alias;
import io.flowstate.api.service.MachineEntry.Version;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.RegistryChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry's documents: the kinds the API keeps in its {@code RegistryStore}, and each kind's JSON shape.
 * Dates are ISO-8601 text (millisecond precision, as the API makes them). The shapes are versioned by their
 * keys: a new optional key may be added; renaming one needs a migration of stored documents.
 *
 * <ul>
 *   <li>{@code stateMachine} by ARN: name, type, creation date, current revision id, next version number;
 *   <li>{@code revision} by revision id: the definition and settings, and the machine type to parse it with;
 *   <li>{@code version} and {@code alias} by their ARN, naming their state machine;
 *   <li>{@code activity} by ARN; {@code tags} by resource ARN (an object, in tag order);
 *   <li>{@code execution} by execution ARN: what the API knows of it beyond the engine's summary.
 * </ul>
 */
final class Documents {
    static final String MACHINE = "stateMachine";
    static final String REVISION = "revision";
    static final String VERSION = "version";
    static final String ALIAS = "alias";
    static final String ACTIVITY = "activity";
    static final String TAGS = "tags";
    static final String EXECUTION = "execution";

    private Documents() {}

    static RegistryChange machine(MachineEntry e) {
        ObjectNode n = Json.object();
        n.put("name", e.name);
        n.put("type", e.type.name());
        n.put("creationDate", e.creationDate.toString());
        n.put("revisionId", e.current.revisionId());
        n.put("nextVersion", e.nextVersion);
        return new RegistryChange.Put(MACHINE, e.arn, Json.write(n));
    }

    static RegistryChange revision(Revision r, StateMachineType type) {
        ObjectNode n = Json.object();
        n.put("type", type.name());
        n.put("definition", r.definition());
        n.put("roleArn", r.roleArn());
        n.set("logging", r.loggingConfiguration());
        n.set("tracing", r.tracingConfiguration());
        r.encryptionConfiguration().ifPresent(x -> n.set("encryption", x));
        n.put("updateDate", r.updateDate().toString());
        return new RegistryChange.Put(REVISION, r.revisionId(), Json.write(n));
    }

    static RegistryChange version(String machineArn, Version v) {
        ObjectNode n = Json.object();
        n.put("machineArn", machineArn);
        n.put("number", v.number());
        n.put("revisionId", v.revision().revisionId());
        v.description().ifPresent(d -> n.put("description", d));
        n.put("creationDate", v.creationDate().toString());
        return new RegistryChange.Put(VERSION, v.arn(), Json.write(n));
    }

    static RegistryChange alias(String machineArn, Alias a) {
        ObjectNode n = Json.object();
        n.put("machineArn", machineArn);
        n.put("name", a.name());
        a.description().ifPresent(d -> n.put("description", d));
        ArrayNode routing = n.putArray("routing");
        a.routing().forEach(r -> routing.addObject().put("stateMachineVersionArn", r.stateMachineVersionArn())
                .put("weight", r.weight()));
        n.put("creationDate", a.creationDate().toString());
        a.updateDate().ifPresent(d -> n.put("updateDate", d.toString()));
        return new RegistryChange.Put(ALIAS, a.arn(), Json.write(n));
    }

    static Alias alias(String arn, JsonNode n) {
        List<RoutingConfigurationListItem> routing = new ArrayList<>();
        n.path("routing").forEach(r -> routing.add(new RoutingConfigurationListItem(
                r.path("stateMachineVersionArn").asText(), r.path("weight").asInt())));
        return new Alias(n.path("name").asText(), arn, text(n, "description"), routing, date(n, "creationDate"),
                text(n, "updateDate").map(Instant::parse));
    }

    /** A stored document as a tree; a document that is not JSON means the database was edited by hand. */
    static JsonNode parse(String kind, String key, String body) {
        try {
            return Json.parse(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + kind + " document " + key + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static Optional<String> text(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(n.get(field).asText()) : Optional.empty();
    }

    static Instant date(JsonNode n, String field) {
        return Instant.parse(n.path(field).asText());
    }
}
