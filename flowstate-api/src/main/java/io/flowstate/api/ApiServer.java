package io.flowstate.api;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.Authenticator;
import io.flowstate.api.service.StepFunctions;
import java.util.List;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Step Functions API over HTTP: {@code POST /} on any host name (SDKs put {@code sync-} in front of the
 * host for StartSyncExecution and TestState). A plain Jetty server with one {@link ApiHandler}: the protocol
 * has one route, so a web framework's routing, servlet layer and per-request context only cost time (they were
 * most of a request's CPU). Jetty's selector runs on a small pool of platform threads; each request is handled
 * on its own virtual thread, so long polls and synchronous executions cost no pool thread. The HTTP layer only
 * moves bytes; {@link AwsJsonProtocol} does the rest.
 */
public final class ApiServer implements AutoCloseable {
    /** Bodies above this are refused before they are parsed (a definition is at most 1 MiB, input 256 KiB). */
    static final long MAX_BODY = 16L * 1024 * 1024;
    /** Longer than GetActivityTask's 60-second poll, so Jetty never cuts a waiting poller off. */
    private static final long IDLE_TIMEOUT_MS = 120_000;

    private final Server jetty;
    private final ServerConnector connector;

    private ApiServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /** Starts serving {@code service} on {@code host}:{@code port} (0 picks a free port). */
    public static ApiServer start(StepFunctions service, String host, int port) {
        return start(service, host, port, List.of(), AccessControl.OPEN);
    }

    /** Starts serving {@code service}, each request first checked by {@code auth}. */
    public static ApiServer start(StepFunctions service, String host, int port, Authenticator auth) {
        return start(service, host, port, List.of(), auth == Authenticator.NONE ? AccessControl.OPEN
                : new AccessControl(auth, java.util.Optional.empty(), "", ""));
    }

    /**
     * Starts serving {@code service}, with {@code routes} on the same port: each is asked first, in order, and
     * declines a request it does not serve by returning {@code false} from {@code handle}, which passes it on to
     * the next and at last to the API (whose requests {@code access} checks). It is how {@code GET /metrics} and
     * the web console share the API's port without the API knowing them.
     */
    public static ApiServer start(StepFunctions service, String host, int port, List<Handler> routes,
            AccessControl access) {
        requireNonNull(host, "host is null");
        requireNonNull(routes, "routes is null");
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("flowstate-http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("flowstate-api-", 0).factory()));
        Server jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        jetty.addConnector(connector);
        Handler api = new ApiHandler(new AwsJsonProtocol(service), MAX_BODY, access);
        if (routes.isEmpty()) {
            jetty.setHandler(api); // no extra hop on the API's hot path when nothing else is served
        } else {
            Handler.Sequence all = new Handler.Sequence(routes);
            all.addHandler(api);
            jetty.setHandler(all);
        }
        try {
            jetty.start();
        } catch (Exception e) {
            try {
                jetty.stop();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new ApiServer(jetty, connector);
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the HTTP server failed", e);
        }
    }
}
