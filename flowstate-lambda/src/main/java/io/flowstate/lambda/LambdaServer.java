package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A local AWS Lambda API server: the REST-JSON API the AWS SDKs, the AWS CLI and boto3 call (CreateFunction,
 * GetFunction, GetFunctionConfiguration, ListFunctions, DeleteFunction, Invoke), running Python and Node.js
 * functions for real in warm child processes, and Java functions ({@link Builder#function}) in this JVM.
 *
 * <p>Point a client at {@link #url()}; Flowstate's Task states reach it with {@code AWS_ENDPOINT_URL_LAMBDA}.
 * Functions live in memory until {@link #close()}, which stops their processes and removes their extracted code.
 */
public final class LambdaServer implements AutoCloseable {
    /** Longer than Lambda's longest Timeout (900 s), so Jetty never cuts off a caller waiting for a function. */
    private static final long IDLE_TIMEOUT_MS = 1_000_000;

    private final Server jetty;
    private final ServerConnector connector;
    private final Functions functions;
    private final ExecutorService background;
    /** What close removes: the whole temporary work directory, or only what this server put in the given one. */
    private final List<Path> created;
    private final Settings settings;
    private final String runtimes;

    private LambdaServer(Builder b) throws IOException {
        this.settings = new Settings(b.region, b.account, b.python, b.node, b.maxConcurrency);
        Path workDir = b.workDir != null ? Files.createDirectories(b.workDir)
                : Files.createTempDirectory("flowstate-lambda-");
        Path bootstrapDir = Files.createDirectories(workDir.resolve("runtime"));
        this.created = b.workDir != null ? List.of(bootstrapDir, workDir.resolve("functions"))
                : List.of(workDir);
        for (Language language : Language.values()) {
            try (InputStream in = LambdaServer.class.getResourceAsStream(language.bootstrapFile())) {
                Files.write(bootstrapDir.resolve(language.bootstrapFile()), requireNonNull(in).readAllBytes());
            }
        }
        this.functions = new Functions();
        Consumer<String> log = b.log;
        Deployer deployer = new Deployer(settings, workDir.resolve("functions"), bootstrapDir,
                name -> line -> log.accept("[lambda " + name + "] " + line.replace("\r", "\n    ")));
        this.runtimes = deployer.interpreters().describe();
        b.javaFunctions.forEach((name, fn) -> functions.add(javaFunction(name, fn)));
        this.background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("lambda-event-", 0).factory());
        FunctionLookup lookup = new FunctionLookup(settings.region(), settings.account(), functions);
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("flowstate-lambda-http");
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("flowstate-lambda-", 0).factory()));
        this.jetty = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(b.host);
        connector.setPort(b.port);
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        jetty.addConnector(connector);
        jetty.setHandler(new LambdaHttpHandler(
                new FunctionApi(functions, lookup, deployer, InstantSource.system(), this::url),
                new InvokeApi(lookup, background, log)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The port the server listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** The endpoint to give clients, {@code http://host:port}. */
    public String url() {
        String host = requireNonNull(connector.getHost());
        return "http://" + (host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host) + ":" + port();
    }

    /** The unqualified ARN a function of this name has here. */
    public String functionArn(String name) {
        return Arns.function(settings.region(), settings.account(), name);
    }

    /** Which interpreters run which runtimes, e.g. {@code python3.x on python3 3.11.7, nodejs on node 20.1.0}. */
    public String runtimes() {
        return runtimes;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping the Lambda API server failed", e);
        } finally {
            background.shutdownNow();
            functions.clear();
            created.forEach(CodeArchive::delete);
        }
    }

    private Deployed javaFunction(String name, Function<JsonNode, JsonNode> fn) {
        String checked = FunctionRef.parseForCreate(name).name();
        FunctionConfig config = FunctionConfig.inProcess(checked, functionArn(checked), settings.account(),
                InstantSource.system().instant());
        return new Deployed(config, new JavaRuntime(config, fn), Optional.empty(), Optional.empty());
    }

    /** The settings the parts of the server share. */
    record Settings(String region, String account, String python, String node, int maxConcurrency) {}

    /** Configures and starts a {@link LambdaServer}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private String region = "us-east-1";
        private String account = "123456789012";
        private String python = "python3";
        private String node = "node";
        private int maxConcurrency = 100;
        private Path workDir;
        private Consumer<String> log = System.err::println;
        private final Map<String, Function<JsonNode, JsonNode>> javaFunctions = new LinkedHashMap<>();

        private Builder() {}

        /** Address to listen on (default 127.0.0.1). */
        public Builder host(String host) {
            this.host = requireNonNull(host, "host is null");
            return this;
        }

        /** Port to listen on (default 0: a free one, see {@link LambdaServer#port()}). */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Region in function ARNs (default us-east-1). */
        public Builder region(String region) {
            this.region = requireNonNull(region, "region is null");
            return this;
        }

        /** Account id in function ARNs (default 123456789012). */
        public Builder account(String account) {
            this.account = requireNonNull(account, "account is null");
            return this;
        }

        /** The Python interpreter when the exact {@code python3.N} of a function is not on the PATH. */
        public Builder python(String command) {
            this.python = requireNonNull(command, "command is null");
            return this;
        }

        /** The Node.js interpreter (default {@code node}). */
        public Builder node(String command) {
            this.node = requireNonNull(command, "command is null");
            return this;
        }

        /** Most warm processes of one function at once (default 100); past it Invoke answers 429. */
        public Builder maxConcurrency(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConcurrency must be at least 1: " + max);
            }
            this.maxConcurrency = max;
            return this;
        }

        /**
         * Where functions' code is extracted (default: a new temporary directory, removed on close; in a given
         * directory close removes only what the server put there).
         */
        public Builder workDir(Path dir) {
            this.workDir = requireNonNull(dir, "dir is null");
            return this;
        }

        /** Where functions' output and the server's notes go, one line each (default: standard error). */
        public Builder log(Consumer<String> log) {
            this.log = requireNonNull(log, "log is null");
            return this;
        }

        /**
         * A function running in this JVM: the event in, the result out (a thrown exception is a function error).
         * It is listed and invoked like any other, with runtime {@code java21}.
         */
        public Builder function(String name, Function<JsonNode, JsonNode> function) {
            javaFunctions.put(requireNonNull(name, "name is null"), requireNonNull(function, "function is null"));
            return this;
        }

        /** Starts serving; close the server to stop it. */
        public LambdaServer start() {
            LambdaServer server;
            try {
                server = new LambdaServer(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare the Lambda server's work directory", e);
            }
            try {
                server.jetty.start();
                return server;
            } catch (Exception e) {
                try {
                    server.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new IllegalStateException("cannot serve on " + host + ":" + port + ": " + e.getMessage(), e);
            }
        }
    }
}
