package io.flowstate.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CreateFunctionResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.State;

/** The control plane and Lambda's error answers, through the real SDK. */
class FunctionApiTest extends LambdaTestBase {
    private static final Map<String, String> CODE = Map.of("handler.py", "def handler(event, context):\n    return event\n");

    @Override
    LambdaServer.Builder configure(LambdaServer.Builder builder) {
        return builder.function("java-echo", event -> event);
    }

    @Test
    void createFunction_zip_answersPendingConfigurationThenActive() throws Exception {
        String name = unique("create");
        byte[] zip = zip(CODE);

        CreateFunctionResponse created = lambda.createFunction(b -> b.functionName(name).runtime(Runtime.PYTHON3_12)
                .role(ROLE).handler("handler.handler").memorySize(256).code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        GetFunctionResponse got = lambda.getFunction(b -> b.functionName(name));

        assertThat(created.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:" + name);
        assertThat(created.state()).isEqualTo(State.PENDING);
        assertThat(created.timeout()).isEqualTo(3);
        assertThat(created.memorySize()).isEqualTo(256);
        assertThat(created.codeSize()).isEqualTo(zip.length);
        assertThat(created.codeSha256()).isEqualTo(CodeArchive.sha256(zip));
        assertThat(got.configuration().state()).isEqualTo(State.ACTIVE);
        assertThat(lambda.getFunctionConfiguration(b -> b.functionName(created.functionArn())).handler())
                .isEqualTo("handler.handler");
        HttpResponse<byte[]> code = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(got.code().location())).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(code.body()).isEqualTo(zip);
    }

    @Test
    void listFunctions_pages_everyFunctionOnce() {
        String a = unique("list");
        python(a, CODE.get("handler.py"), 3);
        python(unique("list"), CODE.get("handler.py"), 3);

        assertThat(lambda.listFunctionsPaginator(b -> b.maxItems(1)).functions()).extracting(FunctionConfiguration::functionName)
                .doesNotHaveDuplicates().contains(a, "java-echo");
    }

    @Test
    void createFunction_sameNameTwice_resourceConflict() {
        String name = unique("twice");
        python(name, CODE.get("handler.py"), 3);

        assertThatThrownBy(() -> python(name, CODE.get("handler.py"), 3))
                .isInstanceOfSatisfying(ResourceConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Function already exist: " + name);
                });
    }

    @Test
    void invoke_unknownFunction_resourceNotFoundWithQualifiedArn() {
        assertThatThrownBy(() -> invoke("nope", "{}"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope:$LATEST");
                });
        assertThatThrownBy(() -> lambda.getFunction(b -> b.functionName("nope")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope (");
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("java-echo").qualifier("1")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Function not found: arn:aws:lambda:us-east-1:123456789012:function:java-echo:1");
    }

    @Test
    void deleteFunction_thenInvokeAndDelete_resourceNotFound() {
        String arn = python(unique("delete"), CODE.get("handler.py"), 3);
        invoke(arn, "{}");

        lambda.deleteFunction(b -> b.functionName(arn));

        assertThatThrownBy(() -> invoke(arn, "{}")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> lambda.deleteFunction(b -> b.functionName(arn))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void invoke_payloadNotJson_invalidRequestContent() {
        assertThatThrownBy(() -> invoke("java-echo", "{not json"))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequestContentException");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith(
                            "Could not parse request body into json: Could not parse payload into json: ");
                });
    }

    @Test
    void invoke_payloadOver6Mb_requestEntityTooLarge() {
        String big = "\"" + "a".repeat(InvokeApi.MAX_SYNC_PAYLOAD) + "\"";

        assertThatThrownBy(() -> invoke("java-echo", big))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(413);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLargeException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo((InvokeApi.MAX_SYNC_PAYLOAD + 2)
                            + " byte payload is too large for the RequestResponse invocation type (limit 6291456 bytes)");
                });
    }

    @Test
    void createFunction_badRequests_answerLambdasErrors() {
        assertThatThrownBy(() -> create(unique("rt"), "python9.9", "h.h", CODE, 3))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Value python9.9 at 'runtime' failed to satisfy constraint");
        assertThatThrownBy(() -> python(unique("slow"), CODE.get("handler.py"), 901))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("1 validation error detected: Value '901' at 'timeout' failed to satisfy "
                                + "constraint: Member must have value less than or equal to 900"));
        assertThatThrownBy(() -> lambda.createFunction(b -> b.functionName(unique("zip")).runtime(Runtime.PYTHON3_12)
                .role(ROLE).handler("h.h").code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip")))))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("Could not unzip uploaded file. Please check your file, then try to upload again.");
        assertThatThrownBy(() -> python("bad name", CODE.get("handler.py"), 3))
                .isInstanceOfSatisfying(LambdaException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
    }
}
