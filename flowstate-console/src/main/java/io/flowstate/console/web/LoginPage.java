package io.flowstate.console.web;

import static io.flowstate.console.web.Html.esc;

import java.util.Optional;

/**
 * The sign-in form ({@code /console/login}): an access key id and its secret from the server's credentials file.
 * Its CSRF token is the one in the sign-in cookie (a double submit), since there is no session yet; {@code next}
 * is the console page to go to once signed in.
 */
final class LoginPage {
    private LoginPage() {}

    static String render(String csrf, String next, Optional<String> error) {
        StringBuilder html = new StringBuilder("<h1>Sign in</h1>");
        error.ifPresent(e -> html.append("<p class=\"banner error\" role=\"alert\" id=\"login-error\">").append(esc(e))
                .append("</p>"));
        html.append("<p>Use an access key of the server's credentials file (<code>--credentials</code>), as an AWS ")
                .append("SDK would sign with it.</p>")
                .append("<form class=\"login\" method=\"post\" action=\"").append(Paths.ROOT).append("login\" id=\"login-form\">")
                .append("<input type=\"hidden\" name=\"").append(SessionMarkup.CSRF_FIELD).append("\" value=\"")
                .append(esc(csrf)).append("\"><input type=\"hidden\" name=\"next\" value=\"").append(esc(next)).append("\">")
                .append("<p><label>Access key id<br><input name=\"access-key-id\" id=\"access-key-id\" required ")
                .append("autocomplete=\"username\" spellcheck=\"false\"></label></p>")
                .append("<p><label>Secret access key<br><input type=\"password\" name=\"secret\" id=\"secret\" required ")
                .append("autocomplete=\"current-password\"></label></p>")
                .append("<p><button type=\"submit\" id=\"login-button\">Sign in</button></p></form>");
        return Page.of("Sign in", html.toString());
    }
}
