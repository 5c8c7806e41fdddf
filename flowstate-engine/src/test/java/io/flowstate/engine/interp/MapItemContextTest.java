package io.flowstate.engine.interp;

import static io.flowstate.engine.Machines.T0;
import static io.flowstate.engine.Machines.info;
import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.Machines.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import org.junit.jupiter.api.Test;

/**
 * {@code Map.Item} in the context object, from "Context object data for Map states" on AWS's context object page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-contextobject.html): {@code Index},
 * {@code Value} and {@code Source}, "available only in a Map state" and given to its {@code ItemSelector}, "not
 * within the states included in the ItemProcessor section". {@code Source} is {@code STATE_DATA} for state input,
 * the bucket's S3 URI for {@code s3:listObjectsV2} and the object's S3 URI for the other readers.
 */
class MapItemContextTest {
    private static final String PROCESSOR = "'ItemProcessor':{'ProcessorConfig':{'Mode':'INLINE'},'StartAt':'TestPass',"
            + "'States':{'TestPass':{'Type':'Pass','End':true}}}";

    private static JsonNode output(String definition, String input) {
        Interpreter.Started s = Interpreter.start(parse(definition), info(json(input)), T0);
        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return s.execution().output().orElseThrow();
    }

    /** The page's own example, input and output. */
    @Test
    void mapItemSelector_itemsFromStateInput_seeIndexValueAndStateDataSource() {
        JsonNode out = output("{'StartAt':'ExampleMapState','States':{'ExampleMapState':{'Type':'Map',"
                + "'ItemSelector':{'ContextIndex.$':'$$.Map.Item.Index','ContextValue.$':'$$.Map.Item.Value',"
                + "'ContextSource.$':'$$.Map.Item.Source'}," + PROCESSOR + ",'End':true}}}",
                "[{'who':'bob'},{'who':'meg'},{'who':'joe'}]");

        assertThat(out).isEqualTo(json("[{'ContextIndex':0,'ContextValue':{'who':'bob'},'ContextSource':'STATE_DATA'},"
                + "{'ContextIndex':1,'ContextValue':{'who':'meg'},'ContextSource':'STATE_DATA'},"
                + "{'ContextIndex':2,'ContextValue':{'who':'joe'},'ContextSource':'STATE_DATA'}]"));
    }

    @Test
    void mapItemSelector_jsonata_statesContextSeesTheItem() {
        JsonNode out = output("{'QueryLanguage':'JSONata','StartAt':'ExampleMapState','States':{'ExampleMapState':{"
                + "'Type':'Map','ItemSelector':{'ContextIndex':'{% $states.context.Map.Item.Index %}',"
                + "'ContextValue':'{% $states.context.Map.Item.Value %}',"
                + "'ContextSource':'{% $states.context.Map.Item.Source %}'}," + PROCESSOR + ",'End':true}}}",
                "[{'who':'bob'},{'who':'meg'}]");

        // JSONata's numbers are other node types: compare the JSON text.
        assertThat(out.toString()).isEqualTo(json("[{'ContextIndex':0,'ContextValue':{'who':'bob'},"
                + "'ContextSource':'STATE_DATA'},{'ContextIndex':1,'ContextValue':{'who':'meg'},"
                + "'ContextSource':'STATE_DATA'}]").toString());
    }

    /** Regression: iterations' states were given {@code Map.Item}, which AWS keeps to the ItemSelector. */
    @Test
    void mapIteration_statesOfTheProcessor_seeNoMapItem() {
        JsonNode out = output("{'StartAt':'M','States':{'M':{'Type':'Map','ItemProcessor':{'StartAt':'P','States':{"
                + "'P':{'Type':'Pass','Parameters':{'ctx.$':'$$'},'End':true}}},'End':true}}}", "['a','b']");

        assertThat(out.get(0).path("ctx").has("Map")).isFalse();
        assertThat(out.get(0).path("ctx").path("State").path("Name").asText()).isEqualTo("P");
    }

    @Test
    void distributedMapItemSelector_getObjectReader_sourceIsTheObjectsUri() {
        assertThat(readSources("arn:aws:states:::s3:getObject", "{'Bucket.$':'$.b','Key':'data/items.json'}"))
                .isEqualTo(json("['s3://bucket/data/items.json','s3://bucket/data/items.json']"));
    }

    @Test
    void distributedMapItemSelector_listObjectsReader_sourceIsTheBucketsUri() {
        assertThat(readSources("arn:aws:states:::s3:listObjectsV2", "{'Bucket.$':'$.b','Prefix':'data/'}"))
                .isEqualTo(json("['s3://bucket','s3://bucket']"));
    }

    private static JsonNode readSources(String resource, String parameters) {
        StateMachine m = parse("{'StartAt':'M','States':{'M':{'Type':'Map','ItemReader':{'Resource':'" + resource
                + "','Parameters':" + parameters + ",'ReaderConfig':{'InputType':'JSON'}},"
                + "'ItemSelector':{'source.$':'$$.Map.Item.Source'},'ResultSelector':{'s.$':'$[*].source'},"
                + "'OutputPath':'$.s','ItemProcessor':{'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},"
                + "'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}},'End':true}}}");
        Interpreter.Started s = Interpreter.start(m, info(json("{'b':'bucket'}")), T0);
        Effect.InvokeTask read = (Effect.InvokeTask) s.decision().effects().get(0);

        Interpreter.advance(s.execution(), new Trigger.TaskSucceeded(read.taskId(), json("[{'Key':'a'},{'Key':'b'}]")), T0);

        assertThat(s.execution().status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        return s.execution().output().orElseThrow();
    }
}
