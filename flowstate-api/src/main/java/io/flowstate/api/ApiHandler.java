package io.flowstate.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.AuthFailure;
import io.flowstate.api.auth.SignedRequest;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /} as a plain Jetty handler: the body in, {@link AwsJsonProtocol}'s reply out with a
 * {@code Content-Length}, nothing else per request (no routing table, no servlet layer, no per-request context
 * object). Anything but {@code POST /} is a 404 in the protocol's error shape. It is a blocking handler, so
 * Jetty runs it on a virtual thread: long polls and synchronous executions may wait.
 */
final class ApiHandler extends Handler.Abstract {
    private static final HttpField CONTENT_TYPE = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, AwsJsonProtocol.CONTENT_TYPE);
    private static final AwsJsonProtocol.Reply TOO_LARGE = reply(413, "{\"__type\":\"SerializationException\","
            + "\"message\":\"Request body is larger than the server accepts (16 MiB)\"}");
    private static final AwsJsonProtocol.Reply NOT_FOUND = reply(404, "{\"__type\":\"UnknownOperationException\","
            + "\"message\":\"The Step Functions API answers POST / only\"}");

    private final AwsJsonProtocol protocol;
    private final long maxBody;
    private final AccessControl access;

    ApiHandler(AwsJsonProtocol protocol, long maxBody, AccessControl access) {
        super(InvocationType.BLOCKING);
        this.protocol = requireNonNull(protocol, "protocol is null");
        this.maxBody = maxBody;
        this.access = requireNonNull(access, "access is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String requestId = RequestIds.next();
        AwsJsonProtocol.Reply reply;
        if (!HttpMethod.POST.is(request.getMethod()) || !"/".equals(Request.getPathInContext(request))) {
            reply = NOT_FOUND;
        } else {
            byte[] body = RequestBody.read(request, maxBody);
            Optional<String> target = Optional.ofNullable(request.getHeaders().get("X-Amz-Target"));
            Optional<AuthFailure> refused = body == null || access.open() ? Optional.empty()
                    : access.check(signed(request, body), target.map(t -> t.substring(t.indexOf('.') + 1)).orElse(""));
            reply = body == null ? TOO_LARGE
                    : refused.isPresent() ? refusal(refused.get())
                    : protocol.handle(target, body, requestId);
        }
        byte[] out = reply.body();
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(CONTENT_TYPE);
        headers.put("x-amzn-RequestId", requestId);
        headers.put(HttpHeader.CONTENT_LENGTH, out.length);
        response.write(true, ByteBuffer.wrap(out), callback);
        return true;
    }

    private static SignedRequest signed(Request request, byte[] body) {
        java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.computeIfAbsent(f.getName(), k -> new java.util.ArrayList<>()).add(f.getValue());
        }
        return new SignedRequest(request.getMethod(), request.getHttpURI().getPath(),
                Optional.ofNullable(request.getHttpURI().getQuery()), headers, body);
    }

    private static AwsJsonProtocol.Reply refusal(AuthFailure f) {
        com.fasterxml.jackson.databind.node.ObjectNode error = io.flowstate.asl.json.Json.object();
        error.put("__type", f.code());
        error.put("message", f.message());
        return new AwsJsonProtocol.Reply(f.status(), io.flowstate.asl.json.Json.write(error).getBytes(StandardCharsets.UTF_8));
    }

    private static AwsJsonProtocol.Reply reply(int status, String json) {
        return new AwsJsonProtocol.Reply(status, json.getBytes(StandardCharsets.UTF_8));
    }
}
