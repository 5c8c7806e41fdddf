package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda's REST-JSON protocol as a plain Jetty handler: the route from method and path, the body read up to the
 * operation's limit, the operation's {@link Reply} written with {@code x-amzn-RequestId}. A client's mistake is a
 * {@link LambdaException} and answers Lambda's error shape; anything else is a 500 ServiceException, logged.
 * Blocking: Jetty runs it on a virtual thread, so a long invocation costs no pool thread.
 */
final class LambdaHttpHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaHttpHandler.class);
    /** CreateFunction's request limit, from Lambda's "Request must be smaller than 69905067 bytes". */
    private static final long MAX_CREATE = 69_905_067L;
    /**
     * Lambda answers with {@code Connection: keep-alive}, and Step Functions shows Invoke's headers to the state
     * machine. Jetty drops that value from HTTP/1.1 answers (it is the default there), so it goes as a field Jetty
     * does not recognise as its own Connection header.
     */
    private static final HttpField KEEP_ALIVE = new HttpField((HttpHeader) null, "Connection", "keep-alive");

    private final FunctionApi functions;
    private final InvokeApi invoke;

    LambdaHttpHandler(FunctionApi functions, InvokeApi invoke) {
        super(InvocationType.BLOCKING);
        this.functions = requireNonNull(functions, "functions is null");
        this.invoke = requireNonNull(invoke, "invoke is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Reply reply;
        try {
            reply = route(request, requestId);
        } catch (LambdaException e) {
            reply = Reply.error(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply = Reply.error(LambdaError.SERVICE.exception("The server is stopping"));
        } catch (RuntimeException e) {
            LOG.error("request {} failed", requestId, e);
            reply = Reply.error(LambdaError.SERVICE.exception("Internal error, request id " + requestId));
        }
        response.setStatus(reply.status());
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("x-amzn-RequestId", requestId);
        headers.put(KEEP_ALIVE);
        reply.headers().forEach(headers::put);
        headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private Reply route(Request request, String requestId) throws IOException, InterruptedException {
        Route route = Route.of(request.getMethod(), request.getHttpURI().getDecodedPath());
        Fields query = Request.extractQueryParameters(request);
        Optional<String> qualifier = Optional.ofNullable(query.getValue("Qualifier"));
        return switch (route) {
            case Route.CreateFunction c -> functions.create(body(request, MAX_CREATE, size ->
                    LambdaError.REQUEST_ENTITY_TOO_LARGE.exception("Request must be smaller than " + MAX_CREATE
                            + " bytes for the CreateFunction operation")));
            case Route.ListFunctions l -> functions.list(Optional.ofNullable(query.getValue("Marker")),
                    Optional.ofNullable(query.getValue("MaxItems")));
            case Route.GetFunction g -> functions.get(g.function(), qualifier);
            case Route.GetFunctionConfiguration g -> functions.configuration(g.function(), qualifier);
            case Route.DeleteFunction d -> functions.delete(d.function(), qualifier);
            case Route.DownloadCode d -> functions.code(d.function());
            case Route.Invoke i -> {
                InvokeApi.Call call = invoke.call(i.function(), qualifier, header(request, "X-Amz-Invocation-Type"),
                        header(request, "X-Amz-Log-Type"), header(request, "X-Amz-Client-Context"));
                byte[] body = body(request, call.maxPayload(), size -> InvokeApi.tooLarge(call, size));
                yield invoke.invoke(call, body, requestId);
            }
            case Route.Unknown u -> throw LambdaError.UNKNOWN_OPERATION.exception("No Lambda API operation at "
                    + u.method() + " " + u.path());
        };
    }

    private static byte[] body(Request request, long max, LongFunction<LambdaException> tooLarge)
            throws IOException {
        Bodies.Body body = Bodies.read(request, max);
        if (body.bytes() == null) {
            throw tooLarge.apply(body.size());
        }
        return body.bytes();
    }

    private static Optional<String> header(Request request, String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }
}
