package io.flowstate.integrations.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiServer;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import io.flowstate.integrations.MotoServer;
import io.flowstate.integrations.sdk.SdkClients;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.LogDestination;
import software.amazon.awssdk.services.sfn.model.LogLevel;

/**
 * Execution logging end to end: state machines with a {@code loggingConfiguration} on the real API, their
 * executions' events read back from moto's CloudWatch Logs with GetLogEvents, in the shape AWS writes them.
 */
class ExecutionLoggingTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/r";
    private static final String PASS = "{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'a':1},'End':true}}}";
    private static final String FAIL = "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'E','Cause':'C'}}}";
    private static MotoServer moto;
    private static SdkClients clients;
    private static StepFunctions service;
    private static ApiServer server;
    private static SfnClient sfn;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() throws Exception {
        moto = MotoServer.start();
        clients = new SdkClients(moto.environment(), Map.of(), Region.US_EAST_1);
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1));
        service.historyListener(new ExecutionLogging(service::loggingConfiguration, new CloudWatchLogsWriter(clients)));
        service.logGroupCheck(new LogGroups(clients)::exists);
        server = ApiServer.start(service, "127.0.0.1", 0);
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port())).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
        logs = CloudWatchLogsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static LogDestination destination(String groupArn) {
        return LogDestination.builder().cloudWatchLogsLogGroup(g -> g.logGroupArn(groupArn)).build();
    }

    @AfterAll
    static void stop() {
        logs.close();
        sfn.close();
        server.close();
        service.close();
        clients.close();
        moto.close();
    }

    /** Creates a log group and a machine logging to it; returns the group's name and the execution's ARN. */
    private static String[] run(String definition, LogLevel level, boolean data) {
        String group = "/flowstate/test-" + UUID.randomUUID();
        logs.createLogGroup(b -> b.logGroupName(group));
        String groupArn = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).arn();
        String machine = sfn.createStateMachine(b -> b.name("m-" + UUID.randomUUID().toString().substring(0, 8))
                .definition(definition.replace('\'', '"')).roleArn(ROLE).loggingConfiguration(l -> l.level(level)
                        .includeExecutionData(data).destinations(destination(groupArn))))
                .stateMachineArn();
        String execution = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\": 1}")).executionArn();
        return new String[] {group, execution};
    }

    /** The messages of the group's one stream, once it has {@code count} of them (at most 10 s). */
    private static List<JsonNode> logged(String group, int count) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < 100 && out.size() < count; i++) {
            Thread.sleep(100);
            out.clear();
            for (var s : logs.describeLogStreams(b -> b.logGroupName(group)).logStreams()) {
                for (OutputLogEvent e : logs.getLogEvents(b -> b.logGroupName(group).logStreamName(s.logStreamName())
                        .startFromHead(true)).events()) {
                    out.add(Json.parse(e.message()));
                }
            }
        }
        return out;
    }

    @Test
    void allLevel_withoutExecutionData_logsEveryEventWithoutPayloads() throws Exception {
        String[] r = run(PASS, LogLevel.ALL, false);
        List<JsonNode> events = logged(r[0], 4);
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        JsonNode started = events.get(0);
        assertThat(started.path("id").asText()).isEqualTo("1");
        assertThat(started.path("previous_event_id").asText()).isEqualTo("0");
        assertThat(started.path("execution_arn").asText()).isEqualTo(r[1]);
        assertThat(started.path("redrive_count").asText()).isEqualTo("0");
        assertThat(started.path("event_timestamp").asText()).matches("\\d+");
        assertThat(Json.write(started.path("details"))).isEqualTo("{\"roleArn\":\"" + ROLE + "\"}");
        assertThat(Json.write(events.get(1).path("details"))).isEqualTo("{\"name\":\"P\"}");
        assertThat(Json.write(events.get(3).path("details"))).isEqualTo("{}");
    }

    @Test
    void allLevel_withExecutionData_logsPayloadsAsHistoryHasThem() throws Exception {
        String[] r = run(PASS, LogLevel.ALL, true);
        List<JsonNode> events = logged(r[0], 4);
        assertThat(events).hasSize(4);
        assertThat(events.get(0).path("details").path("input").asText()).isEqualTo("{\"x\": 1}");
        assertThat(events.get(0).path("details").path("inputDetails").path("truncated").asBoolean(true)).isFalse();
        assertThat(events.get(3).path("details").path("output").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void errorLevel_failingExecution_logsOnlyTheFailureEvents() throws Exception {
        String[] r = run(FAIL, LogLevel.ERROR, false);
        List<JsonNode> events = logged(r[0], 2);
        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly("FailStateEntered", "ExecutionFailed");
        assertThat(Json.write(events.get(1).path("details"))).isEqualTo("{\"error\":\"E\",\"cause\":\"C\"}");
    }

    @Test
    void fatalLevel_failingExecution_logsOnlyTheExecutionFailure() throws Exception {
        String[] r = run(FAIL, LogLevel.FATAL, true);
        assertThat(logged(r[0], 1)).extracting(e -> e.path("type").asText()).containsExactly("ExecutionFailed");
    }

    @Test
    void createStateMachine_logGroupDeleted_isInvalidLoggingConfiguration() {
        String group = "/flowstate/gone-" + UUID.randomUUID();
        logs.createLogGroup(b -> b.logGroupName(group));
        String groupArn = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().get(0).arn();
        logs.deleteLogGroup(b -> b.logGroupName(group));
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name("gone").definition(PASS.replace('\'', '"'))
                .roleArn(ROLE).loggingConfiguration(l -> l.level(LogLevel.ALL)
                        .destinations(destination(groupArn)))))
                .isInstanceOf(InvalidLoggingConfigurationException.class)
                .hasMessageContaining("Invalid Logging Configuration: Log Destination not found.");
    }
}
