package io.flowstate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.auth.Policies;
import io.flowstate.engine.runtime.HistoryListener;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.Integrations;
import io.flowstate.integrations.RoleLimitedTasks;
import io.flowstate.integrations.RolePolicies;
import io.flowstate.integrations.events.ExecutionStatusEvents;
import io.flowstate.integrations.logs.CloudWatchLogsWriter;
import io.flowstate.integrations.logs.ExecutionLogging;
import io.flowstate.integrations.logs.LogSink;
import io.flowstate.integrations.logs.LogGroups;
import io.flowstate.integrations.route.RouteFile;
import io.flowstate.integrations.route.RoutedTasks;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import io.flowstate.integrations.sdk.SdkService;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * The task handler of {@code server} and {@code run}: the integrations, routed by the AWS SDK's environment
 * variables, with the routes of an {@code --integrations} file in front of them when one is given.
 */
final class TaskWiring implements AutoCloseable {
    final SdkClients clients;
    final TaskHandler tasks;
    private final Integrations integrations;
    private final Optional<RoutedTasks> routed;
    private ExecutionStatusEvents statusEvents;

    /** {@link IllegalArgumentException} naming the file for an invalid routing file. */
    TaskWiring(Optional<Path> routes, String region, TaskHandler fallback) {
        this.clients = new SdkClients(System.getenv(), Map.of(), Region.of(region));
        this.integrations = new Integrations(clients, fallback);
        this.routed = routes.map(f -> RoutedTasks.of(RouteFile.read(f), Map.of(), Region.of(region), integrations,
                InstantSource.system()));
        this.tasks = routed.<TaskHandler>map(r -> r).orElse(integrations);
    }

    TaskWiring(Optional<Path> routes, String region) {
        this(routes, region, TaskHandlers.unbound());
    }

    /**
     * The server's history listeners: execution logging as each state machine's {@code loggingConfiguration}
     * says ({@code configurations}: a machine ARN to its stored configuration), and EventBridge's execution status
     * change events when EventBridge is routed to an endpoint (AWS itself accepts the {@code aws.states} source
     * from Step Functions alone).
     */
    HistoryListener historyListener(Function<String, Optional<JsonNode>> configurations) {
        return historyListener(configurations, new CloudWatchLogsWriter(clients));
    }

    /** As {@link #historyListener(Function)}, the execution logs written to {@code logs}. */
    HistoryListener historyListener(Function<String, Optional<JsonNode>> configurations, LogSink logs) {
        List<HistoryListener> listeners = new ArrayList<>();
        listeners.add(new ExecutionLogging(configurations, logs));
        if (SdkService.find("eventbridge").flatMap(clients::endpoint).isPresent()) {
            statusEvents = new ExecutionStatusEvents(new SdkCall(clients));
            listeners.add(statusEvents);
        }
        return HistoryListener.all(listeners);
    }

    /** Whether a log group exists, asked of the routed CloudWatch Logs. */
    LogGroups logGroups() {
        return new LogGroups(clients);
    }

    /**
     * The task handler with the Task calls of executions limited by the role members of {@code policies} (a role
     * the file does not name is not limited); {@link #tasks} itself without a policies file.
     */
    TaskHandler limited(Optional<Policies> policies) {
        return policies.<TaskHandler>map(p -> new RoleLimitedTasks(tasks, roles(p))).orElse(tasks);
    }

    /** The policies file as the integrations ask it about roles. */
    static RolePolicies roles(Policies p) {
        return (role, action, resource) -> !p.has(role) ? RolePolicies.Decision.UNLIMITED
                : switch (p.decide(role, action, resource)) {
                    case ALLOWED -> RolePolicies.Decision.ALLOWED;
                    case NOT_ALLOWED -> RolePolicies.Decision.NOT_ALLOWED;
                    case DENIED -> RolePolicies.Decision.DENIED;
                };
    }

    /** Where calls go: the services' routes, then each routing-file line. */
    List<String> describe(List<String> services) {
        List<String> lines = new ArrayList<>();
        lines.add("integrations: " + clients.describe(services));
        routed.ifPresent(r -> r.describe().forEach(l -> lines.add("route: " + l)));
        return lines;
    }

    @Override
    public void close() {
        if (statusEvents != null) {
            statusEvents.close();
        }
        routed.ifPresent(RoutedTasks::close);
        integrations.close();
    }
}
