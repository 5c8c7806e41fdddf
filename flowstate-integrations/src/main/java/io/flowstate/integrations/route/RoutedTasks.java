package io.flowstate.integrations.route;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.engine.task.mock.MockConfig;
import io.flowstate.engine.task.mock.MockTaskHandler;
import io.flowstate.integrations.Integrations;
import io.flowstate.integrations.LocalBuckets;
import io.flowstate.integrations.sdk.SdkClients;
import java.io.IOException;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The routing table as a task handler: each invocation goes to the first route that matches it, else to
 * {@code fallback} (the integrations routed by the SDK's environment variables). Built once per server.
 */
public final class RoutedTasks implements TaskHandler, AutoCloseable {
    private record Entry(Route route, TaskHandler handler) {}

    private final List<Entry> entries;
    private final TaskHandler fallback;
    private final List<AutoCloseable> owned;

    private RoutedTasks(List<Entry> entries, TaskHandler fallback, List<AutoCloseable> owned) {
        this.entries = List.copyOf(entries);
        this.fallback = fallback;
        this.owned = List.copyOf(owned);
    }

    /**
     * Builds the handlers of {@code routes}; {@code java} names the in-process handlers a {@code java} route may
     * use. {@link IllegalArgumentException} for a route whose target cannot be set up (unknown java handler,
     * unreadable mock file).
     */
    public static RoutedTasks of(List<Route> routes, Map<String, TaskHandler> java, Region region, TaskHandler fallback,
            InstantSource clock) {
        List<Entry> entries = new ArrayList<>();
        List<AutoCloseable> owned = new ArrayList<>();
        for (Route route : routes) {
            TaskHandler h = switch (route.target()) {
                case Target.Endpoint e -> {
                    Integrations i = new Integrations(new SdkClients(Map.of("AWS_ENDPOINT_URL", e.url().toString()),
                            Map.of(), region, e.accessKeyId().map(id -> StaticCredentialsProvider.create(
                                    AwsBasicCredentials.create(id, e.secretAccessKey().orElse(""))))), fallback);
                    owned.add(i);
                    yield i;
                }
                case Target.Aws a -> {
                    Integrations i = new Integrations(new SdkClients(Map.of(), Map.of(), region), fallback);
                    owned.add(i);
                    yield i;
                }
                case Target.Mock m -> mock(m, fallback);
                case Target.Http h2 -> new LocalFunction(new HttpFunction(h2), clock);
                case Target.Command c -> new LocalFunction(new CommandFunction(c), clock);
                case Target.Buckets b -> new LocalBuckets(b.directory());
                case Target.Java j -> Optional.ofNullable(java.get(j.name())).orElseThrow(() ->
                        new IllegalArgumentException("no in-process handler named '" + j.name() + "' is bound"));
            };
            entries.add(new Entry(route, h));
        }
        return new RoutedTasks(entries, fallback, owned);
    }

    /** Mocked responses per state machine: the machine is the one the execution ARN names. */
    private static TaskHandler mock(Target.Mock m, TaskHandler fallback) {
        MockConfig config;
        try {
            config = MockConfig.of(io.flowstate.asl.json.Json.parse(Files.readString(m.file())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(m.file() + ": cannot read the mock configuration: " + e.getMessage(), e);
        }
        // Step Functions Local counts calls per execution; one handler per execution keeps that, bounded.
        Map<String, MockTaskHandler> perExecution = java.util.Collections.synchronizedMap(
                new LinkedHashMap<>(16, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, MockTaskHandler> eldest) {
                        return size() > 10_000;
                    }
                });
        return inv -> perExecution.computeIfAbsent(inv.executionArn(), arn -> new MockTaskHandler(config,
                machineOf(arn), m.testCase(), fallback)).invoke(inv);
    }

    private static String machineOf(String executionArn) {
        String[] p = executionArn.split(":");
        return p.length > 6 ? p[6] : executionArn;
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        for (Entry e : entries) {
            if (e.route().match().matches(inv)) {
                return e.handler().invoke(inv);
            }
        }
        return fallback.invoke(inv);
    }

    /** One line per route: what it takes and where it goes. */
    public List<String> describe() {
        return entries.stream().map(e -> e.route().match() + " -> " + e.route().target()).toList();
    }

    @Override
    public void close() {
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                // closing the others matters more
            }
        }
    }
}
