package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flowstate server} serves the web console on its API port; {@code --no-console} turns it off, and with
 * {@code --auth sigv4} it asks for an access key first.
 */
class ServerConsoleTest {
    @TempDir
    Path data;

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void server_byDefault_servesConsoleAndItsAssets() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString()))) {
            HttpResponse<String> page = get(server.port(), "/console/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<h1>State machines</h1>");
            assertThat(get(server.port(), "/console/assets/htmx.min.js").statusCode()).isEqualTo(200);
            assertThat(server.output()).anyMatch(line -> line.contains("console at /console/"));
        }
    }

    @Test
    void noConsole_getConsole_isNotServed() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString(), "--no-console"))) {
            assertThat(get(server.port(), "/console/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void authSigv4_getConsole_redirectsToLogin() throws Exception {
        Path credentials = Files.writeString(data.resolve("credentials"),
                "[default]\naws_access_key_id = AKIDCONSOLE\naws_secret_access_key = secret\n");
        try (ServerProcess server = ServerProcess.start(List.of("--port", "0", "--data", data.toString(),
                "--auth", "sigv4", "--credentials", credentials.toString()))) {
            HttpResponse<String> page = get(server.port(), "/console/");
            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).contains("/console/login?next=%2Fconsole%2F");
            HttpResponse<String> login = get(server.port(), "/console/login");
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("id=\"login-form\"");
            assertThat(login.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure"));
            assertThat(server.output()).anyMatch(line -> line.contains("console at /console/ (login)"));
        }
    }
}
