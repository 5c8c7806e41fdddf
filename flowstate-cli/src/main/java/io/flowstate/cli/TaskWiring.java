package io.flowstate.cli;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.Integrations;
import io.flowstate.integrations.route.RouteFile;
import io.flowstate.integrations.route.RoutedTasks;
import io.flowstate.integrations.sdk.SdkClients;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** Whether EventBridge calls go to an endpoint of this machine's choosing rather than AWS itself. */
    boolean statusEventsRouted() {
        return io.flowstate.integrations.sdk.SdkService.find("eventbridge").flatMap(clients::endpoint).isPresent();
    }

    /** EventBridge's execution status change events, put through the routed EventBridge endpoint. */
    io.flowstate.integrations.events.ExecutionStatusEvents statusEvents() {
        if (statusEvents == null) {
            statusEvents = new io.flowstate.integrations.events.ExecutionStatusEvents(
                    new io.flowstate.integrations.sdk.SdkCall(clients));
        }
        return statusEvents;
    }

    private io.flowstate.integrations.events.ExecutionStatusEvents statusEvents;

    /** Where calls go: the services' routes, then each routing-file line. */
    List<String> describe(List<String> services) {
        List<String> lines = new java.util.ArrayList<>();
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
