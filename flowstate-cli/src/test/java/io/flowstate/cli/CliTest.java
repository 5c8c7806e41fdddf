package io.flowstate.cli;

import static io.flowstate.cli.CliRun.flowstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.cli.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract other tools script against: what goes to stdout/stderr and the exit code. */
class CliTest {
    @TempDir
    Path dir;

    private Path file(String name, String singleQuoted) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, singleQuoted.replace('\'', '"').replace('`', '\''));
        return p;
    }

    @Test
    void run_succeedingMachine_printsOutputAndExitsZero() throws Exception {
        Path def = file("hello.json", "{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Parameters':{'greeting.$':'States.Format(`Hello, {}!`, $.name)'},'End':true}}}");

        Outcome o = flowstate("run", def.toString(), "--input", "{\"name\":\"world\"}");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("{\"greeting\":\"Hello, world!\"}"));
    }

    @Test
    void run_failingMachine_printsStatusErrorCauseAndExitsOne() throws Exception {
        Path def = file("fail.json", "{'StartAt':'F','States':{'F':{'Type':'Fail','Error':'Boom','Cause':'why'}}}");

        Outcome o = flowstate("run", def.toString());

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.json()).isEqualTo(Json.parse("{\"status\":\"FAILED\",\"error\":\"Boom\",\"cause\":\"why\"}"));
    }

    @Test
    void run_invalidDefinition_printsDiagnosticsOnStderrAndExitsTwo() throws Exception {
        Path def = file("bad.json", "{'StartAt':'Nope','States':{'P':{'Type':'Pass','End':true}}}");

        Outcome o = flowstate("run", def.toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).contains("MISSING_TRANSITION_TARGET").doesNotContain("Exception");
    }

    @Test
    void run_malformedInput_exitsTwoWithMessage() throws Exception {
        Path def = file("p.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");

        Outcome o = flowstate("run", def.toString(), "--input", "{nope");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("the input is not valid JSON");
    }

    @Test
    void run_skipWaits_finishesOneDayWaitAndWritesHistory() throws Exception {
        Path def = file("wait.json", "{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':86400,'End':true}}}");
        Path history = dir.resolve("history.json");

        Outcome o = flowstate("run", def.toString(), "--skip-waits", "--input", "@" + file("in.json", "[1, 2]"),
                "--history", history.toString());

        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode events = Json.parse(Files.readString(history)).get("events");
        assertThat(events).hasSize(4);
        assertThat(events.get(0).get("executionStartedEventDetails").get("input").asText()).isEqualTo("[1, 2]");
        double start = events.get(0).get("timestamp").asDouble();
        double end = events.get(3).get("timestamp").asDouble();
        assertThat(end - start).isEqualTo(86400.0);
    }

    /** [fidelity] item 5: a Distributed Map runs offline, its ItemReader answered by a mock under the Map's name. */
    @Test
    void run_mockConfigForItemReader_mapsOverTheMockedItems() throws Exception {
        Path def = file("Reader.json", "{'StartAt':'M','States':{'M':{'Type':'Map','ItemReader':{"
                + "'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON'},"
                + "'Parameters':{'Bucket':'b','Key':'k'}},'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
                + "'ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
        Path mocks = file("mocks.json", "{'StateMachines':{'Reader':{'TestCases':{'Items':{'M':'TwoItems'}}}},"
                + "'MockedResponses':{'TwoItems':{'0':{'Return':[{'id':1},{'id':2}]}}}}");

        Outcome o = flowstate("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Items");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("[{\"id\":1},{\"id\":2}]"));
    }

    @Test
    void run_mockConfig_answersTaskWithMockedResponsePerInvocation() throws Exception {
        Path def = file("LambdaMachine.json", "{'StartAt':'Call','States':{'Call':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:us-east-1:123456789012:function:f','Retry':[{'ErrorEquals':['States.ALL'],"
                + "'IntervalSeconds':1}],'End':true}}}");
        Path mocks = file("mocks.json", "{'StateMachines':{'LambdaMachine':{'TestCases':{'Flaky':{'Call':'FailOnce'}}}},"
                + "'MockedResponses':{'FailOnce':{'0':{'Throw':{'Error':'Lambda.ServiceException','Cause':'busy'}},"
                + "'1':{'Return':{'ok':true}}}}}");

        Outcome o = flowstate("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Flaky", "--skip-waits");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("{\"ok\":true}"));
    }

    @Test
    void run_unknownTestCase_exitsTwoWithMessage() throws Exception {
        Path def = file("m.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");
        Path mocks = file("mocks.json", "{'StateMachines':{'m':{'TestCases':{}}},'MockedResponses':{}}");

        Outcome o = flowstate("run", def.toString(), "--mock-config", mocks.toString(), "--test-case", "Nope");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("no test case 'Nope'");
    }

    @Test
    void validate_validAndInvalid_printResultAndExitCodes() throws Exception {
        Outcome ok = flowstate("validate", file("ok.json", "{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}").toString());
        Outcome bad = flowstate("validate", file("bad.json", "{'StartAt':'P','States':{'P':{'Type':'Pazz','End':true}}}").toString());

        assertThat(ok.exit()).isZero();
        assertThat(ok.json().get("result").asText()).isEqualTo("OK");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.json().get("result").asText()).isEqualTo("FAIL");
        assertThat(bad.json().get("diagnostics").get(0).get("code").asText()).isEqualTo("SCHEMA_VALIDATION_FAILED");
    }

    @Test
    void run_missingFile_exitsTwo() {
        Outcome o = flowstate("run", dir.resolve("absent.json").toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("no such file");
    }

    @Test
    void server_nodeIdWithoutPostgres_exitsTwoBeforeOpeningAnything() {
        Outcome o = flowstate("server", "--node-id", "n1", "--data", dir.resolve("data").toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--node-id needs a PostgreSQL --store");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void server_leaseBelowOneSecond_exitsTwo() {
        Outcome o = flowstate("server", "--lease-seconds", "0", "--data", dir.resolve("data").toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--lease-seconds must be at least 1");
    }

    @Test
    void server_unknownDurability_exitsTwoNamingTheModes() {
        Outcome o = flowstate("server", "--durability", "fast", "--port", "0");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--durability must be power or process, got 'fast'");
    }

    @Test
    void server_sigv4WithoutCredentials_exitsTwoSayingWhatItNeeds() {
        Outcome o = flowstate("server", "--auth", "sigv4", "--port", "0");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--auth sigv4 needs --credentials FILE");
    }

    @Test
    void lambda_badAccount_exitsTwoBeforeServing() {
        Outcome o = flowstate("lambda", "--account", "12", "--port", "0");

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("--account must be 12 digits");
    }

    @Test
    void lambda_help_namesItsOptions() {
        Outcome o = flowstate("lambda", "--help");

        assertThat(o.exit()).isZero();
        assertThat(o.out()).contains("--port", "--bind", "--region", "--account", "--python", "--node");
    }
}
