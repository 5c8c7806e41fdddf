package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.api.auth.AccessKeys;
import io.flowstate.api.auth.SigV4Authenticator;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code --auth sigv4}: requests signed by the AWS SDK with a key of the credentials file are served; unsigned,
 * unknown-key, wrong-secret, tampered and stale requests are refused with AWS's error codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigV4ApiTest {
    private static final String TARGET = "AWSStepFunctions.ListStateMachines";
    private StepFunctions service;
    private ApiServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("credentials");
        Files.writeString(file, """
                [alice]
                aws_access_key_id = AKIDALICE
                aws_secret_access_key = alice-secret
                account_id = 123456789012
                """);
        service = new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1), new InMemoryExecutionStore(),
                new InMemoryRegistryStore());
        server = ApiServer.start(service, "127.0.0.1", 0, new SigV4Authenticator(AccessKeys.read(file),
                InstantSource.system()));
    }

    @AfterAll
    void stop() {
        server.close();
        service.close();
    }

    private SfnClient client(String id, String secret) {
        return SignedClients.client(server.port(), id, secret);
    }

    private static String code(Throwable t) {
        return SignedClients.code(t);
    }

    /** A ListStateMachines request signed by the SDK's signer at {@code at}; {@code body} sent may differ. */
    private HttpResponse<String> send(Instant at, String signedBody, String sentBody, String sentTarget) throws Exception {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).protocol("http")
                .host("127.0.0.1").port(server.port()).encodedPath("/")
                .putHeader("Content-Type", "application/x-amz-json-1.0").putHeader("X-Amz-Target", TARGET).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create("AKIDALICE", "alice-secret")).request(request)
                .payload(ContentStreamProvider.fromUtf8String(signedBody))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "states")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString(sentBody, StandardCharsets.UTF_8));
        signed.request().forEachHeader((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("X-Amz-Target")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.header("X-Amz-Target", sentTarget);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void listStateMachines_signedByKnownKey_isServed() {
        try (SfnClient sfn = client("AKIDALICE", "alice-secret")) {
            assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
        }
    }

    @Test
    void listStateMachines_unknownKey_unrecognizedClient() {
        try (SfnClient sfn = client("AKIDMALLORY", "alice-secret")) {
            assertThatThrownBy(sfn::listStateMachines).satisfies(t -> assertThat(code(t)).isEqualTo("UnrecognizedClientException"))
                    .hasMessageContaining("The security token included in the request is invalid.");
        }
    }

    @Test
    void listStateMachines_wrongSecret_invalidSignature() {
        try (SfnClient sfn = client("AKIDALICE", "not-the-secret")) {
            assertThatThrownBy(sfn::listStateMachines).satisfies(t -> assertThat(code(t)).isEqualTo("InvalidSignatureException"))
                    .hasMessageContaining("The request signature we calculated does not match");
        }
    }

    @Test
    void post_unsigned_missingAuthenticationToken() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/"))
                .header("X-Amz-Target", TARGET).header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
    }

    @Test
    void post_signedAsSent_isServed() throws Exception {
        HttpResponse<String> r = send(Instant.now(), "{}", "{}", TARGET);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("stateMachines");
    }

    @Test
    void post_bodyTamperedAfterSigning_invalidSignature() throws Exception {
        HttpResponse<String> r = send(Instant.now(), "{}", "{\"maxResults\":1}", TARGET);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidSignatureException");
    }

    @Test
    void post_signedHeaderTampered_invalidSignature() throws Exception {
        HttpResponse<String> r = send(Instant.now(), "{}", "{}", "AWSStepFunctions.ListActivities");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidSignatureException");
    }

    @Test
    void post_signedSixMinutesAgo_signatureExpired() throws Exception {
        HttpResponse<String> r = send(Instant.now().minus(Duration.ofMinutes(6)), "{}", "{}", TARGET);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("InvalidSignatureException").contains("Signature expired: ");
    }
}
