package io.flowstate.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A Lambda server on a free loopback port and the real AWS SDK for Java v2 Lambda client pointed at it with
 * dummy credentials and no retries, as a user would; helpers to deploy functions from source text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LambdaTestBase {
    static final String ROLE = "arn:aws:iam::123456789012:role/lambda-test";

    /** Every line the server logged (functions' output, REPORT lines). */
    final List<String> log = new CopyOnWriteArrayList<>();
    LambdaServer server;
    LambdaClient lambda;

    @BeforeAll
    void startServer() {
        server = configure(LambdaServer.builder().log(log::add)).start();
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create(server.url()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "x")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    @AfterAll
    void stopServer() {
        lambda.close();
        server.close();
    }

    /** Extra server settings for a test class. */
    LambdaServer.Builder configure(LambdaServer.Builder builder) {
        return builder;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a Python 3.12 function from {@code handler.py} source; returns its ARN. */
    String python(String name, String source, int timeoutSeconds) {
        return create(name, Runtime.PYTHON3_12, "handler.handler", Map.of("handler.py", source), timeoutSeconds);
    }

    String create(String name, Runtime runtime, String handler, Map<String, String> files, int timeoutSeconds) {
        return create(name, runtime.toString(), handler, files, timeoutSeconds);
    }

    String create(String name, String runtime, String handler, Map<String, String> files, int timeoutSeconds) {
        return lambda.createFunction(b -> b.functionName(name).runtime(runtime).role(ROLE).handler(handler)
                .timeout(timeoutSeconds).code(c -> c.zipFile(SdkBytes.fromByteArray(zip(files))))).functionArn();
    }

    InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(b -> b.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    static String text(InvokeResponse response) {
        return response.payload().asUtf8String();
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
