package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import io.flowstate.console.login.Session;
import java.util.Optional;

/**
 * What a signed-in user's pages carry besides their content: who is signed in and a sign-out button in the top
 * bar (where {@link Page} leaves {@link #PLACEHOLDER}), and the session's CSRF token in every POST form. Done once
 * on the finished page, so no page can forget a form's token; without a session both are left out.
 */
final class SessionMarkup {
    /** Where the top bar's sign-in details go. */
    static final String PLACEHOLDER = "<!--session-->";
    /** The form field that carries the CSRF token. */
    static final String CSRF_FIELD = "csrf";

    private SessionMarkup() {}

    static String apply(String html, Optional<Session> session) {
        if (session.isEmpty()) {
            return html.replace(PLACEHOLDER, "");
        }
        Session s = session.get();
        String who = "<span class=\"who\">Signed in as <strong id=\"signed-in-as\">" + esc(s.key().profile())
                + "</strong> (" + esc(s.key().id()) + ")</span><form class=\"inline\" method=\"post\" action=\""
                + Paths.ROOT + "logout\"><button type=\"submit\" class=\"link\" id=\"logout\">Sign out</button></form>";
        return withCsrf(html.replace(PLACEHOLDER, who), s.csrf());
    }

    /** {@code html} with a hidden {@code csrf} input right after the start tag of each {@code method="post"} form. */
    static String withCsrf(String html, String token) {
        String input = "<input type=\"hidden\" name=\"" + CSRF_FIELD + "\" value=\"" + esc(token) + "\">";
        StringBuilder out = new StringBuilder(html.length() + 256);
        int from = 0;
        for (int at = html.indexOf("<form", from); at >= 0; at = html.indexOf("<form", from)) {
            int end = html.indexOf('>', at);
            if (end < 0) {
                break;
            }
            out.append(html, from, end + 1);
            if (html.substring(at, end).contains("method=\"post\"")) {
                out.append(input);
            }
            from = end + 1;
        }
        return out.append(html, from, html.length()).toString();
    }
}
