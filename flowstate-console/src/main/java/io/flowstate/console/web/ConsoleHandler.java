package io.flowstate.console.web;

import io.flowstate.api.ApiException;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.graph.DiagramCache;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console as a Jetty handler for {@code /console/*}: it declines every other path (returns {@code false}), so
 * it sits in front of the API's handler on the same port. API errors become a page with the AWS code and message;
 * anything else is a 500 logged here. Blocking, so Jetty runs it on a virtual thread like the API.
 */
public final class ConsoleHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
    private static final String PREFIX = "/console";

    private final Routes routes;

    /** The console over {@code service}, timing running executions with {@code clock}. */
    public ConsoleHandler(StepFunctions service, InstantSource clock) {
        super(InvocationType.BLOCKING);
        this.routes = new Routes(new ConsoleService(service), new DiagramCache(64), clock);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return false;
        }
        Reply reply;
        try {
            reply = route(request, path.substring(PREFIX.length()));
        } catch (ApiException e) {
            reply = Reply.html(e.code().endsWith("DoesNotExist") ? 404 : e.httpStatus(), Page.error(e.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            reply = Reply.html(400, Page.error("Bad request", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("console page {} failed", path, e);
            reply = Reply.html(500, Page.error("Server error", "The page failed; the server's log has the details."));
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    private Reply route(Request request, String path) throws Exception {
        boolean post = HttpMethod.POST.is(request.getMethod());
        if (!post && !HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return Reply.html(405, Page.error("Method not allowed", request.getMethod() + " " + PREFIX + path));
        }
        if (post && !sameOrigin(request)) {
            // A form on another site must not stop or start executions here through the user's browser.
            return Reply.html(403, Page.error("Forbidden", "Actions are accepted from the console's own pages only."));
        }
        Fields params = post ? Request.getParameters(request) : Request.extractQueryParameters(request);
        Map<String, String> p = new java.util.HashMap<>();
        params.forEach(f -> p.put(f.getName(), f.getValue()));
        return routes.route(path, post, p);
    }

    /**
     * Whether a POST comes from a page of this server, by the headers browsers set: Sec-Fetch-Site where the
     * browser sends it, else an Origin that names this host. A request with neither is not from a browser's
     * cross-site form (curl, scripts), which this check is not about.
     */
    private static boolean sameOrigin(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        String host = request.getHeaders().get(HttpHeader.HOST);
        return origin == null || host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
