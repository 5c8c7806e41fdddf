package io.flowstate.console.web;

import static java.util.Objects.requireNonNull;

import io.flowstate.api.auth.AccessKeys;
import io.flowstate.console.login.ConsoleLogin;
import io.flowstate.console.login.Session;
import io.flowstate.console.login.Tokens;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate in front of the console's pages when it has sign-in ({@code --auth sigv4}): {@code /console/login}
 * and {@code /console/logout}, and for every other page a live session from the session cookie (else a redirect
 * to the sign-in form, which comes back to the page) and, on a POST, the session's CSRF token in the form (else
 * 403). Cookies are HttpOnly, SameSite=Strict, scoped to {@code /console} and Secure over HTTPS. Secrets are never
 * logged; a refused sign-in is logged with the key id it named.
 */
final class SignIn {
    static final String SESSION_COOKIE = "flowstate_session";
    static final String LOGIN_COOKIE = "flowstate_login";
    private static final Logger LOG = LoggerFactory.getLogger(SignIn.class);
    private static final String LOGIN = Paths.ROOT + "login";

    private final ConsoleLogin login;

    SignIn(ConsoleLogin login) {
        this.login = requireNonNull(login, "login is null");
    }

    /** A request below {@code /console}: path, method, form or query fields, cookies, scheme, and whether htmx sent it. */
    record Visit(String path, boolean post, Map<String, String> params, Map<String, String> cookies, boolean secure,
            boolean htmx, String target) {}

    /** What the gate decided: let the request through for a session's user, or answer it here. */
    sealed interface Admission {
        /** Through to the pages, as {@code session}'s user. */
        record Admitted(Session session) implements Admission {}

        /** Answered here: a sign-in page or redirect, a sign-out, a refusal. */
        record Answered(Reply reply) implements Admission {}
    }

    Admission admit(Visit v) {
        Optional<Session> session = Optional.ofNullable(v.cookies().get(SESSION_COOKIE)).flatMap(login.sessions()::find);
        if (v.path().equals("/login")) {
            return new Admission.Answered(v.post() ? signIn(v) : session.isPresent()
                    ? Reply.redirect(next(v.params().get("next"))) : form(v, Optional.empty(), 200));
        }
        if (session.isEmpty()) {
            String to = LOGIN + "?next=" + Paths.query(v.target());
            // htmx's polling must move the whole page, not paste the form into the live block.
            return new Admission.Answered(v.htmx() ? Reply.html(401, "").with("HX-Redirect", to) : Reply.redirect(to));
        }
        if (v.post() && !session.get().csrfMatches(v.params().get(SessionMarkup.CSRF_FIELD))) {
            return new Admission.Answered(Reply.html(403, Page.error("Forbidden", "The form's CSRF token is missing "
                    + "or out of date: reload the page and try again.")));
        }
        if (v.path().equals("/logout") && v.post()) {
            login.sessions().close(session.get().id());
            return new Admission.Answered(Reply.redirect(LOGIN).with("Set-Cookie", cookie(SESSION_COOKIE, "", 0, v)));
        }
        return new Admission.Admitted(session.get());
    }

    private Reply signIn(Visit v) {
        String expected = v.cookies().get(LOGIN_COOKIE);
        if (!Tokens.wellFormed(expected) || !Tokens.same(expected, v.params().get(SessionMarkup.CSRF_FIELD))) {
            return Reply.html(403, Page.error("Forbidden", "The sign-in form is out of date (its CSRF token does not "
                    + "match the browser's cookie): reload it and try again."));
        }
        String id = v.params().getOrDefault("access-key-id", "").strip();
        Optional<AccessKeys.Key> key = login.login(id, v.params().getOrDefault("secret", ""));
        if (key.isEmpty()) {
            LOG.info("console sign-in refused for access key id {}", id.replaceAll("[^A-Za-z0-9_.-]", "?"));
            return form(v, Optional.of("The access key id or the secret is not right."), 401);
        }
        Session session = login.sessions().open(key.get());
        LOG.info("console sign-in: {}", key.get());
        return Reply.redirect(next(v.params().get("next"))).with("Set-Cookie", cookie(SESSION_COOKIE, session.id(),
                login.sessions().lifetime().toSeconds(), v));
    }

    private static Reply form(Visit v, Optional<String> error, int status) {
        String token = v.cookies().get(LOGIN_COOKIE);
        boolean fresh = !Tokens.wellFormed(token);
        String csrf = fresh ? Tokens.random() : token;
        Reply reply = Reply.html(status, LoginPage.render(csrf, next(v.params().get("next")), error));
        return fresh ? reply.with("Set-Cookie", cookie(LOGIN_COOKIE, csrf, 3600, v)) : reply;
    }

    /** Where to go after signing in: a console page, never another site. */
    private static String next(String asked) {
        return asked != null && asked.startsWith(Paths.ROOT) && asked.chars().noneMatch(c -> c < 0x20 || c == '\\')
                ? asked : Paths.ROOT;
    }

    private static String cookie(String name, String value, long maxAge, Visit v) {
        return name + "=" + value + "; Path=/console; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict"
                + (v.secure() ? "; Secure" : "");
    }
}
