package io.flowstate.api.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.RegistryChange;
import io.flowstate.engine.runtime.RegistryStore;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the API knows of each Standard execution beyond the engine's summary (the revision, version and alias
 * it started through, its trace header), as {@code execution} documents in the {@link RegistryStore}, with the
 * most recently used ones cached: executions outnumber everything else the registry holds, so memory keeps
 * only the ones being looked at.
 */
final class ExecutionMetas {
    /**
     * What the API knows of an execution beyond the engine's summary, including its redrives: how many, the
     * last one's date and the client token it came with (a repeated token answers that redrive again).
     */
    record Meta(StateMachineService.Target target, Optional<String> traceHeader, int redriveCount,
            Optional<Instant> redriveDate, Optional<String> redriveClientToken) {
        Meta {
            requireNonNull(target, "target is null");
            requireNonNull(traceHeader, "traceHeader is null");
            requireNonNull(redriveDate, "redriveDate is null");
            requireNonNull(redriveClientToken, "redriveClientToken is null");
        }

        /** A started execution, not redriven yet. */
        Meta(StateMachineService.Target target, Optional<String> traceHeader) {
            this(target, traceHeader, 0, Optional.empty(), Optional.empty());
        }

        /** The same execution, redriven once more at {@code date}. */
        Meta redriven(Instant date, Optional<String> clientToken) {
            return new Meta(target, traceHeader, redriveCount + 1, Optional.of(date), clientToken);
        }
    }

    private static final int CACHED = 10_000;

    private final RegistryStore store;
    private final Revisions revisions;
    private final Map<String, Meta> recent = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Meta> eldest) {
            return size() > CACHED;
        }
    };

    ExecutionMetas(RegistryStore store, Revisions revisions) {
        this.store = requireNonNull(store, "store is null");
        this.revisions = requireNonNull(revisions, "revisions is null");
    }

    /** Stores (or replaces) the metadata of {@code executionArn}. */
    void put(String executionArn, Meta m) {
        ObjectNode n = Json.object();
        StateMachineService.Target t = m.target();
        n.put("stateMachineArn", t.stateMachineArn());
        n.put("name", t.name());
        n.put("type", t.type().name());
        n.put("revisionId", t.revision().revisionId());
        t.versionArn().ifPresent(v -> n.put("versionArn", v));
        t.aliasArn().ifPresent(v -> n.put("aliasArn", v));
        m.traceHeader().ifPresent(v -> n.put("traceHeader", v));
        if (m.redriveCount() > 0) {
            n.put("redriveCount", m.redriveCount());
        }
        m.redriveDate().ifPresent(v -> n.put("redriveDate", v.toString()));
        m.redriveClientToken().ifPresent(v -> n.put("redriveClientToken", v));
        store.put(Documents.EXECUTION, executionArn, Json.write(n));
        synchronized (recent) {
            recent.put(executionArn, m);
        }
    }

    /** The metadata of {@code executionArn}, if the API started it. */
    Optional<Meta> get(String executionArn) {
        synchronized (recent) {
            Meta m = recent.get(executionArn);
            if (m != null) {
                return Optional.of(m);
            }
        }
        Optional<Meta> m = store.get(Documents.EXECUTION, executionArn)
                .map(body -> read(Documents.parse(Documents.EXECUTION, executionArn, body)));
        m.ifPresent(x -> {
            synchronized (recent) {
                recent.put(executionArn, x);
            }
        });
        return m;
    }

    /** Drops the cached metadata of {@code executionArn} (another node redrove it), or of all when null. */
    void invalidate(String executionArn) {
        synchronized (recent) {
            if (executionArn == null) {
                recent.clear();
            } else {
                recent.remove(executionArn);
            }
        }
    }

    /** Forgets the metadata of executions deleted from the engine's store. */
    void delete(Collection<String> executionArns) {
        store.apply(executionArns.stream().map(a -> (RegistryChange) new RegistryChange.Delete(Documents.EXECUTION, a)).toList());
        synchronized (recent) {
            recent.keySet().removeAll(List.copyOf(executionArns));
        }
    }

    private Meta read(JsonNode n) {
        StateMachineService.Target t = new StateMachineService.Target(n.path("stateMachineArn").asText(),
                n.path("name").asText(), StateMachineType.valueOf(n.path("type").asText()),
                revisions.get(n.path("revisionId").asText()), Documents.text(n, "versionArn"), Documents.text(n, "aliasArn"));
        return new Meta(t, Documents.text(n, "traceHeader"), n.path("redriveCount").asInt(0),
                Documents.text(n, "redriveDate").map(Instant::parse), Documents.text(n, "redriveClientToken"));
    }
}
