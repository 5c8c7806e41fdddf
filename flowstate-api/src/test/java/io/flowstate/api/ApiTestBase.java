package io.flowstate.api;

import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.ExecutionStore;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.UUID;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A server on a random loopback port and the real AWS SDK for Java v2 client pointed at it with dummy
 * credentials, as a user would. GetActivityTask polls for one second here instead of 60, so tests stay fast.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {
    static final String ACCOUNT = "123456789012";
    static final String REGION = "us-east-1";
    static final String ROLE = "arn:aws:iam::123456789012:role/flowstate-test";
    static final String PASS = """
            {"StartAt":"P","States":{"P":{"Type":"Pass","Result":{"ok":true},"End":true}}}""";

    StepFunctions service;
    ApiServer server;
    SfnClient sfn;

    @BeforeAll
    void startServer() {
        service = new StepFunctions(new ApiContext(REGION, ACCOUNT, InstantSource.system()), TaskHandlers.unbound(),
                new SystemTimers(), Duration.ofSeconds(1), standardStore(), new InMemoryRegistryStore());
        server = ApiServer.start(service, "127.0.0.1", 0);
        sfn = SfnClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(30))
                        // StartSyncExecution's host would be sync-127.0.0.1, which does not resolve.
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    @AfterAll
    void stopServer() {
        sfn.close();
        server.close();
        service.close();
    }

    /** The store of Standard executions the server runs on; a test class may wrap it to watch what is read. */
    ExecutionStore standardStore() {
        return new InMemoryExecutionStore();
    }

    /** A name no other test uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a Standard state machine and returns its ARN. */
    String createMachine(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    String arn(String resource) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":" + resource;
    }

    /** The execution once it ended (or as it stands after 10 s). */
    DescribeExecutionResponse await(String exec) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (true) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(exec));
            if (d.status() != software.amazon.awssdk.services.sfn.model.ExecutionStatus.RUNNING
                    || System.nanoTime() > deadline) {
                return d;
            }
            Thread.onSpinWait();
        }
    }
}
