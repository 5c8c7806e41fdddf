package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.engine.runtime.InMemoryExecutionStore;
import io.flowstate.engine.runtime.InMemoryRegistryStore;
import io.flowstate.engine.runtime.SystemTimers;
import io.flowstate.engine.task.TaskHandlers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** HTTPS from PEM files ({@code --tls-cert}, {@code --tls-key}) and the JSON request log ({@code --request-log}). */
class TlsApiTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = TlsApiTest.class.getResourceAsStream("/tls/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static StepFunctions service() {
        return new StepFunctions(new ApiContext("us-east-1", "123456789012", InstantSource.system()),
                TaskHandlers.unbound(), new SystemTimers(), Duration.ofSeconds(1), new InMemoryExecutionStore(),
                new InMemoryRegistryStore());
    }

    @Test
    void listStateMachines_overHttpsTrustingTheCertificate_servedAndLogged() throws Exception {
        Path cert = resource("cert.pem");
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        try (StepFunctions service = service();
                ApiServer server = ApiServer.start(service, "127.0.0.1", 0, List.of(), AccessControl.OPEN,
                        Optional.of(new Tls(cert, resource("key.pem"))),
                        RequestLog.to(new PrintStream(logged, true, StandardCharsets.UTF_8)))) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            try (InputStream in = Files.newInputStream(cert)) {
                trusted.setCertificateEntry("flowstate", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            try (SfnClient sfn = SfnClient.builder().endpointOverride(URI.create("https://127.0.0.1:" + server.port()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .httpClient(UrlConnectionHttpClient.builder().tlsTrustManagersProvider(tmf::getTrustManagers).build())
                    .build()) {

                assertThat(sfn.listStateMachines().stateMachines()).isEmpty();
            }
            String line = logged.toString(StandardCharsets.UTF_8).strip();
            assertThat(line).contains("\"operation\":\"ListStateMachines\"").contains("\"status\":200")
                    .contains("\"requestId\":\"").contains("\"latencyMs\":");
        }
    }

    @Test
    void start_pkcs1Key_refusedSayingHowToConvert() throws Exception {
        Path cert = resource("cert.pem");
        Path pkcs1 = dir.resolve("rsa.pem");
        Files.writeString(pkcs1, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        try (StepFunctions service = service()) {
            assertThatThrownBy(() -> ApiServer.start(service, "127.0.0.1", 0, List.of(), AccessControl.OPEN,
                    Optional.of(new Tls(cert, pkcs1)), RequestLog.NONE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
        }
    }
}
