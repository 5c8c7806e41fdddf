package io.flowstate.api.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.DescribeExecution;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.api.model.Included;
import io.flowstate.api.model.IncludedData;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.interp.ChildExecutions;
import io.flowstate.engine.interp.MapRunView;
import io.flowstate.engine.runtime.Engine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * DescribeExecution and GetExecutionHistory of a Distributed Map's child executions
 * ({@code execution:MACHINE/LABEL:NAME}). The children run inside their parent ({@link MapRunService}); what
 * DescribeExecution shows of one comes from the parent's run as the interpreter holds it, and its history from
 * the parent rebuilt from its journal with the children's histories recorded ({@link Engine#inspectWithChildren}),
 * which costs a replay of the parent per call.
 *
 * <p>A child ARN is resolved through an index of the children looked up before (ARN to run and item index); one
 * not in it is looked for among the runs of the state machine the ARN names.
 */
final class ChildExecutionService {
    private final Engine engine;
    private final ExecutionMetas metas;
    private final MapRunService runs;
    /** Child execution ARN -> its run and item. */
    private final Map<String, Ref> index = new ConcurrentHashMap<>();

    private record Ref(String mapRunArn, int index) {}

    /** A child found: its run (and parent) and its item as it stands. */
    private record Child(MapRunService.Found run, MapRunView.Item item) {}

    ChildExecutionService(Engine engine, ExecutionMetas metas, MapRunService runs) {
        this.engine = engine;
        this.metas = metas;
        this.runs = runs;
    }

    /** Whether {@code executionArn} names a Map Run's child ({@code MACHINE/LABEL}: no state machine has a '/'). */
    static boolean isChild(String executionArn) {
        Arn arn = Arn.parse(executionArn, "execution");
        return arn.name().contains("/");
    }

    /** The execution that ran a child and the child's Map Run. */
    record Parent(String executionArn, String mapRunArn) {}

    /** The parent of the child execution {@code childArn}; ExecutionDoesNotExist when there is no such child. */
    Parent parent(String childArn) {
        Child c = find(childArn);
        return new Parent(c.run().execution().executionArn(), c.run().run().mapRunArn());
    }

    DescribeExecution.Response describe(DescribeExecution.Request r) {
        Child c = find(r.executionArn());
        MapRunView.Item item = c.item();
        String runArn = c.run().run().mapRunArn();
        boolean data = r.includedData().orElse(IncludedData.ALL_DATA) == IncludedData.ALL_DATA;
        String status = MapRunService.childStatus(item.status());
        Optional<String> output = item.output().map(Json::write);
        // A child that did not succeed is redriven by redriving its parent, which redrives its Map Run.
        boolean redrivable = status.equals("FAILED") || status.equals("ABORTED");
        return new DescribeExecution.Response(r.executionArn(), ChildExecutions.stateMachineArn(runArn),
                ChildExecutions.name(runArn, item.index()), status, item.startDate().orElseThrow(), item.stopDate(),
                data ? Optional.of(Json.write(item.input())) : Optional.empty(), Optional.of(new Included(data)),
                data ? output : Optional.empty(), output.map(o -> new Included(data)), Optional.empty(),
                Optional.of(runArn), item.error(), item.cause(), Optional.empty(), Optional.empty(),
                Optional.of(item.redriveCount()), item.redriveCount() > 0 ? item.startDate() : Optional.empty(),
                Optional.of(redrivable ? "REDRIVABLE_BY_MAP_RUN" : "NOT_REDRIVABLE"),
                redrivable ? Optional.empty() : Optional.of("Execution is " + status + " and cannot be redriven"));
    }

    /**
     * StopExecution of a running child: it is aborted, and its Map Run counts it as unsuccessful (AWS's Map Run
     * execution counts: "aborted ... stopped by the user"). An ended child is left as it is.
     */
    io.flowstate.api.model.StopExecution.Response stop(io.flowstate.api.model.StopExecution.Request r,
            java.time.Instant now) {
        Child c = find(r.executionArn());
        if (c.item().status() == MapRunView.ItemStatus.RUNNING) {
            engine.mapRunChange(c.run().execution().executionArn(), new io.flowstate.engine.interp.Trigger.StopChild(
                    c.run().run().mapRunArn(), c.item().index(), r.error(), r.cause()));
            return new io.flowstate.api.model.StopExecution.Response(now);
        }
        return new io.flowstate.api.model.StopExecution.Response(c.item().stopDate().orElse(now));
    }

    GetExecutionHistory.Response history(GetExecutionHistory.Request r) {
        Child c = find(r.executionArn());
        String parent = c.run().execution().executionArn();
        ExecutionMetas.Meta meta = metas.get(parent).orElseThrow(() -> missing(r.executionArn()));
        List<HistoryEvent> events = new ArrayList<>(engine.inspectWithChildren(parent,
                meta.target().revision().machine(), e -> e.childHistory(c.run().run().mapRunArn(), c.item().index()))
                .flatMap(h -> h).orElse(List.of()));
        if (r.reverseOrder()) {
            Collections.reverse(events);
        }
        Paging.Page<HistoryEvent> page = Paging.page("GetExecutionHistory:" + r.executionArn() + ":" + r.reverseOrder(),
                events, r.nextToken(), r.maxResults());
        boolean data = r.includeExecutionData().orElse(true);
        List<JsonNode> json = engine.withPayloadWriter(parent, w -> page.items().stream()
                .map(e -> (JsonNode) ExecutionService.strip(HistoryJson.event(e, w), data)).toList());
        return new GetExecutionHistory.Response(json, page.nextToken());
    }

    private Child find(String childArn) {
        Ref ref = index.get(childArn);
        if (ref != null) {
            Optional<Child> known = runs.found(ref.mapRunArn()).flatMap(f -> item(f, ref.index()));
            if (known.isPresent()) {
                return known.get();
            }
        }
        return runs.searchRuns(childArn, f -> {
            List<MapRunView.Item> items = runs.viewOf(f).map(MapRunView::items).orElse(List.of());
            for (MapRunView.Item item : items) {
                if (ChildExecutions.arn(f.run().mapRunArn(), item.index()).equals(childArn)) {
                    // Only the child asked for is remembered: a run's million items would not fit the index.
                    index.put(childArn, new Ref(f.run().mapRunArn(), item.index()));
                    return started(f, item);
                }
            }
            return Optional.<Child>empty();
        }).orElseThrow(() -> missing(childArn));
    }

    private Optional<Child> item(MapRunService.Found f, int i) {
        List<MapRunView.Item> items = runs.viewOf(f).map(MapRunView::items).orElse(List.of());
        return i < items.size() ? started(f, items.get(i)) : Optional.empty();
    }

    /** An item not started yet has no child execution. */
    private static Optional<Child> started(MapRunService.Found f, MapRunView.Item item) {
        return item.status() == MapRunView.ItemStatus.PENDING || item.startDate().isEmpty() ? Optional.empty()
                : Optional.of(new Child(f, item));
    }

    private static ApiException missing(String arn) {
        return new ApiException.ExecutionDoesNotExist("Execution Does Not Exist: '" + arn + "'");
    }
}
