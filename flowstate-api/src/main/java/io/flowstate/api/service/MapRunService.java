package io.flowstate.api.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.DescribeMapRun;
import io.flowstate.api.model.ListMapRuns;
import io.flowstate.api.model.MapRunListItem;
import io.flowstate.api.model.UpdateMapRun;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.IntSource;
import io.flowstate.asl.model.MapState;
import io.flowstate.asl.model.NumberSource;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.ExecutionSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ListMapRuns, DescribeMapRun and UpdateMapRun for Distributed Map runs, derived from the parent execution's
 * history ({@link MapRuns}) and the Map state's definition in the revision the execution runs.
 *
 * <p>A Map Run ARN is found through an index filled whenever an execution's runs are read; an ARN not in it
 * (another node started it, or the process restarted) is looked for by reading the histories of the executions
 * of the state machine the ARN names, once, after which it is indexed too.
 *
 * <p>Approximated, because the engine runs a Distributed Map's iterations without recording them:
 * <ul>
 *   <li>item and execution counts come from the item count of {@code MapStateStarted} and the run's outcome:
 *       a SUCCEEDED run counts every item succeeded (tolerated failures are not told apart); a FAILED run counts
 *       the smallest number of failures that exceeds its tolerance, the rest aborted; an ABORTED run counts every
 *       item aborted; a RUNNING run counts up to {@code maxConcurrency} items running and the rest pending;</li>
 *   <li>{@code maxConcurrency} and the tolerated failure fields are the Map state's literal values (0 when
 *       given through a path or JSONata, or absent), or the values an UpdateMapRun stored;</li>
 *   <li>UpdateMapRun stores its values for DescribeMapRun to show; the engine does not change a run in flight.</li>
 * </ul>
 */
public final class MapRunService {
    private final Engine engine;
    private final ExecutionMetas metas;
    /** Map Run ARN -> the execution that ran it. */
    private final Map<String, String> index = new ConcurrentHashMap<>();
    /** What UpdateMapRun set, by Map Run ARN. */
    private final Map<String, Settings> updated = new ConcurrentHashMap<>();

    /** A Map Run's concurrency and failure tolerance. */
    private record Settings(int maxConcurrency, double toleratedFailurePercentage, long toleratedFailureCount) {}

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
        Settings set = settings(f);
        long total = run.length();
        long succeeded = 0;
        long failed = 0;
        long aborted = 0;
        long running = 0;
        long pending = 0;
        switch (run.status()) {
            case SUCCEEDED -> succeeded = total;
            case FAILED -> {
                long byPercent = (long) Math.floor(total * set.toleratedFailurePercentage() / 100.0);
                failed = Math.min(total, Math.max(set.toleratedFailureCount(), byPercent) + 1);
                aborted = total - failed;
            }
            case ABORTED -> aborted = total;
            case RUNNING -> {
                running = set.maxConcurrency() == 0 ? total : Math.min(total, set.maxConcurrency());
                pending = total - running;
            }
        }
        ObjectNode counts = counts(total, succeeded, failed, aborted, running, pending);
        return new DescribeMapRun.Response(run.mapRunArn(), f.execution().executionArn(), run.status().name(),
                run.startDate(), run.stopDate(), set.maxConcurrency(), set.toleratedFailurePercentage(),
                set.toleratedFailureCount(), counts, counts.deepCopy(), 0, Optional.empty());
    }

    public UpdateMapRun.Response update(UpdateMapRun.Request r) {
        if (r.maxConcurrency().isEmpty() && r.toleratedFailureCount().isEmpty() && r.toleratedFailurePercentage().isEmpty()) {
            throw new ApiException.ValidationException(
                    "Must provide at least one of maxConcurrency, toleratedFailurePercentage, toleratedFailureCount");
        }
        Found f = find(r.mapRunArn());
        updated.compute(f.run().mapRunArn(), (arn, old) -> {
            Settings base = old != null ? old : settings(f);
            return new Settings(r.maxConcurrency().orElse(base.maxConcurrency()),
                    r.toleratedFailurePercentage().orElse(base.toleratedFailurePercentage()),
                    r.toleratedFailureCount().orElse(base.toleratedFailureCount()));
        });
        return new UpdateMapRun.Response();
    }

    /** A Map Run and the execution that ran it. */
    private record Found(ExecutionSummary execution, MapRuns.Run run) {}

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
        for (ExecutionSummary s : engine.list(Optional.of(prefix + ":stateMachine:" + machine))) {
            Optional<Found> f = in(s, mapRunArn);
            if (f.isPresent()) {
                return f.get();
            }
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

    /** What UpdateMapRun stored, else the Map state's literal values. */
    private Settings settings(Found f) {
        Settings set = updated.get(f.run().mapRunArn());
        if (set != null) {
            return set;
        }
        Optional<MapState> state = f.run().stateName().flatMap(name -> metas.get(f.execution().executionArn())
                .flatMap(m -> MapRuns.mapState(m.target().revision().machine(), name)));
        if (state.isEmpty()) {
            return new Settings(0, 0, 0);
        }
        MapState m = state.get();
        int max = m.maxConcurrency() instanceof IntSource.Literal l ? (int) l.value() : 0;
        long count = m.toleratedFailureCount().orElse(null) instanceof IntSource.Literal l ? l.value() : 0;
        double pct = m.toleratedFailurePercentage().orElse(null) instanceof NumberSource.Literal l ? l.value() : 0;
        return new Settings(max, pct, count);
    }

    private static ObjectNode counts(long total, long succeeded, long failed, long aborted, long running, long pending) {
        ObjectNode c = Json.object();
        c.put("pending", pending);
        c.put("running", running);
        c.put("succeeded", succeeded);
        c.put("failed", failed);
        c.put("timedOut", 0);
        c.put("aborted", aborted);
        c.put("total", total);
        // An item that ended, succeeded or failed, has its result (or error) in the Map state's output.
        c.put("resultsWritten", succeeded + failed);
        c.put("failuresNotRedrivable", 0);
        c.put("pendingRedrive", 0);
        return c;
    }
}
