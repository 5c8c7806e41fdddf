package io.flowstate.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** Invoke of Python functions running for real, answered as AWS's Python runtime answers. */
class PythonInvokeTest extends LambdaTestBase {
    private static final String IDENTITY = "def handler(event, context):\n    return event\n";

    @Test
    void invoke_identity_returnsEventAsJsonDumpsDoes() {
        String arn = python(unique("identity"), IDENTITY, 3);

        InvokeResponse r = invoke(arn, "{\"a\":1,\"b\":[true,null,2.50],\"c\":\"\u00e9\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isNull();
        assertThat(r.executedVersion()).isEqualTo("$LATEST");
        assertThat(r.sdkHttpResponse().headers()).containsKeys("Connection", "Content-Type", "Date",
                "X-Amz-Executed-Version", "x-amzn-Remapped-Content-Length", "x-amzn-RequestId", "X-Amzn-Trace-Id");
        // python3.12 answers UTF-8 text (earlier runtimes escape it), with json.dumps's separators.
        assertThat(text(r)).isEqualTo("{\"a\": 1, \"b\": [true, null, 2.5], \"c\": \"\u00e9\"}");
    }

    @Test
    void invoke_returnsString_payloadIsJsonString() {
        String arn = python(unique("constant"), "def handler(event, context):\n    return 'input-event-' + str(event)\n", 3);

        assertThat(text(invoke(arn, "{\"k\":true}"))).isEqualTo("\"input-event-{'k': True}\"");
    }

    @Test
    void invoke_handlerRaises_unhandledWithPythonErrorPayload() {
        String arn = python(unique("raise"), "def handler(event, context):\n    raise ValueError(\"bad input\")\n", 3);

        InvokeResponse r = invoke(arn, "{}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(text(r)).startsWith("{\"errorMessage\": \"bad input\", \"errorType\": \"ValueError\", \"requestId\": ");
        JsonNode error = LambdaJson.parse(text(r));
        assertThat(error.path("requestId").asText()).isEqualTo(r.responseMetadata().requestId());
        assertThat(error.path("stackTrace").get(0).asText()).isEqualTo(
                "  File \"/var/task/handler.py\", line 2, in handler\n    raise ValueError(\"bad input\")\n");
    }

    @Test
    void invoke_pastTimeout_sandboxTimedOutThenFreshProcessAnswers() {
        String arn = python(unique("slow"), "import time\ndef handler(event, context):\n"
                + "    time.sleep(event['sleep'])\n    return event\n", 1);

        InvokeResponse slow = invoke(arn, "{\"sleep\":30}");
        InvokeResponse quick = invoke(arn, "{\"sleep\":0}");

        assertThat(slow.functionError()).isEqualTo("Unhandled");
        assertThat(text(slow)).isEqualTo("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"RequestId: "
                + slow.responseMetadata().requestId() + " Error: Task timed out after 1.00 seconds\"}");
        assertThat(text(quick)).isEqualTo("{\"sleep\": 0}");
    }

    @Test
    void invoke_logTypeTail_logResultHasOutputBetweenStartAndReport() {
        String arn = python(unique("logs"), "def handler(event, context):\n    print('hello from', context.function_name)\n"
                + "    return None\n", 3);

        InvokeResponse r = lambda.invoke(b -> b.functionName(arn).logType(LogType.TAIL).payload(SdkBytes.fromUtf8String("{}")));

        String id = r.responseMetadata().requestId();
        String tail = new String(Base64.getDecoder().decode(r.logResult()), StandardCharsets.UTF_8);
        assertThat(text(r)).isEqualTo("null");
        assertThat(tail).startsWith("START RequestId: " + id + " Version: $LATEST\nhello from " + arn.substring(arn.lastIndexOf(':') + 1) + "\n")
                .contains("END RequestId: " + id + "\nREPORT RequestId: " + id + "\tDuration: ");
        assertThat(log).anyMatch(line -> line.endsWith("hello from " + arn.substring(arn.lastIndexOf(':') + 1)));
    }

    @Test
    void invoke_event_answers202AndRunsInBackground(@TempDir Path dir) throws InterruptedException {
        String arn = python(unique("event"), "def handler(event, context):\n"
                + "    open(event['path'], 'w').write(context.aws_request_id)\n", 3);
        Path marker = dir.resolve("ran");

        InvokeResponse r = lambda.invoke(b -> b.functionName(arn).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"path\":\"" + marker + "\"}")));

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.payload().asByteArray()).isEmpty();
        for (int i = 0; i < 200 && !Files.exists(marker); i++) {
            Thread.sleep(50); // polling the background invocation's effect, bounded to 10 s
        }
        assertThat(marker).exists();
    }

    @Test
    void invoke_dryRun_answers204WithoutRunning() {
        String arn = python(unique("dry"), IDENTITY, 3);

        InvokeResponse r = lambda.invoke(b -> b.functionName(arn).invocationType(InvocationType.DRY_RUN));

        assertThat(r.statusCode()).isEqualTo(204);
    }

    @Test
    void invoke_environmentAndContext_seenByFunction() {
        String name = unique("env");
        lambda.createFunction(b -> b.functionName(name).runtime("python3.12").role(ROLE).handler("app.main")
                .environment(e -> e.variables(Map.of("GREETING", "hi")))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip(Map.of("app.py",
                        "import os\ndef main(event, context):\n    return [os.environ['GREETING'], "
                                + "os.environ['AWS_LAMBDA_FUNCTION_NAME'], context.invoked_function_arn, "
                                + "context.get_remaining_time_in_millis() > 0]\n"))))));

        InvokeResponse r = invoke(name, "{}");

        assertThat(text(r)).isEqualTo("[\"hi\", \"" + name + "\", \"" + server.functionArn(name) + "\", true]");
    }

    @Test
    void invoke_missingModule_importModuleError() {
        String arn = create(unique("import"), Runtime.PYTHON3_12,
                "missing.handler", Map.of("handler.py", IDENTITY), 3);

        InvokeResponse r = invoke(arn, "{}");

        assertThat(r.functionError()).isEqualTo("Unhandled");
        assertThat(text(r)).isEqualTo("{\"errorMessage\": \"Unable to import module 'missing': No module named "
                + "'missing'\", \"errorType\": \"Runtime.ImportModuleError\", \"requestId\": \"\", \"stackTrace\": []}");
    }
}
