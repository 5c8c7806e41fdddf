package io.flowstate.integrations.http;

import static io.flowstate.integrations.http.HttpTasks.assertFailure;
import static io.flowstate.integrations.http.HttpTasks.json;
import static io.flowstate.integrations.http.HttpTasks.success;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.integrations.sdk.SdkClients;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;

/** The HTTP Task without a connection, against a real HTTP server on 127.0.0.1. */
class HttpInvokeTest {
    private static RecordingServer server;
    private static SdkClients clients;
    private static HttpInvoke http;

    @BeforeAll
    static void start() {
        server = new RecordingServer();
        clients = new SdkClients(Map.of(), Map.of(), Region.US_EAST_1);
        http = new HttpInvoke(clients, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterAll
    static void stop() {
        server.close();
        clients.close();
    }

    @BeforeEach
    void reset() {
        server.clear();
    }

    private static ObjectNode params(String method, String path) {
        return HttpTasks.params(server, method, path);
    }

    @Test
    void invoke_getWithJsonAnswer_returnsAwsResultShape() {
        server.answer("/v1/customers", 200, "application/json", "{\"data\":[1,2]}");

        JsonNode out = success(http.invoke(params("GET", "/v1/customers")));

        JsonNode result = out;
        assertThat(result.fieldNames()).toIterable().containsExactly("Headers", "ResponseBody", "StatusCode",
                "StatusText");
        assertThat(result.get("ResponseBody")).isEqualTo(json("{\"data\":[1,2]}"));
        assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
        assertThat(result.get("StatusText").textValue()).isEqualTo("OK");
        assertThat(result.get("Headers").get("content-type")).isEqualTo(json("[\"application/json\"]"));
        assertThat(result.get("Headers").get("x-test")).isEqualTo(json("[\"one\",\"two\"]"));
    }

    @Test
    void invoke_anyRequest_carriesStepFunctionsHeadersAndNoBody() {
        success(http.invoke(params("GET", "/h")));

        RecordingServer.Request r = server.only("/h");
        assertThat(r.header("User-Agent")).isEqualTo("Amazon|StepFunctions|HttpInvoke|us-east-1");
        assertThat(r.header("Range")).isEqualTo("bytes=0-262144");
        assertThat(r.header("Content-Type")).isNull();
        assertThat(r.header("Upgrade")).isNull();
        assertThat(r.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"})
    void invoke_eachAwsMethod_sendsThatMethod(String method) {
        JsonNode out = success(http.invoke(params(method, "/m")));

        assertThat(server.only("/m").method()).isEqualTo(method);
        assertThat(out.get("StatusCode").intValue()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"get", "CONNECT", "TRACE"})
    void invoke_methodAwsDoesNotList_failsWithStatesRuntime(String method) {
        assertFailure(http.invoke(params(method, "/m")), "States.Runtime", "Method '" + method + "'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void invoke_headersAndQueryParameters_areSentUrlEncoded() {
        ObjectNode p = params("GET", "/q?fixed=1");
        p.putObject("Headers").put("X-Custom", "v1").put("content-type", "text/plain");
        ObjectNode q = p.putObject("QueryParameters");
        q.put("currency", "usd");
        q.put("search", "a b&c");
        q.putArray("tag").add("x").add("y");

        success(http.invoke(p));

        RecordingServer.Request r = server.only("/q");
        assertThat(r.rawQuery()).isEqualTo("fixed=1&currency=usd&search=a%20b%26c&tag=x&tag=y");
        assertThat(r.header("X-Custom")).isEqualTo("v1");
        assertThat(r.header("Content-Type")).isEqualTo("text/plain");
    }

    @Test
    void invoke_queryParametersAsString_areAppended() {
        ObjectNode p = params("GET", "/q");
        p.put("QueryParameters", "a=1&b=two%20words&a=3");

        success(http.invoke(p));

        assertThat(server.only("/q").rawQuery()).isEqualTo("a=1&a=3&b=two%20words");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Authorization", "Host", "Cache-Control", "If-None-Match", "x-amz-date", "X-Amzn-Trace-Id",
            "X-Forwarded-For", "Transfer-Encoding"})
    void invoke_headerAwsForbids_failsWithStatesRuntime(String header) {
        ObjectNode p = params("GET", "/f");
        p.putObject("Headers").put(header, "x");

        assertFailure(http.invoke(p), "States.Runtime", "'" + header + "'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void invoke_jsonRequestBody_isSentAsJsonWithDefaultContentType() {
        ObjectNode p = params("POST", "/b");
        p.putObject("RequestBody").put("Job", "Engineer").putObject("Card").put("Number", "123");

        success(http.invoke(p));

        RecordingServer.Request r = server.only("/b");
        assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(json(r.body())).isEqualTo(json("{\"Job\":\"Engineer\",\"Card\":{\"Number\":\"123\"}}"));
    }

    @Test
    void invoke_stringRequestBody_isSentAsItIs() {
        ObjectNode p = params("PUT", "/s");
        p.put("RequestBody", "plain text, not JSON");

        success(http.invoke(p));

        assertThat(server.only("/s").body()).isEqualTo("plain text, not JSON");
    }

    /** AWS's documented Stripe example: the body below is the exact request AWS shows. */
    @Test
    void invoke_urlEncodedBody_isEncodedAsAwsDocuments() {
        ObjectNode p = params("POST", "/v1/invoices");
        p.putObject("Headers").put("Content-Type", "application/x-www-form-urlencoded");
        ObjectNode body = p.putObject("RequestBody");
        body.put("description", "Monthly subscription");
        body.putObject("metadata").put("order_details", "monthly report data");
        body.put("customer", "1234567890");
        p.putObject("Transform").put("RequestBodyEncoding", "URL_ENCODED")
                .putObject("RequestEncodingOptions").put("ArrayFormat", "INDICES");

        success(http.invoke(p));

        RecordingServer.Request r = server.only("/v1/invoices");
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.body()).isEqualTo("description=Monthly%20subscription"
                + "&metadata%5Border_details%5D=monthly%20report%20data&customer=1234567890");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "INDICES  | array%5B0%5D=a&array%5B1%5D=b&array%5B2%5D=c&array%5B3%5D=d",
        "REPEAT   | array=a&array=b&array=c&array=d",
        "COMMAS   | array=a,b,c,d",
        "BRACKETS | array%5B%5D=a&array%5B%5D=b&array%5B%5D=c&array%5B%5D=d"})
    void invoke_urlEncodedArray_followsArrayFormat(String format, String expected) {
        ObjectNode p = params("POST", "/a");
        p.putObject("RequestBody").putArray("array").add("a").add("b").add("c").add("d");
        p.putObject("Transform").put("RequestBodyEncoding", "URL_ENCODED")
                .putObject("RequestEncodingOptions").put("ArrayFormat", format);

        success(http.invoke(p));

        assertThat(server.only("/a").body()).isEqualTo(expected);
    }

    @Test
    void invoke_urlEncodedWithoutArrayFormat_usesIndices() {
        ObjectNode p = params("POST", "/a");
        p.putObject("RequestBody").putArray("n").add(1).add(true).addNull();
        p.putObject("Transform").put("RequestBodyEncoding", "URL_ENCODED");

        success(http.invoke(p));

        assertThat(server.only("/a").body()).isEqualTo("n%5B0%5D=1&n%5B1%5D=true&n%5B2%5D=");
    }

    @Test
    void invoke_unknownRequestBodyEncoding_failsWithStatesRuntime() {
        ObjectNode p = params("POST", "/a");
        p.putObject("Transform").put("RequestBodyEncoding", "BASE64");

        assertFailure(http.invoke(p), "States.Runtime", "RequestBodyEncoding 'BASE64'");
    }
}
