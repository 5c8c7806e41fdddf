package io.flowstate.integrations;

import java.net.URI;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * ElasticMQ, a real SQS-compatible server (a second implementation beside moto's), run in-process on a free
 * loopback port for one test class. Its queues live in the account {@link #ACCOUNT} of {@code us-east-1}, so queue
 * URLs and ARNs look like AWS's; it serves SQS only.
 */
public final class ElasticMqServer implements AutoCloseable {
    /** The account id in the server's queue URLs and ARNs. */
    public static final String ACCOUNT = "123456789012";

    private final SQSRestServer server;
    private final int port;

    private ElasticMqServer(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts ElasticMQ and waits (at most a minute, ElasticMQ's own bound) until it listens. */
    public static ElasticMqServer start() {
        // The builder's dynamic port binds port 0 and has queue URLs name the port actually bound: no race for a
        // port picked beforehand.
        SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withAWSRegion("us-east-1").withAWSAccountId(ACCOUNT).start();
        try {
            return new ElasticMqServer(server, server.waitUntilStarted().localAddress().getPort());
        } catch (RuntimeException e) {
            server.stopAndWait();
            throw e;
        }
    }

    /** The server's URL. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The environment that routes SQS to this server, as the AWS SDKs read it. */
    public Map<String, String> environment() {
        return Map.of("AWS_ENDPOINT_URL_SQS", endpoint().toString(), "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test");
    }

    /** Unbinds the port and stops the server's actor system. */
    @Override
    public void close() {
        server.stopAndWait();
    }
}
