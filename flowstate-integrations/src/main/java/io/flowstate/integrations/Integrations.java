package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.http.HttpInvoke;
import io.flowstate.integrations.s3.SdkBuckets;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The task handler that does real work: it reads each Task's Resource ARN and calls the service behind it
 * through the AWS SDK for Java v2, routed by {@link SdkClients} (the SDK's endpoint variables, or real AWS);
 * {@code http:invoke} calls the third-party API itself ({@link HttpInvoke}).
 * Resources it does not serve (activities, unknown ARNs, integrations not built yet) go to {@code fallback}.
 */
public final class Integrations implements TaskHandler, AutoCloseable {
    private final SdkClients clients;
    private final TaskHandler fallback;
    private final LambdaIntegration lambda;
    private final AwsSdkIntegration awsSdk;
    private final OptimizedIntegration optimized;
    private final NestedExecutions nested;
    private final AssumedRoles roles;
    private final JobRuns jobs;
    private final ItemReaders readers;
    private final ResultWriters writers;
    private final io.flowstate.integrations.http.ApiGatewayInvoke apiGateway =
            new io.flowstate.integrations.http.ApiGatewayInvoke();
    private final HttpInvoke http;

    public Integrations(SdkClients clients, TaskHandler fallback) {
        this.clients = requireNonNull(clients, "clients is null");
        this.fallback = requireNonNull(fallback, "fallback is null");
        SdkCall sdk = new SdkCall(clients);
        this.lambda = new LambdaIntegration(clients);
        this.awsSdk = new AwsSdkIntegration(sdk);
        this.optimized = new OptimizedIntegration(sdk);
        this.nested = new NestedExecutions(clients, optimized);
        this.jobs = new JobRuns(sdk, optimized);
        SdkBuckets buckets = new SdkBuckets(clients);
        this.readers = new ItemReaders(buckets);
        this.writers = new ResultWriters(buckets);
        this.roles = new AssumedRoles(clients, roleClients -> new Integrations(roleClients, fallback));
        this.http = new HttpInvoke(clients, InstantSource.system());
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        if (inv.roleArn().isPresent()) {
            return roles.invoke(inv);
        }
        if (inv.readerConfig().isPresent()) {
            JsonNode config = inv.readerConfig().get();
            return config.has("ResultWriter") ? writers.write(inv.resource(), inv.input(), config)
                    : readers.read(IntegrationResource.parse(inv.resource()), inv.input(), config);
        }
        IntegrationResource r = IntegrationResource.parse(inv.resource());
        return switch (r.kind()) {
            case LAMBDA_FUNCTION -> lambda.function(inv.resource(), inv.input(), inv.trace());
            case AWS_SDK -> r.pattern() == IntegrationResource.Pattern.REQUEST_RESPONSE
                    || r.pattern() == IntegrationResource.Pattern.WAIT_FOR_TASK_TOKEN
                    ? awsSdk.invoke(r, inv.input()) : fallback.invoke(inv);
            case OPTIMIZED -> optimized(r, inv);
            case OTHER -> fallback.invoke(inv);
        };
    }

    private TaskOutcome optimized(IntegrationResource r, TaskInvocation inv) {
        if (r.service().equals("apigateway") && r.action().equals("invoke")
                && r.pattern() != IntegrationResource.Pattern.SYNC && r.pattern() != IntegrationResource.Pattern.SYNC2) {
            return apiGateway.invoke(inv.input());
        }
        if (r.service().equals("http") && r.action().equals("invoke")
                && r.pattern() == IntegrationResource.Pattern.REQUEST_RESPONSE) {
            return http.invoke(inv.input(), inv.trace());
        }
        if (r.service().equals("lambda") && r.action().equals("invoke")
                && r.pattern() != IntegrationResource.Pattern.SYNC && r.pattern() != IntegrationResource.Pattern.SYNC2) {
            return lambda.invoke(inv.input(), inv.trace());
        }
        if (r.service().equals("states") && r.action().equals("startExecution")) {
            // The child joins the caller's trace, its span a child of this Task's (unless the task names its own).
            JsonNode params = inv.trace().isPresent() && inv.input() instanceof ObjectNode o && !o.has("TraceHeader")
                    ? o.deepCopy().put("TraceHeader", inv.trace().get().xrayHeader()) : inv.input();
            if (r.pattern() == IntegrationResource.Pattern.SYNC || r.pattern() == IntegrationResource.Pattern.SYNC2) {
                return nested.invoke(r, params, inv.executionArn());
            }
            inv = inv.withInput(params);
        }
        Optional<OptimizedIntegration.Service> s = OptimizedIntegration.service(r);
        Optional<JobRun> job = JobRuns.of(r);
        if (s.isPresent() && job.isPresent() && r.pattern() == IntegrationResource.Pattern.SYNC) {
            return jobs.invoke(r, s.get(), job.get(), inv.input(), inv.executionArn());
        }
        if (s.isPresent() && (r.pattern() == IntegrationResource.Pattern.REQUEST_RESPONSE
                || r.pattern() == IntegrationResource.Pattern.WAIT_FOR_TASK_TOKEN)) {
            return optimized.invoke(r, s.get(), inv.input(), inv.executionArn());
        }
        return fallback.invoke(inv);
    }

    @Override
    public void close() {
        readers.close();
        roles.close();
        clients.close();
    }
}
