package io.flowstate.integrations.http;

import static io.flowstate.integrations.http.HttpTasks.assertFailure;
import static io.flowstate.integrations.http.HttpTasks.json;
import static io.flowstate.integrations.http.HttpTasks.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.integrations.MotoServer;
import io.flowstate.integrations.sdk.SdkClients;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionBodyParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionHeaderParameter;
import software.amazon.awssdk.services.eventbridge.model.ConnectionQueryStringParameter;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionRequest;

/**
 * The HTTP Task authorized by EventBridge connections: connections are created with the AWS SDK in a real moto
 * server (a child process), and the task resolves them through moto's EventBridge and Secrets Manager APIs; the
 * API called is a real HTTP server that records what arrives.
 */
class HttpConnectionTest {
    private static final Map<String, String> SAVED_PROPERTIES = new HashMap<>();

    private static MotoServer moto;
    private static RecordingServer server;
    private static SdkClients clients;
    private static EventBridgeClient events;
    private static HttpInvoke http;

    @BeforeAll
    static void start() throws Exception {
        // The SDK's default credential chain must find credentials before it would ask EC2 instance metadata.
        for (String p : new String[] {"aws.accessKeyId", "aws.secretAccessKey", "aws.disableEc2Metadata"}) {
            SAVED_PROPERTIES.put(p, System.getProperty(p));
            System.setProperty(p, p.equals("aws.disableEc2Metadata") ? "true" : "test");
        }
        moto = MotoServer.start();
        server = new RecordingServer();
        clients = new SdkClients(Map.of(), Map.of("eventbridge", moto.endpoint(), "secretsmanager", moto.endpoint()),
                Region.US_EAST_1);
        events = EventBridgeClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        http = new HttpInvoke(clients, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (clients != null) {
            clients.close();
        }
        if (server != null) {
            server.close();
        }
        if (moto != null) {
            moto.close();
        }
        SAVED_PROPERTIES.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    @BeforeEach
    void reset() {
        server.clear();
    }

    private static String connection(String name, ConnectionAuthorizationType type,
            java.util.function.Consumer<CreateConnectionAuthRequestParameters.Builder> auth) {
        return events.createConnection(CreateConnectionRequest.builder().name(name).authorizationType(type)
                .authParameters(a -> auth.accept(a)).build()).connectionArn();
    }

    private static ObjectNode params(String method, String path, String connectionArn) {
        ObjectNode p = HttpTasks.params(server, method, path);
        p.putObject("Authentication").put("ConnectionArn", connectionArn);
        return p;
    }

    private static ConnectionHeaderParameter header(String key, String value) {
        return ConnectionHeaderParameter.builder().key(key).value(value).build();
    }

    private static ConnectionQueryStringParameter query(String key, String value) {
        return ConnectionQueryStringParameter.builder().key(key).value(value).build();
    }

    private static ConnectionBodyParameter body(String key, String value) {
        return ConnectionBodyParameter.builder().key(key).value(value).build();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** AWS's documented merge example: the connection's header, query and body parameters win on a clash. */
    @Test
    void invoke_apiKeyConnection_sendsKeyAndConnectionParametersWin() {
        String arn = connection("api-key", ConnectionAuthorizationType.API_KEY, a -> a
                .apiKeyAuthParameters(k -> k.apiKeyName("ApiKey").apiKeyValue("key_value"))
                .invocationHttpParameters(i -> i
                        .headerParameters(header("Header-Param", "connection_header_param"))
                        .queryStringParameters(query("QueryParam", "connection_query_param"))
                        .bodyParameters(body("BodyParam", "connection_body_param"))));
        ObjectNode p = params("POST", "/path", arn);
        p.putObject("Headers").put("Request-Id", "my_request_id").put("Header-Param", "state_machine_header_param");
        p.putObject("RequestBody").put("Job", "Software Engineer").put("Company", "AnyCompany")
                .put("BodyParam", "state_machine_body_param");
        p.putObject("QueryParameters").put("QueryParam", "state_machine_query_param");

        success(http.invoke(p));

        RecordingServer.Request r = server.only("/path");
        assertThat(r.header("ApiKey")).isEqualTo("key_value");
        assertThat(r.header("Header-Param")).isEqualTo("connection_header_param");
        assertThat(r.header("Request-Id")).isEqualTo("my_request_id");
        assertThat(r.rawQuery()).isEqualTo("QueryParam=connection_query_param");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(r.body()).isEqualTo(
                "{\"Job\":\"Software Engineer\",\"Company\":\"AnyCompany\",\"BodyParam\":\"connection_body_param\"}");
    }

    @Test
    void invoke_basicConnection_sendsBasicAuthorization() {
        String arn = connection("basic", ConnectionAuthorizationType.BASIC,
                a -> a.basicAuthParameters(b -> b.username("myUsername").password("myPassword")));

        success(http.invoke(params("GET", "/basic", arn)));

        assertThat(server.only("/basic").header("Authorization")).isEqualTo(basic("myUsername", "myPassword"));
    }

    @Test
    void invoke_invocationConfigConnectionArn_authorizesLikeAuthentication() {
        String arn = connection("basic-invocation-config", ConnectionAuthorizationType.BASIC,
                a -> a.basicAuthParameters(b -> b.username("u").password("p")));
        ObjectNode p = HttpTasks.params(server, "GET", "/ic");
        p.putObject("InvocationConfig").put("ConnectionArn", arn);

        success(http.invoke(p));

        assertThat(server.only("/ic").header("Authorization")).isEqualTo(basic("u", "p"));
    }

    @Test
    void invoke_oauthConnection_fetchesTokenOnceAndSendsBearer() {
        server.answer("/token", 200, "application/json",
                "{\"access_token\":\"tok-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        String arn = connection("oauth", ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS, a -> a
                .oAuthParameters(o -> o.authorizationEndpoint(server.url("/token")).httpMethod("POST")
                        .clientParameters(c -> c.clientID("my-client").clientSecret("my-secret"))
                        .oAuthHttpParameters(h -> h.bodyParameters(body("scope", "read")))));

        success(http.invoke(params("GET", "/api", arn)));
        success(http.invoke(params("GET", "/api", arn)));

        RecordingServer.Request token = server.only("/token");
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.header("Authorization")).isEqualTo(basic("my-client", "my-secret"));
        assertThat(token.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(token.body()).isEqualTo("grant_type=client_credentials&scope=read");
        assertThat(server.requests("/api")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer tok-1", "Bearer tok-1");
    }

    @Test
    void invoke_oauthTokenRefusedWith401_fetchesAFreshTokenForTheNextAttempt() {
        server.answer("/token2", 200, "application/json", "{\"access_token\":\"old\"}");
        server.answer("/api2", 401, "application/json", "{}");
        String arn = connection("oauth-refresh", ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS, a -> a
                .oAuthParameters(o -> o.authorizationEndpoint(server.url("/token2")).httpMethod("POST")
                        .clientParameters(c -> c.clientID("id").clientSecret("secret"))));

        assertFailure(http.invoke(params("GET", "/api2", arn)), "States.Http.StatusCode.401", "Unauthorized");
        server.answer("/token2", 200, "application/json", "{\"access_token\":\"new\"}");
        server.answer("/api2", 200, "application/json", "{}");
        success(http.invoke(params("GET", "/api2", arn)));

        assertThat(server.requests("/token2")).hasSize(2);
        assertThat(server.requests("/api2")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer old", "Bearer new");
    }

    @Test
    void invoke_oauthTokenNearItsExpiry_isFetchedAgain() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        HttpInvoke timed = new HttpInvoke(clients, now::get);
        server.answer("/token4", 200, "application/json", "{\"access_token\":\"t\",\"expires_in\":600}");
        String arn = connection("oauth-expiry", ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS, a -> a
                .oAuthParameters(o -> o.authorizationEndpoint(server.url("/token4")).httpMethod("POST")
                        .clientParameters(c -> c.clientID("id").clientSecret("secret"))));

        success(timed.invoke(params("GET", "/e1", arn)));
        now.set(now.get().plusSeconds(539));
        success(timed.invoke(params("GET", "/e1", arn)));
        now.set(now.get().plusSeconds(1));
        success(timed.invoke(params("GET", "/e1", arn)));

        // Valid for 600 s, refreshed once fewer than 60 s remain: the third call, at 540 s, fetches again.
        assertThat(server.requests("/token4")).hasSize(2);
    }

    @Test
    void invoke_oauthEndpointFails_failsWithInvalidConnectionState() {
        server.answer("/token3", 400, "application/json", "{\"error\":\"invalid_client\"}");
        String arn = connection("oauth-broken", ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS, a -> a
                .oAuthParameters(o -> o.authorizationEndpoint(server.url("/token3")).httpMethod("POST")
                        .clientParameters(c -> c.clientID("id").clientSecret("wrong"))));

        assertFailure(http.invoke(params("GET", "/never", arn)),
                "Events.ConnectionResource.InvalidConnectionState", "answered 400");
        assertThat(server.requests("/never")).isEmpty();
    }

    @Test
    void invoke_unknownConnection_failsWithResourceNotFound() {
        String arn = "arn:aws:events:us-east-1:123456789012:connection/missing/00000000-0000-0000-0000-000000000000";

        assertFailure(http.invoke(params("GET", "/none", arn)), "Events.ConnectionResource.ResourceNotFound",
                "missing");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void invoke_stringBodyWithConnectionBodyParameters_failsWithStatesRuntime() {
        String arn = connection("body-params", ConnectionAuthorizationType.API_KEY, a -> a
                .apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("v"))
                .invocationHttpParameters(i -> i.bodyParameters(body("k", "v"))));
        ObjectNode p = params("POST", "/str", arn);
        p.put("RequestBody", "a=b");

        assertFailure(http.invoke(p), "States.Runtime", "cannot be merged");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void invoke_connectionBodyParametersWithoutRequestBody_sendThemAsTheBody() {
        String arn = connection("body-only", ConnectionAuthorizationType.API_KEY, a -> a
                .apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("v"))
                .invocationHttpParameters(i -> i.bodyParameters(body("source", "flowstate"))));

        success(http.invoke(params("POST", "/bo", arn)));

        assertThat(json(server.only("/bo").body())).isEqualTo(json("{\"source\":\"flowstate\"}"));
    }
}
