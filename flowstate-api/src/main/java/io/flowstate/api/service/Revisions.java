package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.engine.runtime.RegistryStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every revision of every state machine, by revision id: stored once (a {@code revision} document) and
 * shared by the machine, its versions and its executions, which name it by id. A revision is parsed when it is
 * first read after a restart, then kept: revisions are immutable, and there are as many as machine updates.
 */
final class Revisions {
    private final RegistryStore store;
    private final Map<String, Revision> byId = new ConcurrentHashMap<>();

    Revisions(RegistryStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** Remembers a revision whose document has been stored (or is stored in the same transaction). */
    void cache(Revision r) {
        byId.putIfAbsent(r.revisionId(), r);
    }

    /** The revision with this id, read and parsed from the store on first use. */
    Revision get(String revisionId) {
        Revision r = byId.get(revisionId);
        if (r != null) {
            return r;
        }
        String body = store.get(Documents.REVISION, revisionId).orElseThrow(
                () -> new IllegalStateException("the registry has no revision " + revisionId));
        return byId.computeIfAbsent(revisionId, id -> read(id, Documents.parse(Documents.REVISION, id, body)));
    }

    private static Revision read(String id, JsonNode n) {
        String definition = n.path("definition").asText();
        ParseResult parsed = Definitions.parse(definition, StateMachineType.valueOf(n.path("type").asText()));
        if (!parsed.isValid()) {
            // It was valid when stored, so the parser changed since: name the revision rather than guess.
            throw new IllegalStateException("stored revision " + id + " no longer parses: " + parsed.errors());
        }
        Optional<JsonNode> encryption = Optional.ofNullable(n.get("encryption"));
        return new Revision(definition, parsed.machine().orElseThrow(), n.path("roleArn").asText(), n.path("logging"),
                n.path("tracing"), encryption, id, Documents.date(n, "updateDate"));
    }
}
