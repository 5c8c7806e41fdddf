package io.flowstate.console.web;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.ApiException;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.console.ConsoleService;
import io.flowstate.console.graph.DiagramCache;
import io.flowstate.console.graph.ElkLayout;
import io.flowstate.console.login.ConsoleLogin;
import io.flowstate.console.login.Session;
import java.nio.ByteBuffer;
import java.time.InstantSource;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
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
 * anything else is a 500 logged here. Blocking, so Jetty runs it on a virtual thread like the API. With sign-in
 * ({@link ConsoleLogin}) the {@link SignIn} gate stands before the pages, and each page's service calls are
 * checked against the signed-in key's policies; a refusal is a 403 page with AWS's AccessDeniedException message.
 */
public final class ConsoleHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleHandler.class);
    private static final String PREFIX = "/console";

    private final StepFunctions service;
    private final DiagramCache diagrams = new DiagramCache(64);
    private final InstantSource clock;
    private final Optional<ConsoleLogin> login;
    private final Routes open;

    /** The console over {@code service} without sign-in ({@code --auth none}), timing executions with {@code clock}. */
    public ConsoleHandler(StepFunctions service, InstantSource clock) {
        this(service, clock, Optional.empty());
    }

    /**
     * The console over {@code service}; with {@code login}, every page but the sign-in form needs a session, and
     * each call to the service is checked against the signed-in key's policies.
     */
    public ConsoleHandler(StepFunctions service, InstantSource clock, Optional<ConsoleLogin> login) {
        super(InvocationType.BLOCKING);
        this.service = requireNonNull(service, "service is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.login = requireNonNull(login, "login is null");
        this.open = new Routes(new ConsoleService(service), diagrams, clock);
        // ELK's first layout loads its classes; do it now, off the request path, rather than on the first graph.
        Thread.ofPlatform().daemon().name("console-layout-warm-up").priority(Thread.MIN_PRIORITY).start(() -> {
            try {
                ElkLayout.warmUp();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("console: laying out a graph failed at start; the first graph page will show why", e);
            }
        });
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        if (path == null || !path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            return false;
        }
        String sub = path.substring(PREFIX.length());
        boolean post = post(request);
        Reply reply;
        Optional<Session> session = Optional.empty();
        try {
            Optional<Reply> refused = refused(request, sub, post);
            if (refused.isPresent()) {
                reply = refused.get();
            } else if (login.isEmpty() || sub.startsWith("/assets/")) { // the sign-in form needs its stylesheet
                reply = open.route(sub, post, params(request));
            } else {
                Map<String, String> p = params(request);
                switch (gate(request, sub, post, p)) {
                    case SignIn.Admission.Answered a -> reply = a.reply();
                    case SignIn.Admission.Admitted a -> {
                        session = Optional.of(a.session());
                        reply = routesFor(a.session()).route(sub, post, p);
                    }
                }
            }
        } catch (ApiException e) {
            int status = e.code().endsWith("DoesNotExist") ? 404 : e instanceof ApiException.AccessDeniedException
                    ? 403 : e.httpStatus();
            reply = Reply.html(status, Page.error(e.code(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            reply = Reply.html(400, Page.error("Bad request", e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("console page {} failed", path, e);
            reply = Reply.html(500, Page.error("Server error", "The page failed; the server's log has the details."));
        }
        if (reply.contentType().startsWith("text/html")) {
            reply = reply.withBody(SessionMarkup.apply(new String(reply.body(), StandardCharsets.UTF_8), session));
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        reply.headers().forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
        return true;
    }

    /** A refusal of a method the console does not serve, or of a POST another site's page made. */
    private static Optional<Reply> refused(Request request, String path, boolean post) {
        if (!post && !HttpMethod.GET.is(request.getMethod()) && !HttpMethod.HEAD.is(request.getMethod())) {
            return Optional.of(Reply.html(405, Page.error("Method not allowed", request.getMethod() + " " + PREFIX + path)));
        }
        if (post && !sameOrigin(request)) {
            // A form on another site must not stop or start executions here through the user's browser.
            return Optional.of(Reply.html(403, Page.error("Forbidden", "Actions are accepted from the console's own pages only.")));
        }
        return Optional.empty();
    }

    private SignIn.Admission gate(Request request, String path, boolean post, Map<String, String> p) {
        Map<String, String> cookies = new java.util.HashMap<>();
        Request.getCookies(request).forEach(c -> cookies.putIfAbsent(c.getName(), c.getValue()));
        String query = request.getHttpURI().getQuery();
        return new SignIn(login.orElseThrow()).admit(new SignIn.Visit(path, post, p, cookies, request.isSecure(),
                request.getHeaders().contains("HX-Request"), PREFIX + path + (query == null ? "" : "?" + query)));
    }

    /** The pages for one signed-in user: every call checked against the key's policies. */
    private Routes routesFor(Session session) {
        ConsoleLogin l = login.orElseThrow();
        return new Routes(new ConsoleService(service, r -> l.authorize(session.key(), r)), diagrams, clock);
    }

    private static boolean post(Request request) {
        return HttpMethod.POST.is(request.getMethod());
    }

    private static Map<String, String> params(Request request) {
        Fields params;
        try {
            params = post(request) ? Request.getParameters(request) : Request.extractQueryParameters(request);
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot read the form: " + e.getMessage(), e);
        }
        Map<String, String> p = new java.util.HashMap<>();
        params.forEach(f -> p.put(f.getName(), f.getValue()));
        return p;
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
