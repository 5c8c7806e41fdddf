package io.flowstate.console.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.GetExecutionHistory;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.graph.DiagramCache;
import io.flowstate.console.graph.StandaloneSvg;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * The console's URL table, below {@code /console}. Reads are GETs; actions are form POSTs answered with a 303
 * back to a page (post/redirect/get), except a refused start, which shows the form again with the error.
 */
final class Routes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConsoleService service;
    private final DiagramCache diagrams;
    private final InstantSource clock;

    Routes(ConsoleService service, DiagramCache diagrams, InstantSource clock) {
        this.service = service;
        this.diagrams = diagrams;
        this.clock = clock;
    }

    Reply route(String path, boolean post, Map<String, String> p) {
        if (path.isEmpty()) {
            return Reply.redirect(Paths.ROOT);
        }
        if (path.equals("/")) {
            return Reply.html(200, MachinesPage.render(service));
        }
        if (path.startsWith("/assets/")) {
            return Assets.get(path.substring("/assets/".length())).orElseGet(Routes::notFound);
        }
        if (path.startsWith("/state-machines/")) {
            String arn = Paths.decode(path.substring("/state-machines/".length()));
            if (!post && "svg".equals(p.get("download"))) {
                return svg(StandaloneSvg.of(diagrams.diagram(service.machine(arn).definition().orElse("{}")),
                        Optional.empty()));
            }
            return post ? start(arn, p) : Reply.html(200, machinePage(arn, p, Optional.empty(), Optional.empty()));
        }
        if (path.startsWith("/map-runs/") && !post) {
            return Reply.html(200, MapRunPage.render(service, Paths.decode(path.substring("/map-runs/".length())),
                    opt(p, "page"), clock.instant()));
        }
        if (path.startsWith("/executions/")) {
            String arn = Paths.decode(path.substring("/executions/".length()));
            return post ? act(arn, p) : execution(arn, p);
        }
        return notFound();
    }

    private String machinePage(String arn, Map<String, String> p, Optional<String> error, Optional<String> input) {
        return MachinePage.render(service, diagrams, arn, new MachinePage.Query(opt(p, "status"), opt(p, "name"),
                opt(p, "page")), error, input, clock.instant());
    }

    private Reply execution(String arn, Map<String, String> p) {
        if ("live".equals(p.get("fragment"))) {
            ExecutionView view = ExecutionView.load(service, diagrams, arn, iteration(p));
            Reply reply = Reply.html(200, ExecutionPage.live(view, arn, iteration(p), clock.instant()));
            // Ended: reload the whole page once (output, events, actions change), which then polls no more.
            return view.running() ? reply : reply.with("HX-Refresh", "true");
        }
        if ("history".equals(p.get("download"))) {
            return download(arn);
        }
        if ("svg".equals(p.get("download"))) {
            ExecutionView view = ExecutionView.load(service, diagrams, arn, iteration(p));
            return svg(StandaloneSvg.of(view.diagram(), Optional.of(view.statuses().statuses())));
        }
        EventsSection.Query events = new EventsSection.Query("desc".equals(p.get("order")), opt(p, "events"),
                opt(p, "type"), opt(p, "event-state"));
        return Reply.html(200, ExecutionPage.render(service, diagrams, arn,
                new ExecutionPage.Query(events, opt(p, "state"), iteration(p), opt(p, "notice")), clock.instant()));
    }

    /** The whole history as GetExecutionHistory's JSON: {@code {"events": [...]}}, read page by page. */
    private Reply download(String arn) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode events = root.putArray("events");
        Optional<String> token = Optional.empty();
        do {
            GetExecutionHistory.Response page = service.history(arn, false, 1000, token, true);
            page.events().forEach(events::add);
            token = page.nextToken();
        } while (token.isPresent());
        byte[] body;
        try {
            body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the history of " + arn, e);
        }
        return new Reply(200, "application/json", body,
                Map.of("Content-Disposition", "attachment; filename=\"history.json\""));
    }

    private static Reply svg(String svg) {
        return new Reply(200, "image/svg+xml; charset=utf-8", svg.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Content-Disposition", "attachment; filename=\"graph.svg\""));
    }

    private Reply start(String machineArn, Map<String, String> p) {
        if (!"start".equals(p.get("action"))) {
            return Reply.html(400, Page.error("Bad request", "unknown action: " + p.get("action")));
        }
        String input = p.getOrDefault("input", "").isBlank() ? "{}" : p.get("input");
        Map<String, String> page = Map.of(); // a refused start shows the page unfiltered, with the form's input
        try {
            JSON.readTree(input); // the service checks too; this names the JSON error's line and column
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Reply.html(400, machinePage(machineArn, page, Optional.of("The input is not valid JSON: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), Optional.of(input)));
        }
        try {
            String arn = service.start(machineArn, opt(p, "execution-name"), input).executionArn();
            return Reply.redirect(Paths.execution(arn));
        } catch (ApiException e) {
            return Reply.html(400, machinePage(machineArn, page, Optional.of(e.code() + ": " + e.getMessage()),
                    Optional.of(input)));
        }
    }

    private Reply act(String arn, Map<String, String> p) {
        String action = p.getOrDefault("action", "");
        String notice = switch (action) {
            case "stop" -> {
                service.stop(arn);
                yield "Execution stopped.";
            }
            case "redrive" -> {
                service.redrive(arn);
                yield "Execution redriven.";
            }
            case "task-success" -> {
                service.taskSuccess(p.getOrDefault("token", ""), p.getOrDefault("output", "{}"));
                yield "Task answered with success.";
            }
            case "task-failure" -> {
                service.taskFailure(p.getOrDefault("token", ""), opt(p, "error"), opt(p, "cause"));
                yield "Task answered with failure.";
            }
            case "task-heartbeat" -> {
                service.taskHeartbeat(p.getOrDefault("token", ""));
                yield "Heartbeat sent.";
            }
            default -> throw new IllegalArgumentException("unknown action: " + action);
        };
        String state = opt(p, "state").map(s -> "&state=" + Paths.query(s) + "#state-panel").orElse("");
        return Reply.redirect(Paths.execution(arn) + "?notice=" + Paths.query(notice) + state);
    }

    /** The Map iteration path asked for: indexes separated by slashes. */
    private static Optional<String> iteration(Map<String, String> p) {
        Optional<String> it = opt(p, "iteration").map(String::trim);
        if (it.isPresent() && !it.get().matches("[0-9]{1,9}(/[0-9]{1,9})*")) {
            throw new IllegalArgumentException("iteration must be an item index, or indexes separated by / for nested "
                    + "Maps: " + it.get());
        }
        return it;
    }

    private static Optional<String> opt(Map<String, String> p, String key) {
        return Optional.ofNullable(p.get(key)).filter(v -> !v.isEmpty());
    }

    private static Reply notFound() {
        return Reply.html(404, Page.error("Not found", "There is no such console page."));
    }
}
