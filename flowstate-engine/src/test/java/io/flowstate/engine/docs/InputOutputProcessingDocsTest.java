package io.flowstate.engine.docs;

import static io.flowstate.engine.Machines.json;
import static io.flowstate.engine.docs.DocRun.assertJson;
import static io.flowstate.engine.docs.DocRun.result;
import static io.flowstate.engine.docs.DocRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The examples of AWS's JSONPath input and output processing pages: InputPath, Parameters and ResultSelector
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-inputpath-params.html), ResultPath
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultpath.html), OutputPath and the worked
 * example (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-example.html), and paths
 * (https://docs.aws.amazon.com/step-functions/latest/dg/amazon-states-language-paths.html).
 */
class InputOutputProcessingDocsTest {
    private static final String LAMBDA = "arn:aws:lambda:us-east-1:123456789012:function:HelloFunction";

    private static String pass(String fields) {
        return "{'StartAt':'P','States':{'P':{'Type':'Pass'," + fields + ",'End':true}}}";
    }

    private static String task(String fields) {
        return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "'," + fields + "'End':true}}}";
    }

    /** input-output-inputpath-params.html, "InputPath". */
    @Test
    void inputPath_selectsDataset2_stateInputIsThatObject() {
        DocRun r = run(pass("'InputPath':'$.dataset2'"), "{'comment':'Example for InputPath.',"
                + "'dataset1':{'val1':1,'val2':2,'val3':3},'dataset2':{'val1':'a','val2':'b','val3':'c'}}");

        assertThat(r.output()).isEqualTo(json("{'val1':'a','val2':'b','val3':'c'}"));
    }

    /** input-output-inputpath-params.html, note: "A path can yield a selection of values". */
    @Test
    void inputPath_arraySlice_yieldsTheFirstTwoValues() {
        assertThat(run(pass("'InputPath':'$.a[0:2]'"), "{'a':[1,2,3,4]}").output()).isEqualTo(json("[1,2]"));
    }

    /** input-output-inputpath-params.html, "Parameters", key-value pairs. */
    @Test
    void parameters_staticAndPathValues_buildTheEffectiveInput() {
        DocRun r = run(pass("'Parameters':{'comment':'Selecting what I care about.','MyDetails':{"
                + "'size.$':'$.product.details.size','exists.$':'$.product.availability','StaticValue':'foo'}}"),
                "{'comment':'Example for Parameters.','product':{'details':{'color':'blue','size':'small',"
                        + "'material':'cotton'},'availability':'in stock','sku':'2317','cost':'$23'}}");

        assertThat(r.output()).isEqualTo(json("{'comment':'Selecting what I care about.','MyDetails':{"
                + "'size':'small','exists':'in stock','StaticValue':'foo'}}"));
    }

    /** input-output-inputpath-params.html: "AWS Step Functions applies the InputPath field first, and then Parameters". */
    @Test
    void inputPathThenParameters_pathsInParameters_readTheFilteredInput() {
        DocRun r = run(pass("'InputPath':'$.product','Parameters':{'size.$':'$.details.size'}"),
                "{'product':{'details':{'size':'small'}}}");

        assertThat(r.output()).isEqualTo(json("{'size':'small'}"));
    }

    /** input-output-inputpath-params.html, "Connected resource parameters": the Parameters are the task's input. */
    @Test
    void taskParameters_keyValuePairs_areWhatTheResourceReceives() {
        DocRun r = run(task("'Parameters':{'comment':'Selecting what I care about.','MyDetails':{"
                + "'size.$':'$.product.details.size','exists.$':'$.product.availability','StaticValue':'foo'}},"),
                "{'product':{'details':{'size':'small'},'availability':'in stock'}}", call -> result("'ok'"));

        assertThat(r.calls.get(0).input()).isEqualTo(json("{'comment':'Selecting what I care about.',"
                + "'MyDetails':{'size':'small','exists':'in stock','StaticValue':'foo'}}"));
    }

    /** input-output-inputpath-params.html, "ResultSelector": a createCluster.sync result reshaped before ResultPath. */
    @Test
    void resultSelector_emrResult_keepsClusterIdAndResourceTypeUnderResultPath() {
        String emr = "{'resourceType':'elasticmapreduce','resource':'createCluster.sync','output':{"
                + "'SdkHttpMetadata':{'HttpHeaders':{'Content-Length':'1112','Content-Type':'application/x-amz-JSON-1.1',"
                + "'Date':'Mon, 25 Nov 2019 19:41:29 GMT','x-amzn-RequestId':'1234-5678-9012'},'HttpStatusCode':200},"
                + "'SdkResponseMetadata':{'RequestId':'1234-5678-9012'},'ClusterId':'AKIAIOSFODNN7EXAMPLE'}}";
        DocRun r = run(task("'ResultSelector':{'ClusterId.$':'$.output.ClusterId','ResourceType.$':'$.resourceType'},"
                + "'ResultPath':'$.EMROutput',"), "{'OtherDataFromInput':{}}", call -> result(emr));

        assertThat(r.output()).isEqualTo(json("{'OtherDataFromInput':{},'EMROutput':{"
                + "'ClusterId':'AKIAIOSFODNN7EXAMPLE','ResourceType':'elasticmapreduce'}}"));
    }

    /** input-output-inputpath-params.html, "Example: Flattening an array of arrays" with {@code $[*][*]}. */
    @Test
    void resultSelector_parallelResults_flattenedWithWildcards() {
        DocRun r = run("{'StartAt':'P','States':{'P':{'Type':'Parallel','ResultSelector':{'flattenArray.$':'$[*][*]'},"
                + "'Branches':[{'StartAt':'A','States':{'A':{'Type':'Pass','Result':[{'a':1},{'a':2}],'End':true}}},"
                + "{'StartAt':'B','States':{'B':{'Type':'Pass','Result':[{'b':3}],'End':true}}}],'End':true}}}", "{}");

        assertThat(r.output()).isEqualTo(json("{'flattenArray':[{'a':1},{'a':2},{'b':3}]}"));
    }

    /** input-output-resultpath.html: without ResultPath (or {@code "$"}) the result replaces the input. */
    @Test
    void resultPathDollar_taskResult_replacesTheInput() {
        DocRun r = run(task("'ResultPath':'$',"), "{'comment':'This is a test','details':'Default example',"
                + "'who':'Step Functions'}", call -> result("'Hello, Step Functions!'"));

        assertThat(r.output()).isEqualTo(json("'Hello, Step Functions!'"));
    }

    /** input-output-resultpath.html, "Discard the result and keep the original input". */
    @Test
    void resultPathNull_taskResult_isDiscarded() {
        String input = "{'comment':'This is a test','details':'Default example','who':'Step Functions'}";
        DocRun r = run(task("'ResultPath':null,"), input, call -> result("'Hello, Step Functions!'"));

        assertThat(r.output()).isEqualTo(json(input));
    }

    /** input-output-resultpath.html, "Use ResultPath to include the result with the input". */
    @Test
    void resultPathField_taskResult_isAddedToTheInput() {
        DocRun r = run(task("'ResultPath':'$.taskresult',"), "{'comment':'This is a test','details':'Default example',"
                + "'who':'Step Functions'}", call -> result("'Hello, Step Functions!'"));

        assertThat(r.output()).isEqualTo(json("{'comment':'This is a test','details':'Default example',"
                + "'who':'Step Functions','taskresult':'Hello, Step Functions!'}"));
    }

    /** input-output-resultpath.html: a result inserted into a child node of the input. */
    @Test
    void resultPathNestedField_taskResult_isInsertedInTheChildNode() {
        DocRun r = run(task("'ResultPath':'$.strings.lambdaresult',"), "{'comment':'An input comment.',"
                + "'strings':{'string1':'foo','string2':'bar','string3':'baz'},'who':'AWS Step Functions'}",
                call -> result("'Hello, AWS Step Functions!'"));

        assertThat(r.output()).isEqualTo(json("{'comment':'An input comment.','strings':{'string1':'foo',"
                + "'string2':'bar','string3':'baz','lambdaresult':'Hello, AWS Step Functions!'},"
                + "'who':'AWS Step Functions'}"));
    }

    /** input-output-resultpath.html, "Use ResultPath to update a node in the input with the result". */
    @Test
    void resultPathExistingField_taskResult_replacesThatNode() {
        DocRun r = run(task("'ResultPath':'$.details',"), "{'comment':'This is a test','details':'Default example',"
                + "'who':'Step Functions'}", call -> result("'Hello, Step Functions!'"));

        assertThat(r.output()).isEqualTo(json("{'comment':'This is a test','details':'Hello, Step Functions!',"
                + "'who':'Step Functions'}"));
    }

    /** input-output-resultpath.html, "Use ResultPath to include both error and input in a Catch". */
    @Test
    void catchResultPath_taskError_errorOutputIsAddedToTheInput() {
        DocRun r = run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + LAMBDA + "',"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'NextTask','ResultPath':'$.error'}],'End':true},"
                + "'NextTask':{'Type':'Pass','End':true}}}", "{'foo':'bar'}", call -> DocRun.error("Error here", null));

        assertThat(r.output()).isEqualTo(json("{'foo':'bar','error':{'Error':'Error here'}}"));
    }

    /** input-output-example.html: InputPath, ResultPath and OutputPath together on a Lambda task. */
    @Test
    void inputResultOutputPaths_lambdaTask_outputIsTheDataNodeWithTheResult() {
        DocRun r = run(task("'InputPath':'$.lambda','ResultPath':'$.data.lambdaresult','OutputPath':'$.data',"),
                "{'comment':'An input comment.','data':{'val1':23,'val2':17},'extra':'foo',"
                        + "'lambda':{'who':'AWS Step Functions'}}",
                call -> result("'Hello, AWS Step Functions!'"));

        assertThat(r.calls.get(0).input()).isEqualTo(json("{'who':'AWS Step Functions'}"));
        assertThat(r.output().path("val1").asInt()).isEqualTo(23);
        assertThat(r.output().path("val2").asInt()).isEqualTo(17);
        assertThat(r.output().has("lambdaresult")).isTrue();
    }

    /** input-output-example.html: with ResultPath {@code $.data.lambdaresult} the input is kept beside the result. */
    @Test
    void resultPathWithoutOutputPath_lambdaTask_keepsTheWholeInput() {
        DocRun r = run(task("'InputPath':'$.lambda','ResultPath':'$.data.lambdaresult',"),
                "{'comment':'An input comment.','data':{'val1':23,'val2':17},'extra':'foo',"
                        + "'lambda':{'who':'AWS Step Functions'}}",
                call -> result("'Hello, AWS Step Functions!'"));

        assertThat(r.output()).isEqualTo(json("{'comment':'An input comment.','data':{'val1':23,'val2':17,"
                + "'lambdaresult':'Hello, AWS Step Functions!'},'extra':'foo','lambda':{'who':'AWS Step Functions'}}"));
    }

    /** input-output-example.html, the same state with OutputPath {@code $.data}. */
    @Test
    void outputPath_dataNode_isTheStateOutput() {
        DocRun r = run(task("'InputPath':'$.lambda','ResultPath':'$.data.lambdaresult','OutputPath':'$.data',"),
                "{'comment':'An input comment.','data':{'val1':23,'val2':17},'extra':'foo',"
                        + "'lambda':{'who':'AWS Step Functions'}}",
                call -> result("'Hello, AWS Step Functions!'"));

        assertThat(r.output()).isEqualTo(json("{'val1':23,'val2':17,'lambdaresult':'Hello, AWS Step Functions!'}"));
    }

    /** amazon-states-language-paths.html, reference paths on the page's input. */
    @Test
    void referencePaths_pageInput_selectTheDocumentedValues() {
        String input = "{'foo':123,'bar':['a','b','c'],'car':{'cdr':true}}";

        assertThat(run(pass("'InputPath':'$.foo'"), input).output()).isEqualTo(json("123"));
        assertThat(run(pass("'InputPath':'$.bar'"), input).output()).isEqualTo(json("['a','b','c']"));
        assertThat(run(pass("'InputPath':'$.car.cdr'"), input).output()).isEqualTo(json("true"));
    }

    /** amazon-states-language-paths.html: Parameters with paths and array slices ({@code $.vals[-3:]}). */
    @Test
    void parameters_indexAndNegativeSlice_selectFirstAndLastThree() {
        DocRun r = run(pass("'Parameters':{'flagged':true,'parts':{'first.$':'$.vals[0]','last3.$':'$.vals[-3:]'}}"),
                "{'flagged':7,'vals':[0,10,20,30,40,50]}");

        assertThat(r.output()).isEqualTo(json("{'flagged':true,'parts':{'first':0,'last3':[30,40,50]}}"));
    }

    /** amazon-states-language-paths.html: a path to a field that is not there is a runtime error. */
    @Test
    void inputPath_missingField_failsWithStatesRuntime() {
        DocRun r = run(pass("'InputPath':'$.nope'"), "{'foo':1}");

        assertThat(r.failure().error()).isEqualTo("States.Runtime");
    }

    /** input-output-inputpath-params.html: {@code $$} paths read the context object in Parameters. */
    @Test
    void parameters_contextObjectPath_readsTheExecutionName() {
        DocRun r = run(pass("'Parameters':{'name.$':'$$.Execution.Name','state.$':'$$.State.Name'}"), "{}");

        assertJson(r.output(), "{'name':'exec','state':'P'}");
    }
}
