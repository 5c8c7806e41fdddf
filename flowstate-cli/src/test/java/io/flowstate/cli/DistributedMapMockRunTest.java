package io.flowstate.cli;

import static io.flowstate.cli.CliRun.flowstate;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.cli.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./flowstate run --mock-config}: a Distributed Map runs offline, its {@code ItemReader} answered by the
 * MockConfigFile response under the Map state's name ([fidelity] item 5). The mocked {@code Return} is the items,
 * as TestState's {@code mapItemReaderData} is; a {@code Throw} is the reader's failure, and responses count per
 * invocation, retries included, as for a Task. The ItemSelector sees where the items came from
 * ({@code $$.Map.Item.Source}, AWS's context object page): the S3 URI the reader names, mocked or not.
 */
class DistributedMapMockRunTest {
    private static final String PROCESSOR = "'ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED',"
            + "'ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}";

    @TempDir
    Path dir;

    private Path file(String name, String singleQuoted) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, singleQuoted.replace('\'', '"'));
        return p;
    }

    private Path mocks(String machine, String responses) throws Exception {
        return file("mocks.json", "{'StateMachines':{'" + machine + "':{'TestCases':{'Offline':{'Read':'Items'}}}},"
                + "'MockedResponses':{'Items':" + responses + "}}");
    }

    private Outcome run(Path def, Path mocks) {
        return flowstate("run", def.toString(), "--input", "{\"bucket\":\"my-bucket\"}", "--mock-config",
                mocks.toString(), "--test-case", "Offline", "--skip-waits");
    }

    @Test
    void run_mockedListObjectsReader_mapsOverTheObjectsWithTheBucketAsSource() throws Exception {
        Path def = file("Lister.json", "{'StartAt':'Read','States':{'Read':{'Type':'Map','ItemReader':{"
                + "'Resource':'arn:aws:states:::s3:listObjectsV2','Parameters':{'Bucket.$':'$.bucket','Prefix':'in/'}},"
                + "'ItemSelector':{'key.$':'$$.Map.Item.Value.Key','source.$':'$$.Map.Item.Source'}," + PROCESSOR
                + ",'End':true}}}");
        Path mocks = mocks("Lister", "{'0':{'Return':[{'Key':'in/a.json','Size':1},{'Key':'in/b.json','Size':2}]}}");

        Outcome o = run(def, mocks);

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("[{\"key\":\"in/a.json\",\"source\":\"s3://my-bucket\"},"
                + "{\"key\":\"in/b.json\",\"source\":\"s3://my-bucket\"}]"));
    }

    @Test
    void run_mockedGetObjectReader_sourceIsTheObjectsUri() throws Exception {
        Path def = file("Getter.json", "{'StartAt':'Read','States':{'Read':{'Type':'Map','ItemReader':{"
                + "'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON'},"
                + "'Parameters':{'Bucket.$':'$.bucket','Key':'items.json'}},"
                + "'ItemSelector':{'i.$':'$$.Map.Item.Index','source.$':'$$.Map.Item.Source'}," + PROCESSOR
                + ",'End':true}}}");
        Path mocks = mocks("Getter", "{'0':{'Return':['x','y']}}");

        Outcome o = run(def, mocks);

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("[{\"i\":0,\"source\":\"s3://my-bucket/items.json\"},"
                + "{\"i\":1,\"source\":\"s3://my-bucket/items.json\"}]"));
    }

    @Test
    void run_mockedReaderThrows_failsTheRunWithTheMockedError() throws Exception {
        Path def = file("Failing.json", "{'StartAt':'Read','States':{'Read':{'Type':'Map','ItemReader':{"
                + "'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV'},"
                + "'Parameters':{'Bucket':'b','Key':'k.csv'}}," + PROCESSOR + ",'End':true}}}");
        Path mocks = mocks("Failing", "{'0':{'Throw':{'Error':'States.ItemReaderFailed','Cause':'no such key'}}}");

        Outcome o = run(def, mocks);

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.json()).isEqualTo(Json.parse("{\"status\":\"FAILED\",\"error\":\"States.ItemReaderFailed\","
                + "\"cause\":\"no such key\"}"));
    }

    @Test
    void run_mockedReaderFailsThenReads_retryOfTheMapTakesTheNextResponse() throws Exception {
        Path def = file("Retried.json", "{'StartAt':'Read','States':{'Read':{'Type':'Map','ItemReader':{"
                + "'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON'},"
                + "'Parameters':{'Bucket':'b','Key':'k'}},'Retry':[{'ErrorEquals':['States.ItemReaderFailed'],"
                + "'IntervalSeconds':1}]," + PROCESSOR + ",'End':true}}}");
        Path mocks = mocks("Retried", "{'0':{'Throw':{'Error':'States.ItemReaderFailed','Cause':'busy'}},"
                + "'1':{'Return':[1,2,3]}}");

        Outcome o = run(def, mocks);

        assertThat(o.exit()).as(o.out() + o.err()).isZero();
        assertThat(o.json()).isEqualTo(Json.parse("[1,2,3]"));
    }
}
