package io.flowstate.api.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.DescribeMapRun;
import io.flowstate.api.model.ExecutionListItem;
import io.flowstate.api.model.ExecutionRedriveFilter;
import io.flowstate.api.model.ListExecutions;
import io.flowstate.api.model.ListMapRuns;
import io.flowstate.api.model.MapRunListItem;
import io.flowstate.api.model.UpdateMapRun;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.interp.ChildExecutions;
import io.flowstate.engine.interp.Execution;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.interp.MapRunView;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.ExecutionPage;
import io.flowstate.engine.runtime.ExecutionQuery;
import io.flowstate.engine.runtime.ExecutionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ListMapRuns, DescribeMapRun, UpdateMapRun and ListExecutions of a Map Run, for Distributed Map runs. A run's
 * lifetime comes from the parent execution's history ({@link MapRuns}); its items, settings and child
 * executions from the interpreter's state of the parent ({@link Engine#inspect}, {@link MapRunView}): the
 * engine runs a Distributed Map's children inside the parent and records nothing of them in its history, as
 * AWS records them in child executions instead.
 *
 * <p>A Map Run ARN is found through an index filled whenever an execution's runs are read; an ARN not in it
 * (another node started it, or the process restarted) is looked for by reading the histories of the executions
 * of the state machine the ARN names, once, after which it is indexed too.
 *
 * <p>UpdateMapRun is a trigger of the parent execution, journaled like any other, so it applies to the run in
 * flight (a higher limit starts more children at once) and survives a restart. On a run that has ended it
 * changes nothing. The children are executions to the API ({@link ChildExecutionService}): ListExecutions names
 * them, with ARNs derived from the run's ARN and the item's index ({@link ChildExecutions}).
 */
public final class MapRunService {
    /** Executions per store read while looking for the one that ran a Map Run. */
    private static final int SEARCH_PAGE = 100;

    private final Engine engine;
    private final ExecutionMetas metas;
    /** Map Run ARN -> the execution that ran it. */
    private final Map<String, String> index = new ConcurrentHashMap<>();

    MapRunService(Engine engine, ExecutionMetas metas) {
        this.engine = engine;
        this.metas = metas;
    }

    /** ListMapRuns for an execution already found. */
    ListMapRuns.Response list(ExecutionSummary s, ListMapRuns.Request r) {
        List<MapRunListItem> all = runs(s).stream().map(run -> new MapRunListItem(s.executionArn(), run.mapRunArn(),
                s.stateMachineArn(), run.startDate(), run.stopDate())).toList();
        Paging.Page<MapRunListItem> page = Paging.page("ListMapRuns:" + s.executionArn(), all, r.nextToken(),
                r.maxResults());
        return new ListMapRuns.Response(page.items(), page.nextToken());
    }

    public DescribeMapRun.Response describe(DescribeMapRun.Request r) {
        Found f = find(r.mapRunArn());
        MapRuns.Run run = f.run();
        Optional<MapRunView> view = view(f);
        List<MapRunView.Item> items = view.map(MapRunView::items).orElse(List.of());
        // Items count every item (a batch's child all of its items); executions only the children started (an item
        // not started has none yet).
        List<MapRunView.Item> started = items.stream().filter(i -> i.status() != MapRunView.ItemStatus.PENDING).toList();
        return new DescribeMapRun.Response(run.mapRunArn(), f.execution().executionArn(), run.status().name(),
                run.startDate(), run.stopDate(), view.map(MapRunView::maxConcurrency).orElse(0),
                view.map(MapRunView::toleratedFailurePercentage).orElse(0.0),
                view.map(MapRunView::toleratedFailureCount).orElse(0L), counts(items, true), counts(started, false),
                run.redriveCount(), run.redriveDate());
    }

    public UpdateMapRun.Response update(UpdateMapRun.Request r) {
        if (r.maxConcurrency().isEmpty() && r.toleratedFailureCount().isEmpty() && r.toleratedFailurePercentage().isEmpty()) {
            throw new ApiException.ValidationException(
                    "Must provide at least one of maxConcurrency, toleratedFailurePercentage, toleratedFailureCount");
        }
        Found f = find(r.mapRunArn());
        if (f.run().status() == MapRuns.Status.RUNNING) {
            engine.mapRunChange(f.execution().executionArn(), new Trigger.UpdateMapRun(f.run().mapRunArn(),
                    r.maxConcurrency(), r.toleratedFailurePercentage(), r.toleratedFailureCount()));
        }
        return new UpdateMapRun.Response();
    }

    /**
     * ListExecutions with {@code mapRunArn}: the run's child executions, one per item started, newest first
     * (latest start, then highest index), with the status and redrive filters applied.
     */
    ListExecutions.Response executions(ListExecutions.Request r) {
        Found f = find(r.mapRunArn().orElseThrow());
        String runArn = f.run().mapRunArn();
        String childMachine = ChildExecutions.stateMachineArn(runArn);
        String childPrefix = ChildExecutions.prefix(runArn);
        List<MapRunView.Item> started = new ArrayList<>();
        for (MapRunView.Item item : view(f).map(MapRunView::items).orElse(List.of())) {
            if (item.status() != MapRunView.ItemStatus.PENDING && item.startDate().isPresent()) {
                started.add(item);
            }
        }
        started.sort(Comparator.comparing((MapRunView.Item i) -> i.startDate().orElseThrow())
                .thenComparingInt(MapRunView.Item::index).reversed());
        List<ExecutionListItem> all = new ArrayList<>();
        for (MapRunView.Item item : started) {
            String status = childStatus(item.status());
            if (r.statusFilter().isPresent() && !r.statusFilter().get().name().equals(status)) {
                continue;
            }
            if (r.redriveFilter().isPresent()
                    && (r.redriveFilter().get() == ExecutionRedriveFilter.REDRIVEN) != (item.redriveCount() > 0)) {
                continue;
            }
            String name = ChildExecutions.name(runArn, item.index());
            all.add(new ExecutionListItem(childPrefix + name, childMachine, name, status, item.startDate().orElseThrow(),
                    item.stopDate(), Optional.of(runArn), Optional.of(1), Optional.empty(), Optional.empty(),
                    Optional.of(item.redriveCount()), item.redriveCount() > 0 ? item.startDate() : Optional.empty()));
        }
        String scope = "ListExecutions:" + runArn + ":" + r.statusFilter().map(Enum::name).orElse("")
                + ":" + r.redriveFilter().map(Enum::name).orElse("");
        Paging.Page<ExecutionListItem> page = Paging.page(scope, all, r.nextToken(), r.maxResults());
        return new ListExecutions.Response(page.items(), page.nextToken());
    }

    /** A child execution's status; a pending item has none (it is not listed). */
    static String childStatus(MapRunView.ItemStatus s) {
        return switch (s) {
            case PENDING, RUNNING -> "RUNNING";
            case SUCCEEDED -> "SUCCEEDED";
            case FAILED -> "FAILED";
            case ABORTED -> "ABORTED";
        };
    }

    /** The run's items and settings, from the interpreter's state of the execution that ran it. */
    private Optional<MapRunView> view(Found f) {
        String arn = f.execution().executionArn();
        return metas.get(arn).flatMap(m -> engine.inspect(arn, m.target().revision().machine(), Execution::mapRuns))
                .flatMap(runs -> runs.stream().filter(v -> v.mapRunArn().equals(f.run().mapRunArn())).findFirst());
    }

    /** A Map Run and the execution that ran it. */
    record Found(ExecutionSummary execution, MapRuns.Run run) {}

    /** The item view of a run found, as the interpreter holds it now. */
    Optional<MapRunView> viewOf(Found f) {
        return view(f);
    }

    /**
     * The Map Run whose child executions {@code childArn} would be one of (the run's ARN prefix matches), newest
     * parent first, each passed to {@code match} until it answers; the runs of the state machine the ARN names
     * are searched as {@link #find} does.
     */
    <T> Optional<T> searchRuns(String childArn, java.util.function.Function<Found, Optional<T>> match) {
        Arn arn = Arn.parse(childArn, "execution");
        String machine = arn.name().split("/", 2)[0];
        String prefix = childArn.substring(0, childArn.indexOf(":execution:"));
        ExecutionQuery query = new ExecutionQuery(Optional.of(prefix + ":stateMachine:" + machine), Optional.empty(),
                Optional.empty(), SEARCH_PAGE);
        while (true) {
            ExecutionPage page = engine.list(query);
            for (ExecutionSummary s : page.executions()) {
                for (MapRuns.Run run : runs(s)) {
                    if (childArn.startsWith(io.flowstate.engine.interp.ChildExecutions.prefix(run.mapRunArn()))) {
                        Optional<T> t = match.apply(new Found(s, run));
                        if (t.isPresent()) {
                            return t;
                        }
                    }
                }
            }
            if (page.nextToken().isEmpty()) {
                return Optional.empty();
            }
            query = query.after(page.nextToken().get());
        }
    }

    /** The run (with its parent) known to hold {@code mapRunArn}, if it still exists. */
    Optional<Found> found(String mapRunArn) {
        try {
            return Optional.of(find(mapRunArn));
        } catch (ApiException.ResourceNotFound e) {
            return Optional.empty();
        }
    }

    private Found find(String mapRunArn) {
        Arn arn = Arn.parse(mapRunArn, "mapRun");
        String known = index.get(mapRunArn);
        if (known != null) {
            Optional<Found> f = engine.describe(known).flatMap(s -> in(s, mapRunArn));
            if (f.isPresent()) {
                return f.get();
            }
        }
        // mapRun:MACHINE/LABEL:ID names the state machine; its executions are the only ones that can hold the run.
        String machine = arn.name().split("/", 2)[0];
        String prefix = mapRunArn.substring(0, mapRunArn.indexOf(":mapRun:"));
        // Page by page, newest first (a run looked for is most likely a recent one's), stopping at the one that
        // ran it: the executions are not all loaded first, though an unknown ARN still reads every history.
        ExecutionQuery query = new ExecutionQuery(Optional.of(prefix + ":stateMachine:" + machine), Optional.empty(),
                Optional.empty(), SEARCH_PAGE);
        while (true) {
            ExecutionPage page = engine.list(query);
            for (ExecutionSummary s : page.executions()) {
                Optional<Found> f = in(s, mapRunArn);
                if (f.isPresent()) {
                    return f.get();
                }
            }
            if (page.nextToken().isEmpty()) {
                break;
            }
            query = query.after(page.nextToken().get());
        }
        throw new ApiException.ResourceNotFound("Resource not found: '" + mapRunArn + "'");
    }

    private Optional<Found> in(ExecutionSummary s, String mapRunArn) {
        return runs(s).stream().filter(run -> run.mapRunArn().equals(mapRunArn)).findFirst()
                .map(run -> new Found(s, run));
    }

    /** The execution's runs, indexing their ARNs. */
    private List<MapRuns.Run> runs(ExecutionSummary s) {
        List<MapRuns.Run> runs = MapRuns.fromHistory(engine.history(s.executionArn(), 0, Integer.MAX_VALUE),
                s.status() == ExecutionStatus.RUNNING, s.stopDate());
        runs.forEach(run -> index.put(run.mapRunArn(), s.executionArn()));
        return runs;
    }

    /**
     * Exact counts of {@code items}. A child waiting for the redriven run to start it again counts as it ended
     * (failed or aborted) and in {@code pendingRedrive}, as AWS defines it; results are written for every child
     * that ended, its output or its error. A child processes one item, and starts executing as soon as it is
     * started, so child executions are never {@code pending}. {@code byItem}: each child counts its items (the
     * MapRunItemCounts), else once (the MapRunExecutionCounts).
     */
    private static ObjectNode counts(List<MapRunView.Item> items, boolean byItem) {
        long pending = 0;
        long running = 0;
        long succeeded = 0;
        long failed = 0;
        long aborted = 0;
        long pendingRedrive = 0;
        long total = 0;
        for (MapRunView.Item i : items) {
            long n = byItem ? i.itemCount() : 1;
            switch (i.status()) {
                case PENDING -> pending += n;
                case RUNNING -> running += n;
                case SUCCEEDED -> succeeded += n;
                case FAILED -> failed += n;
                case ABORTED -> aborted += n;
            }
            if (i.pendingRedrive()) {
                pendingRedrive += n;
            }
            total += n;
        }
        ObjectNode c = Json.object();
        c.put("pending", pending);
        c.put("running", running);
        c.put("succeeded", succeeded);
        c.put("failed", failed);
        c.put("timedOut", 0);
        c.put("aborted", aborted);
        c.put("total", total);
        c.put("resultsWritten", succeeded + failed);
        c.put("failuresNotRedrivable", 0);
        c.put("pendingRedrive", pendingRedrive);
        return c;
    }
}
