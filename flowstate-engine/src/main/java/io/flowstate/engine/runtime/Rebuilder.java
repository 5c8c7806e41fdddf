package io.flowstate.engine.runtime;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.ParseResult;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds Standard executions from a durable store (start record and journal, by {@link Replay}) for an
 * engine that resumes them: after a restart, when it takes them over from a stopped node, or when a commit
 * was refused and its copy in memory can no longer be trusted. Parsed definitions are shared by the
 * executions of one revision.
 */
final class Rebuilder {
    /** A rebuilt execution, with what it was started with. */
    record Rebuilt(Replay.Replayed replayed, StartRecord start, ExecutionSummary summary) {}

    private final ExecutionStore store;
    /** By definition text; bounded by the number of revisions with running executions. */
    private final Map<String, StateMachine> machines = new ConcurrentHashMap<>();

    Rebuilder(ExecutionStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /**
     * The execution as its journal makes it; empty when it is not RUNNING (any more).
     *
     * @throws IllegalStateException when its definition no longer parses or the replay does not reach the
     *     stored last event id
     */
    java.util.Optional<Rebuilt> running(String arn) {
        java.util.Optional<ExecutionSummary> summary = store.find(arn);
        if (summary.isEmpty() || summary.get().status() != io.flowstate.engine.interp.ExecutionStatus.RUNNING) {
            return java.util.Optional.empty();
        }
        StartRecord start = store.start(arn).orElseThrow();
        StateMachine machine = machines.computeIfAbsent(start.definition(), Rebuilder::parse);
        return java.util.Optional.of(new Rebuilt(rebuild(arn, machine, start, summary.get()), start, summary.get()));
    }

    /**
     * Rebuilds an execution from the store's journal, checking that the replay reaches the stored last event
     * (else the journal and the history disagree, and running it on would corrupt the history).
     */
    Replay.Replayed rebuild(String arn, StateMachine machine, StartRecord start, ExecutionSummary summary) {
        Replay.Replayed r = Replay.replay(machine, start.info(), store.journal(arn));
        if (r.execution().lastEventId() != summary.lastEventId()) {
            throw new IllegalStateException("replay of " + arn + " reached event " + r.execution().lastEventId()
                    + ", the store has " + summary.lastEventId());
        }
        return r;
    }

    private static StateMachine parse(String definition) {
        ParseResult parsed = AslParser.parse(definition);
        return parsed.machine().filter(m -> parsed.isValid()).orElseThrow(() -> new IllegalStateException(
                "its stored definition does not parse: " + parsed.diagnostics()));
    }
}
