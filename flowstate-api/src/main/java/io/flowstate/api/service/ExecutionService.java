package io.flowstate.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.BillingDetails;
import io.flowstate.api.model.DescribeExecution;
import io.flowstate.api.model.DescribeStateMachineForExecution;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.api.model.Included;
import io.flowstate.api.model.IncludedData;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.api.model.ListMapRuns;
import io.flowstate.api.model.RedriveExecution;
import io.flowstate.api.model.StartExecution;
import io.flowstate.api.model.StartSyncExecution;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.model.StopExecution;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.ExecutionSummary;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.RegistryStore;
import io.flowstate.engine.runtime.TimerService;
import io.flowstate.engine.task.TaskHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executions through the API: starting (Standard on the shared {@link Engine}; Express on an engine of their own
 * that is dropped when they end, since AWS keeps no history of them), describing, listing, history, stopping.
 * What the engine's summary does not hold (the revision, version and alias an execution started through, its
 * trace header) is kept beside it in the registry store ({@link ExecutionMetas}).
 */
public final class ExecutionService {
    /** Express executions may run 5 minutes; StartSyncExecution waits that long at most. */
    private static final Duration EXPRESS_LIMIT = Duration.ofMinutes(5);

    private final ApiContext ctx;
    private final StateMachineService machines;
    private final Engine engine;
    /** Given to each Express execution's engine, as the shared engine has it (execution logging). */
    private volatile io.flowstate.engine.runtime.HistoryListener listener = io.flowstate.engine.runtime.HistoryListener.NONE;
    private final TaskHandler tasks;
    private final TimerService timers;
    private final ExecutionMetas metas;
    private final MapRunService mapRuns;
    private final ChildExecutionService children;
    private final ExecutionListing listing;
    /** ARNs being started in this process: a second StartExecution of the name waits for no one, as before. */
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    /** Executions whose metadata is kept in memory only. */
    public ExecutionService(ApiContext ctx, StateMachineService machines, Engine engine, TaskHandler tasks,
            TimerService timers) {
        this(ctx, machines, engine, tasks, timers, new InMemoryRegistryStore());
    }

    /** Executions whose metadata is kept in {@code store}. */
    public ExecutionService(ApiContext ctx, StateMachineService machines, Engine engine, TaskHandler tasks,
            TimerService timers, RegistryStore store) {
        this.ctx = ctx;
        this.machines = machines;
        this.engine = engine;
        this.tasks = tasks;
        this.timers = timers;
        this.metas = new ExecutionMetas(store, machines.revisions());
        this.mapRuns = new MapRunService(engine, metas);
        this.children = new ChildExecutionService(engine, metas, mapRuns);
        this.listing = new ExecutionListing(engine, metas);
    }

    /** Tells {@code l} of every committed decision's events, on the shared engine and Express executions' ones. */
    void historyListener(io.flowstate.engine.runtime.HistoryListener l) {
        this.listener = java.util.Objects.requireNonNull(l, "listener is null");
        engine.historyListener(l);
    }

    /** The engine of one Express execution: its own, in memory, dropped when it ends. */
    private Engine expressEngine() {
        Engine e = new Engine(new InMemoryExecutionStore(), tasks, timers);
        e.historyListener(listener);
        return e;
    }

    public StartExecution.Response start(StartExecution.Request r) {
        StateMachineService.Target t = machines.resolve(r.stateMachineArn());
        String name = Names.check(r.name().orElseGet(() -> UUID.randomUUID().toString()));
        String inputText = r.input().orElse("{}");
        JsonNode input = input(inputText);
        Instant now = ctx.now();
        if (t.type() == StateMachineType.EXPRESS) {
            ExecutionInfo info = info(t, ctx.arn("express:" + t.name() + ":" + name + ":" + UUID.randomUUID()), name,
                    now, input, inputText).withTraceHeader(r.traceHeader());
            expressEngine().start(t.revision().machine(), info, "EXPRESS");
            return new StartExecution.Response(info.executionArn(), now);
        }
        String arn = ctx.arn("execution:" + t.name() + ":" + name);
        ExecutionInfo info = info(t, arn, name, now, input, inputText).withTraceHeader(r.traceHeader());
        if (engine.describe(arn).isEmpty() && starting.add(arn)) {
            try {
                // Meta first: the first decision runs inline, and a fast execution can be listed before start
                // returns. A crash between the two writes leaves meta without an execution, which the next start
                // of the name replaces. (Two nodes starting one name at once may leave the loser's meta.)
                metas.put(arn, new ExecutionMetas.Meta(t, r.traceHeader()));
                // With the definition text, so that the execution can be rebuilt after a restart.
                Optional<ExecutionSummary> started = engine.start(t.revision().machine(), t.revision().definition(),
                        info, "STANDARD");
                if (started.isPresent()) {
                    return new StartExecution.Response(arn, started.get().startDate());
                }
            } finally {
                starting.remove(arn);
            }
        }
        // Idempotent by name: the same input while it runs is the same execution (AWS's rule for Standard).
        ExecutionSummary existing = engine.describe(arn).orElseThrow(
                () -> new ApiException.ExecutionAlreadyExists("Execution Already Exists: '" + arn + "'"));
        if (existing.status() == ExecutionStatus.RUNNING && existing.inputText().equals(inputText)
                && existing.stateMachineArn().equals(t.stateMachineArn())) {
            return new StartExecution.Response(arn, existing.startDate());
        }
        throw new ApiException.ExecutionAlreadyExists("Execution Already Exists: '" + arn + "'");
    }

    public StartSyncExecution.Response startSync(StartSyncExecution.Request r) {
        StateMachineService.Target t = machines.resolve(r.stateMachineArn());
        if (t.type() != StateMachineType.EXPRESS) {
            throw new ApiException.StateMachineTypeNotSupported("This operation is not supported by this type of state machine");
        }
        String name = Names.check(r.name().orElseGet(() -> UUID.randomUUID().toString()));
        String inputText = r.input().orElse("{}");
        JsonNode input = input(inputText);
        ExecutionInfo info = info(t, ctx.arn("express:" + t.name() + ":" + name + ":" + UUID.randomUUID()), name,
                ctx.now(), input, inputText).withTraceHeader(r.traceHeader());
        Engine express = expressEngine();
        express.start(t.revision().machine(), info, "EXPRESS_SYNC");
        ExecutionSummary s;
        try {
            s = express.completion(info.executionArn()).get(EXPRESS_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            express.stop(info.executionArn(), Optional.of("States.Timeout"), Optional.empty());
            s = express.describe(info.executionArn()).orElseThrow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + info.executionArn(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        boolean data = r.includedData().orElse(IncludedData.ALL_DATA) == IncludedData.ALL_DATA;
        Instant stop = s.stopDate().orElseGet(ctx::now);
        long billed = Math.max(100, (Duration.between(s.startDate(), stop).toMillis() + 99) / 100 * 100);
        Optional<String> output = s.output().map(Json::write);
        return new StartSyncExecution.Response(s.executionArn(), Optional.of(r.stateMachineArn()), Optional.of(name), s.startDate(), stop, s.status().name(), s.error(), s.cause(),
                data ? Optional.of(s.inputText()) : Optional.empty(), Optional.of(new Included(data)),
                data ? output : Optional.empty(), output.map(o -> new Included(data)), r.traceHeader(),
                Optional.of(new BillingDetails(64, billed)));
    }

    public DescribeExecution.Response describe(DescribeExecution.Request r) {
        if (ChildExecutionService.isChild(r.executionArn())) {
            return children.describe(r);
        }
        ExecutionSummary s = summary(r.executionArn());
        ExecutionMetas.Meta m = metas.get(s.executionArn()).orElse(null);
        boolean data = r.includedData().orElse(IncludedData.ALL_DATA) == IncludedData.ALL_DATA;
        Optional<String> output = s.output().map(Json::write);
        Optional<String> notRedrivable = notRedrivable(s, m);
        return new DescribeExecution.Response(s.executionArn(), s.stateMachineArn(), s.name(), s.status().name(),
                s.startDate(), s.stopDate(), data ? Optional.of(s.inputText()) : Optional.empty(),
                Optional.of(new Included(data)), data ? output : Optional.empty(), output.map(o -> new Included(data)),
                m == null ? Optional.empty() : m.traceHeader(), Optional.empty(), s.error(), s.cause(),
                m == null ? Optional.empty() : m.target().versionArn(), m == null ? Optional.empty() : m.target().aliasArn(),
                Optional.of(m == null ? 0 : m.redriveCount()), m == null ? Optional.empty() : m.redriveDate(),
                Optional.of(notRedrivable.isEmpty() ? "REDRIVABLE" : "NOT_REDRIVABLE"), notRedrivable);
    }

    public DescribeStateMachineForExecution.Response describeStateMachine(DescribeStateMachineForExecution.Request r) {
        if (ChildExecutionService.isChild(r.executionArn())) {
            // AWS: "the state machine returned is the state machine associated with the Map Run", with the run.
            ChildExecutionService.Parent p = children.parent(r.executionArn());
            DescribeStateMachineForExecution.Response parent = describeStateMachine(
                    new DescribeStateMachineForExecution.Request(p.executionArn(), r.includedData()));
            String runArn = p.mapRunArn();
            String label = runArn.substring(runArn.indexOf('/') + 1, runArn.lastIndexOf(':'));
            return new DescribeStateMachineForExecution.Response(parent.stateMachineArn(), parent.name(),
                    parent.definition(), parent.roleArn(), parent.updateDate(), parent.loggingConfiguration(),
                    parent.tracingConfiguration(), Optional.of(runArn), Optional.of(label), parent.revisionId(),
                    parent.encryptionConfiguration(), parent.variableReferences());
        }
        ExecutionSummary s = summary(r.executionArn());
        ExecutionMetas.Meta m = metas.get(s.executionArn()).orElse(null);
        if (m == null) {
            throw new ApiException.ExecutionDoesNotExist("Execution Does Not Exist: '" + r.executionArn() + "'");
        }
        Revision rev = m.target().revision();
        boolean data = r.includedData().orElse(IncludedData.ALL_DATA) == IncludedData.ALL_DATA;
        return new DescribeStateMachineForExecution.Response(m.target().versionArn().orElse(s.stateMachineArn()),
                m.target().name(), data ? Optional.of(rev.definition()) : Optional.empty(), rev.roleArn(),
                rev.updateDate(), Optional.of(rev.loggingConfiguration()), Optional.of(rev.tracingConfiguration()),
                Optional.empty(), Optional.empty(), Optional.of(rev.revisionId()), rev.encryptionConfiguration(),
                Optional.empty());
    }

    public ListExecutions.Response list(ListExecutions.Request r) {
        if (r.mapRunArn().isPresent()) {
            if (r.stateMachineArn().isPresent()) {
                // AWS takes one or the other, never both.
                throw new ApiException.ValidationException("Must provide either a StateMachine ARN or a MapRun ARN, not both");
            }
            return mapRuns.executions(r);
        }
        String smArn = r.stateMachineArn().orElseThrow(() -> new ApiException.ValidationException(
                "Must provide a StateMachine ARN or MapRun ARN"));
        StateMachineService.Target t = machines.resolve(smArn);
        if (t.type() == StateMachineType.EXPRESS) {
            throw new ApiException.StateMachineTypeNotSupported("This operation is not supported by this type of state machine");
        }
        return listing.list(t.stateMachineArn(), Arn.parse(smArn, "stateMachine"), r);
    }

    /**
     * GetExecutionHistory reads only the page's events from the store: event ids run from 1 to the execution's
     * last event id without gaps, so a page is a range of ids and its token the id it stops at.
     */
    public GetExecutionHistory.Response history(GetExecutionHistory.Request r) {
        if (ChildExecutionService.isChild(r.executionArn())) {
            return children.history(r);
        }
        ExecutionSummary s = summary(r.executionArn());
        String scope = "GetExecutionHistory:" + s.executionArn() + ":" + r.reverseOrder();
        int size = Paging.size(r.maxResults());
        Optional<Long> from = r.nextToken().map(t -> (long) Paging.position(scope, t));
        List<HistoryEvent> events;
        Optional<String> next;
        if (!r.reverseOrder()) {
            long after = from.orElse(0L);
            events = engine.history(s.executionArn(), after, size);
            long end = events.isEmpty() ? after : events.getLast().id();
            next = end < s.lastEventId() ? Optional.of(Paging.token(scope, end)) : Optional.empty();
        } else {
            // Newest first: the page is (bottom, top], top being the last event id on the first page.
            long top = Math.min(from.orElse(s.lastEventId()), s.lastEventId());
            long bottom = Math.max(0, top - size);
            events = new ArrayList<>(engine.history(s.executionArn(), bottom, (int) (top - bottom)));
            Collections.reverse(events);
            next = bottom > 0 ? Optional.of(Paging.token(scope, bottom)) : Optional.empty();
        }
        boolean data = r.includeExecutionData().orElse(true);
        List<JsonNode> json = engine.withPayloadWriter(s.executionArn(), w -> events.stream()
                .map(e -> (JsonNode) strip(HistoryJson.event(e, w), data)).toList());
        return new GetExecutionHistory.Response(json, next);
    }

    public StopExecution.Response stop(StopExecution.Request r) {
        if (ChildExecutionService.isChild(r.executionArn())) {
            return children.stop(r, ctx.now());
        }
        ExecutionSummary s = summary(r.executionArn());
        if (s.status() == ExecutionStatus.RUNNING) {
            engine.stop(s.executionArn(), r.error(), r.cause());
            s = engine.describe(s.executionArn()).orElseThrow();
        }
        return new StopExecution.Response(s.stopDate().orElseGet(ctx::now));
    }

    /**
     * RedriveExecution: AWS's rules are checked here ({@link #notRedrivable}), the engine rebuilds the execution
     * and runs it on from the state that did not succeed. A request repeating the client token of the last
     * redrive answers that redrive again instead of starting another.
     */
    public RedriveExecution.Response redrive(RedriveExecution.Request r) {
        ExecutionSummary s = summary(r.executionArn());
        ExecutionMetas.Meta m = metas.get(s.executionArn()).orElse(null);
        if (m != null && r.clientToken().isPresent() && r.clientToken().equals(m.redriveClientToken())
                && m.redriveDate().isPresent()) {
            return new RedriveExecution.Response(m.redriveDate().get());
        }
        Optional<String> reason = notRedrivable(s, m);
        if (reason.isPresent()) {
            throw new ApiException.ExecutionNotRedrivable(reason.get());
        }
        Optional<Instant> date = engine.redrive(s.executionArn(), m.target().revision().machine());
        if (date.isEmpty()) {
            // Another caller redrove it first (or it ended meanwhile): name what it is now.
            ExecutionSummary now = summary(s.executionArn());
            throw new ApiException.ExecutionNotRedrivable(notRedrivable(now, m)
                    .orElse("Execution is " + now.status().name() + " and cannot be redriven"));
        }
        metas.put(s.executionArn(), m.redriven(date.get(), r.clientToken()));
        return new RedriveExecution.Response(date.get());
    }

    /**
     * Why AWS would refuse to redrive the execution (its {@code redriveStatusReason}, also the message of
     * {@code ExecutionNotRedrivable}; the wording is the list in AWS's DescribeExecution reference), or empty
     * when it can be redriven: only a Standard execution of a state machine not deleted, that ended FAILED,
     * TIMED_OUT or ABORTED less than 14 days ago and started less than a year ago (a Standard execution's
     * longest run), whose history has room left.
     */
    private Optional<String> notRedrivable(ExecutionSummary s, ExecutionMetas.Meta m) {
        return Redrivability.notRedrivable(s, m != null, machines.exists(s.stateMachineArn()), ctx.now());
    }

    public ListMapRuns.Response listMapRuns(ListMapRuns.Request r) {
        if (ChildExecutionService.isChild(r.executionArn())) {
            // A Map Run's child exists (ExecutionDoesNotExist otherwise); the runs of its own Distributed Maps run
            // inside it and are not listed apart.
            children.parent(r.executionArn());
            return new ListMapRuns.Response(List.of(), Optional.empty());
        }
        return mapRuns.list(summary(r.executionArn()), r);
    }

    /** Forgets what is cached of {@code executionArn} (all executions when null): another node changed it. */
    public void executionChanged(String executionArn) {
        metas.invalidate(executionArn);
    }

    /** DescribeMapRun and UpdateMapRun, which read the executions kept here. */
    public MapRunService mapRuns() {
        return mapRuns;
    }

    private ExecutionSummary summary(String executionArn) {
        Arn arn = Arn.parse(executionArn, "execution");
        return engine.describe(arn.text()).orElseThrow(
                () -> new ApiException.ExecutionDoesNotExist("Execution Does Not Exist: '" + executionArn + "'"));
    }

    private ExecutionInfo info(StateMachineService.Target t, String arn, String name, Instant now, JsonNode input,
            String inputText) {
        return new ExecutionInfo(arn, name, t.stateMachineArn(), t.name(), t.revision().roleArn(), ctx.region(), now,
                input, Optional.of(inputText)).withTarget(t.versionArn(), t.aliasArn());
    }

    private static JsonNode input(String text) {
        if (text.isBlank()) {
            throw new ApiException.InvalidExecutionInput("Invalid State Machine Execution Input: 'Invalid execution input.'");
        }
        try {
            return Json.parse(text);
        } catch (JsonProcessingException e) {
            throw new ApiException.InvalidExecutionInput("Invalid State Machine Execution Input: '" + e.getOriginalMessage() + "'");
        }
    }

    static ObjectNode strip(ObjectNode event, boolean data) {
        if (data) {
            return event;
        }
        event.properties().forEach(f -> {
            if (f.getValue() instanceof ObjectNode d) {
                d.remove(List.of("input", "inputDetails", "output", "outputDetails"));
            }
        });
        return event;
    }

    /**
     * Retention: deletes the Standard executions that ended before {@code cutoff}, their history and the
     * metadata kept here, in batches; returns how many. Running executions are never deleted.
     */
    public int deleteEndedBefore(java.time.Instant cutoff) {
        int total = 0;
        while (true) {
            java.util.List<String> arns = engine.deleteClosedBefore(cutoff, 500);
            if (arns.isEmpty()) {
                return total;
            }
            metas.delete(arns);
            total += arns.size();
        }
    }
}
