package io.flowstate.cli;

import io.flowstate.api.ApiServer;
import io.flowstate.api.RequestLog;
import io.flowstate.api.Tls;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.cli.template.TemplateDeployer;
import io.flowstate.console.login.ConsoleLogin;
import io.flowstate.console.web.ConsoleHandler;
import io.flowstate.engine.runtime.Cluster;
import io.flowstate.engine.runtime.SingleNode;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.store.jdbc.JdbcDatabase;
import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.AccessKeys;
import io.flowstate.api.auth.Policies;
import io.flowstate.api.auth.Authenticator;
import io.flowstate.api.auth.SigV4Authenticator;
import io.flowstate.engine.runtime.HistoryListener;
import io.flowstate.integrations.logs.CloudWatchLogsWriter;
import io.flowstate.integrations.logs.DirectoryLogSink;
import io.flowstate.integrations.logs.LogSink;
import io.flowstate.metrics.FlowstateMetrics;
import io.flowstate.tracing.Tracing;
import io.flowstate.store.jdbc.CommitStats;
import io.flowstate.store.jdbc.Durability;
import io.flowstate.store.jdbc.JdbcStores;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flowstate server}: the AWS Step Functions API on {@code --bind}:{@code --port} until the process is
 * stopped. Point AWS SDKs and CLIs at it with an endpoint override; any credentials are accepted.
 *
 * <p>State machines, activities, tags and Standard executions are durable: in SQLite (one file in
 * {@code --data}) by default, or in PostgreSQL with {@code --store jdbc:postgresql://...}. At startup the
 * executions that were running are resumed before the API serves its first request.
 *
 * <p>On PostgreSQL any number of servers share the database as nodes ({@code --node-id}, {@code --lease-seconds};
 * see {@link io.flowstate.store.jdbc.PostgresCluster}): each runs the executions it owns, any node's API serves
 * any execution, and a node that dies has its executions taken over by the others once its lease lapses.
 */
@Command(name = "server", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Serves the AWS Step Functions API (AWS JSON 1.0) for AWS SDKs and CLIs.")
final class ServerCommand implements Callable<Integer> {
    /** The SQLite file's name in the data directory. */
    static final String DATABASE_FILE = "flowstate.db";

    @Option(names = "--port", defaultValue = "8083", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "flowstate-data",
            description = "Directory of the SQLite database (created if missing; default: ./${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--store", paramLabel = "JDBC_URL",
            description = "Keep state in PostgreSQL instead of SQLite: jdbc:postgresql://host:port/database.")
    String store;

    @Option(names = "--auth", paramLabel = "none|sigv4", defaultValue = "none",
            description = "none: serve every request (local use); sigv4: only requests signed (AWS Signature Version 4) "
                    + "with a key of --credentials. Default: ${DEFAULT-VALUE}.")
    String auth;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = "With --auth sigv4: the access keys accepted, in the AWS shared-credentials format "
                    + "([name], aws_access_key_id, aws_secret_access_key, optional account_id).")
    Path credentials;

    @Option(names = "--policies", paramLabel = "FILE",
            description = "IAM-style policies (JSON): per access key id or profile (with --auth sigv4; a key with no "
                    + "policy may do nothing), and per role ARN (limit the Task calls of executions running as it); "
                    + "an explicit Deny wins.")
    Path policies;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Serve HTTPS: the certificate chain (PEM), with --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "Serve HTTPS: the unencrypted PKCS#8 private key (PEM).")
    Path tlsKey;

    @Option(names = "--request-log", description = "Print one JSON line per API request on stdout: operation, "
            + "status, error, latency and the x-amzn-RequestId returned.")
    boolean requestLog;

    @Option(names = "--logs-dir", paramLabel = "DIR", description = "Write execution logs (loggingConfiguration) "
            + "to one JSON-lines file per log group in DIR instead of CloudWatch Logs.")
    Path logsDir;

    @Option(names = "--metrics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve Prometheus metrics on GET /metrics (default: on; --no-metrics turns them off).")
    boolean metricsOn;

    @Option(names = "--console", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the web console on GET /console/ (default: on; --no-console turns it off). With --auth "
                    + "sigv4 it asks for an access key of --credentials and acts under its --policies.")
    boolean consoleOn;

    @Option(names = "--durability", paramLabel = "power|process", defaultValue = "power",
            description = "What a committed step survives: power (fsync'd first: power loss, OS crash) or process "
                    + "(kill -9 of Flowstate, not a power loss; faster on slow disks). Default: ${DEFAULT-VALUE}.")
    String durability;

    @Option(names = "--store-user", defaultValue = "${env:FLOWSTATE_STORE_USER}",
            description = "PostgreSQL user (default: $FLOWSTATE_STORE_USER).")
    String storeUser;

    @Option(names = "--store-password", defaultValue = "${env:FLOWSTATE_STORE_PASSWORD}",
            description = "PostgreSQL password (default: $FLOWSTATE_STORE_PASSWORD).")
    String storePassword;

    @Option(names = "--node-id", paramLabel = "ID",
            description = "This node's id among the servers sharing a PostgreSQL store (default: host-pid-random). "
                    + "Restarting under the same id resumes its executions at once, instead of after its lease.")
    String nodeId;

    @Option(names = "--lease-seconds", defaultValue = "15",
            description = "PostgreSQL: how long a node keeps its executions without renewing its lease; a dead node's "
                    + "executions move to the others after this (default: ${DEFAULT-VALUE}).")
    int leaseSeconds;

    @Option(names = "--retention-days", defaultValue = "90",
            description = "Delete executions that ended longer ago than this (default: ${DEFAULT-VALUE}, as AWS).")
    int retentionDays;

    @Option(names = "--account", defaultValue = "123456789012", description = "Account id in ARNs (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region in ARNs (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--integrations", paramLabel = "FILE",
            description = "Routes Task calls by Resource ARN pattern or state name to an endpoint, AWS, a mock, an "
                    + "HTTP URL or a local command (YAML or JSON; see docs/integrations.md). Unrouted calls follow "
                    + "AWS_ENDPOINT_URL[_<SERVICE>], else go to AWS.")
    Path integrationsFile;

    @Option(names = "--deploy", paramLabel = "TEMPLATE", description = "At start, create or update the state machines "
            + "of this SAM/CloudFormation template (repeatable).")
    List<Path> deploy = new ArrayList<>();

    @Option(names = "--parameters", paramLabel = "FILE", description = "Parameter values for the --deploy templates.")
    Path parameters;

    @Override
    public Integer call() throws Exception {
        if (!account.matches("\\d{12}")) {
            System.err.println("flowstate: --account must be 12 digits: " + account);
            return 2;
        }
        if (retentionDays < 1) {
            System.err.println("flowstate: --retention-days must be at least 1: " + retentionDays);
            return 2;
        }
        if (leaseSeconds < 1) {
            System.err.println("flowstate: --lease-seconds must be at least 1: " + leaseSeconds);
            return 2;
        }
        if (nodeId != null && store == null) {
            System.err.println("flowstate: --node-id needs a PostgreSQL --store (SQLite serves one process)");
            return 2;
        }
        if (store != null && !store.startsWith("jdbc:postgresql:")) {
            System.err.println("flowstate: --store must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db): " + store);
            return 2;
        }
        Durability mode;
        try {
            mode = Durability.parse(durability);
        } catch (IllegalArgumentException e) {
            System.err.println("flowstate: --" + e.getMessage());
            return 2;
        }
        Authenticator authenticator;
        AccessControl access;
        Optional<Policies> policyFile;
        try {
            authenticator = authenticator();
            // Without --auth the file's role members still limit Task calls; its key members have no one to apply to.
            policyFile = Optional.ofNullable(policies).map(Policies::read);
            access = authenticator == Authenticator.NONE ? AccessControl.OPEN : new AccessControl(authenticator,
                    policyFile, region, account);
        } catch (IllegalArgumentException e) {
            System.err.println("flowstate: " + e.getMessage());
            return 2;
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            System.err.println("flowstate: --tls-cert and --tls-key go together");
            return 2;
        }
        Optional<Tls> tls = tlsCert == null ? Optional.empty() : Optional.of(new Tls(tlsCert, tlsKey));
        long t0 = System.nanoTime();
        JdbcDatabase db = store == null ? JdbcStores.sqliteDatabase(data.resolve(DATABASE_FILE), mode)
                : JdbcStores.postgresDatabase(store, storeUser, storePassword, mode);
        SystemTimers timers = new SystemTimers();
        String node = store == null ? null : nodeId != null ? nodeId : defaultNodeId();
        Cluster cluster = node == null ? new SingleNode(db.executions())
                : db.cluster(node, Duration.ofSeconds(leaseSeconds), InstantSource.system());
        TaskWiring tasks;
        try {
            tasks = new TaskWiring(Optional.ofNullable(integrationsFile), region);
        } catch (IllegalArgumentException e) {
            System.err.println("flowstate: " + e.getMessage());
            db.close();
            return 2;
        }
        Optional<Tracing> tracing = Tracing.fromEnvironment(System.getenv());
        // Traced calls carry their Task span's context on (Lambda, HTTP Task, nested executions).
        io.flowstate.engine.task.TaskHandler handler = tasks.limited(policyFile);
        StepFunctions service = new StepFunctions(new ApiContext(region, account, InstantSource.system()),
                tracing.map(t -> t.tasks(handler)).orElse(handler), timers, Duration.ofSeconds(60), db.executions(),
                db.registry(), cluster);
        // Execution logging and status events, before recovery so that resumed executions are heard too.
        FlowstateMetrics metrics = metricsOn ? new FlowstateMetrics() : null;
        LogSink logs = logsDir == null ? new CloudWatchLogsWriter(tasks.clients) : new DirectoryLogSink(logsDir);
        HistoryListener logging = tasks.historyListener(service::loggingConfiguration, logs);
        List<HistoryListener> listeners = new java.util.ArrayList<>(List.of(logging));
        if (metrics != null) {
            listeners.add(metrics.listener());
        }
        tracing.ifPresent(t -> listeners.add(t.listener()));
        service.historyListener(HistoryListener.all(listeners));
        if (metrics != null) {
            CommitStats commits = db.commitStats();
            metrics.counter("flowstate.store.group.commits", "SQLite group commits (one fsync each with --durability "
                    + "power)", commits::groups);
            metrics.counter("flowstate.store.committed.writes", "Writes (decisions) in those group commits; over "
                    + "group commits: the mean group size", commits::writes);
            metrics.gauge("flowstate.store.commit.queue", "Writes waiting for the SQLite writer now", commits::queued);
            metrics.counter("flowstate.store.commit.seconds", "Time spent committing (the fsync); over group "
                    + "commits: the mean commit latency", commits::commitSeconds);
            metrics.gauge("flowstate.timers.pending", "Timers waiting to fire (Waits, retries, timeouts)", timers::pending);
            metrics.counter("flowstate.timers.fired", "Timers fired", timers::fired);
            metrics.counter("flowstate.timers.lag.seconds", "How late the fired timers fired, summed; over "
                    + "flowstate_timers_fired_total: the mean timer lag", timers::lagSeconds);
            if (cluster instanceof io.flowstate.store.jdbc.PostgresCluster pg) {
                metrics.gauge("flowstate.inbox.depth", "Triggers other nodes forwarded to this one, not applied yet "
                        + "(PostgreSQL cluster)", () -> inboxDepth(pg));
            }
            metrics.gauge("flowstate.log.events.dropped", "Execution log events the logs destination did not take "
                    + "(a CloudWatch Logs outage or an unwritable --logs-dir)", logs::dropped);
        }
        // Files need no log group made beforehand: with --logs-dir every destination is accepted.
        service.logGroupCheck(logsDir == null ? tasks.logGroups()::exists : arn -> true);
        int resumed;
        try {
            resumed = service.recover();
        } catch (IllegalStateException e) {
            // The others are resumed; one execution that cannot be rebuilt must not keep the rest offline.
            System.err.println("flowstate: " + e.getMessage());
            resumed = -1;
        }
        // A template that cannot be deployed stops the start (exit 2): serving without its state machines would hide it.
        TemplateDeployer.deploy(service, region, account, deploy, Optional.ofNullable(parameters), System.err);
        // The web console shares the API's port: one process, one address to open in a browser. With --auth it
        // signs users in with the same keys, and checks what they do against the same policies, as the API.
        boolean console = consoleOn;
        Optional<ConsoleLogin> consoleLogin = keys == null ? Optional.empty()
                : Optional.of(new ConsoleLogin(keys, access, InstantSource.system()));
        List<org.eclipse.jetty.server.Handler> routes = new ArrayList<>();
        if (metrics != null) {
            routes.add(metrics.route());
        }
        if (console) {
            routes.add(new ConsoleHandler(service, InstantSource.system(), consoleLogin));
        }
        ApiServer server;
        try {
            server = ApiServer.start(service, bind, port, routes, access, tls,
                    requestLog ? RequestLog.to(System.out) : RequestLog.NONE);
        } catch (IllegalArgumentException e) {
            System.err.println("flowstate: " + e.getMessage());
            service.close();
            db.close();
            return 2;
        }
        // Nested executions (states:startExecution, aws-sdk:sfn) run on this server unless told otherwise.
        // (Over HTTPS the JVM must trust the certificate, or AWS_ENDPOINT_URL_SFN route them elsewhere.)
        tasks.clients.defaultRoute("sfn", URI.create((tls.isPresent() ? "https://" : "http://") + loopbackFor(bind)
                + ":" + server.port()));
        System.err.printf("flowstate: Step Functions API on " + (tls.isPresent() ? "https" : "http") + "://%s:%d "
                + "(region %s, account %s), state in %s (durability %s), auth %s, console %s, %s, ready in %d ms%n",
                bind, server.port(), region, account,
                store == null ? data.resolve(DATABASE_FILE) : store + ", node " + node, mode.label(),
                authenticator == Authenticator.NONE ? "none (every request is served)"
                        + (policies == null ? "" : ", role policies on Task calls")
                        : policies == null ? "sigv4" : "sigv4 with policies",
                !console ? "off" : consoleLogin.isPresent() ? "at /console/ (login)" : "at /console/",
                resumed < 0 ? "some executions not resumed" : "resumed " + resumed + " execution(s)",
                (System.nanoTime() - t0) / 1_000_000);
        tasks.describe(ROUTED_SERVICES).forEach(line -> System.err.println("flowstate: " + line));
        tracing.ifPresent(t -> System.err.println("flowstate: traces -> " + Tracing.describe(System.getenv())));
        // Retention runs in the background, at start and then hourly; a failed sweep is retried the next hour.
        java.util.concurrent.ScheduledExecutorService retention = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(Thread.ofPlatform().name("flowstate-retention").daemon().factory());
        retention.scheduleWithFixedDelay(() -> {
            try {
                int deleted = service.applyRetention(Duration.ofDays(retentionDays));
                if (deleted > 0) {
                    System.err.printf("flowstate: retention deleted %d execution(s) that ended over %d days ago%n",
                            deleted, retentionDays);
                }
            } catch (RuntimeException e) {
                System.err.println("flowstate: retention sweep failed, retrying in an hour: " + e.getMessage());
            }
        }, 0, 1, java.util.concurrent.TimeUnit.HOURS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            retention.shutdownNow();
            server.close();
            service.close();
            tasks.close();
            db.close();
            // The spans still batched go out before the process ends.
            tracing.ifPresent(Tracing::close);
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }

    /** The inbox's depth, or NaN when the database cannot be asked (a scrape must not fail for it). */
    private static Number inboxDepth(io.flowstate.store.jdbc.PostgresCluster cluster) {
        try {
            return cluster.inboxDepth();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The services the start line reports the routes of. */
    private static final List<String> ROUTED_SERVICES = List.of("lambda", "sfn", "sqs", "sns", "dynamodb",
            "eventbridge", "s3", "secretsmanager", "cloudwatchlogs");

    /** The address this server's own clients reach it at. */
    private static String loopbackFor(String bind) {
        return bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
    }

    /** Unique per process: a restarted node's executions wait for its old lease unless {@code --node-id} is given. */
    private static String defaultNodeId() {
        // Not InetAddress.getLocalHost(): a reverse DNS lookup can hold the start up for seconds.
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        return host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x10000));
    }

    /** The keys of --credentials, once read (--auth sigv4). */
    private AccessKeys keys;

    /** The check of --auth and --credentials; IllegalArgumentException with the message to print. */
    private Authenticator authenticator() {
        switch (auth) {
            case "none" -> {
                if (credentials != null) {
                    throw new IllegalArgumentException("--credentials needs --auth sigv4");
                }
                return Authenticator.NONE;
            }
            case "sigv4" -> {
                if (credentials == null) {
                    throw new IllegalArgumentException("--auth sigv4 needs --credentials FILE (the accepted access keys)");
                }
                keys = AccessKeys.read(credentials);
                return new SigV4Authenticator(keys, InstantSource.system());
            }
            default -> throw new IllegalArgumentException("--auth must be none or sigv4, got '" + auth + "'");
        }
    }
}
