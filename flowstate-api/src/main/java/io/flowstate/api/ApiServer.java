package io.flowstate.api;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.service.StepFunctions;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;

/**
 * The Step Functions API over HTTP: {@code POST /} on any host name (SDKs put {@code sync-} in front of the
 * host for StartSyncExecution and TestState), requests handled on virtual threads so long polls cost nothing.
 * The HTTP layer only moves bytes; {@link AwsJsonProtocol} does the rest.
 */
public final class ApiServer implements AutoCloseable {
    /** Bodies above this are refused before they are parsed (a definition is at most 1 MiB, input 256 KiB). */
    static final long MAX_BODY = 16L * 1024 * 1024;
    /** Longer than GetActivityTask's 60-second poll, so Jetty never cuts a waiting poller off. */
    private static final long IDLE_TIMEOUT_MS = 120_000;

    private final AwsJsonProtocol protocol;
    private final Javalin app;

    private ApiServer(AwsJsonProtocol protocol, Javalin app) {
        this.protocol = protocol;
        this.app = app;
    }

    /** Starts serving {@code service} on {@code host}:{@code port} (0 picks a free port). */
    public static ApiServer start(StepFunctions service, String host, int port) {
        requireNonNull(host, "host is null");
        AwsJsonProtocol protocol = new AwsJsonProtocol(service);
        ApiServer[] self = new ApiServer[1];
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.post("/", ctx -> self[0].serve(ctx));
        });
        self[0] = new ApiServer(protocol, app);
        app.start();
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c instanceof AbstractConnector ac) {
                ac.setIdleTimeout(IDLE_TIMEOUT_MS);
            }
        }
        return self[0];
    }

    /** The port the server listens on. */
    public int port() {
        return app.port();
    }

    private void serve(Context ctx) {
        String requestId = UUID.randomUUID().toString();
        AwsJsonProtocol.Reply reply;
        byte[] body;
        try {
            body = ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            body = null;
        }
        if (body == null || body.length > MAX_BODY) {
            reply = new AwsJsonProtocol.Reply(413, "{\"__type\":\"SerializationException\",\"message\":"
                    + "\"Request body is larger than the server accepts (16 MiB)\"}");
        } else {
            reply = protocol.handle(Optional.ofNullable(ctx.header("X-Amz-Target")), body, requestId);
        }
        ctx.header("x-amzn-RequestId", requestId);
        ctx.status(reply.status());
        ctx.contentType(AwsJsonProtocol.CONTENT_TYPE);
        // Bytes, not a String: Jetty would encode a String in ISO-8859-1 for this content type, losing non-Latin text.
        ctx.result(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        app.stop();
    }
}
