package io.flowstate.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.AccessKeys;
import io.flowstate.console.login.ConsoleLogin;
import io.flowstate.console.login.Session;
import io.flowstate.console.login.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sign-in gate's decisions and the CSRF tokens it puts in and checks on forms. */
class SignInTest {
    @TempDir
    Path dir;

    private ConsoleLogin login() throws Exception {
        AccessKeys keys = AccessKeys.read(Files.writeString(dir.resolve("credentials"),
                "[ci]\naws_access_key_id = AKIDCI\naws_secret_access_key = s3cret\n"));
        return new ConsoleLogin(keys, AccessControl.OPEN, InstantSource.system());
    }

    private static SignIn.Visit visit(String path, boolean post, Map<String, String> params, Map<String, String> cookies) {
        return new SignIn.Visit(path, post, params, cookies, false, false, "/console" + path);
    }

    private static Reply answer(SignIn.Admission a) {
        return ((SignIn.Admission.Answered) a).reply();
    }

    @Test
    void admit_noSession_redirectsToLoginComingBack() throws Exception {
        Reply r = answer(new SignIn(login()).admit(visit("/executions/x", false, Map.of(), Map.of())));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.headers().get("Location")).isEqualTo("/console/login?next=%2Fconsole%2Fexecutions%2Fx");
    }

    @Test
    void admit_htmxPollWithoutSession_asksHtmxToMoveThePage() throws Exception {
        Reply r = answer(new SignIn(login()).admit(new SignIn.Visit("/executions/x", false, Map.of(), Map.of(), false,
                true, "/console/executions/x?fragment=live")));
        assertThat(r.headers()).containsKey("HX-Redirect");
    }

    @Test
    void signIn_rightSecretAndLoginToken_opensSessionWithStrictCookie() throws Exception {
        ConsoleLogin login = login();
        String token = Tokens.random();
        Reply r = answer(new SignIn(login).admit(new SignIn.Visit("/login", true, Map.of("access-key-id", "AKIDCI",
                "secret", "s3cret", "csrf", token, "next", "/console/executions/x"),
                Map.of(SignIn.LOGIN_COOKIE, token), true, false, "/console/login")));
        assertThat(r.status()).isEqualTo(303);
        assertThat(r.headers().get("Location")).isEqualTo("/console/executions/x");
        assertThat(r.headers().get("Set-Cookie")).startsWith("flowstate_session=")
                .contains("; HttpOnly", "; SameSite=Strict", "; Secure", "; Path=/console", "; Max-Age=28800");
        assertThat(login.sessions().size()).isEqualTo(1);
    }

    @Test
    void signIn_wrongSecret_formAgainWith401AndNoSession() throws Exception {
        ConsoleLogin login = login();
        String token = Tokens.random();
        Reply r = answer(new SignIn(login).admit(visit("/login", true, Map.of("access-key-id", "AKIDCI",
                "secret", "wrong", "csrf", token), Map.of(SignIn.LOGIN_COOKIE, token))));
        assertThat(r.status()).isEqualTo(401);
        assertThat(new String(r.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("not right")
                .doesNotContain("wrong");
        assertThat(login.sessions().size()).isZero();
    }

    @Test
    void signIn_withoutTheCookiesToken_refused403() throws Exception {
        Reply r = answer(new SignIn(login()).admit(visit("/login", true, Map.of("access-key-id", "AKIDCI",
                "secret", "s3cret", "csrf", Tokens.random()), Map.of(SignIn.LOGIN_COOKIE, Tokens.random()))));
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void signIn_nextElsewhere_goesToTheConsoleInstead() throws Exception {
        String token = Tokens.random();
        Reply r = answer(new SignIn(login()).admit(visit("/login", true, Map.of("access-key-id", "AKIDCI",
                "secret", "s3cret", "csrf", token, "next", "//evil.example/"), Map.of(SignIn.LOGIN_COOKIE, token))));
        assertThat(r.headers().get("Location")).isEqualTo("/console/");
    }

    @Test
    void admit_postWithoutOrWithWrongCsrf_refused403WithRightToken_admitted() throws Exception {
        ConsoleLogin login = login();
        Session s = login.sessions().open(login.login("AKIDCI", "s3cret").orElseThrow());
        Map<String, String> cookie = Map.of(SignIn.SESSION_COOKIE, s.id());
        SignIn gate = new SignIn(login);
        assertThat(answer(gate.admit(visit("/executions/x", true, Map.of("action", "stop"), cookie))).status())
                .isEqualTo(403);
        assertThat(answer(gate.admit(visit("/executions/x", true, Map.of("action", "stop", "csrf", Tokens.random()),
                cookie))).status()).isEqualTo(403);
        assertThat(gate.admit(visit("/executions/x", true, Map.of("action", "stop", "csrf", s.csrf()), cookie)))
                .isEqualTo(new SignIn.Admission.Admitted(s));
        assertThat(gate.admit(visit("/executions/x", false, Map.of(), cookie))).isEqualTo(new SignIn.Admission.Admitted(s));
    }

    @Test
    void logout_withToken_endsSessionAndClearsCookie() throws Exception {
        ConsoleLogin login = login();
        Session s = login.sessions().open(login.login("AKIDCI", "s3cret").orElseThrow());
        Reply r = answer(new SignIn(login).admit(visit("/logout", true, Map.of("csrf", s.csrf()),
                Map.of(SignIn.SESSION_COOKIE, s.id()))));
        assertThat(r.headers().get("Location")).isEqualTo("/console/login");
        assertThat(r.headers().get("Set-Cookie")).startsWith("flowstate_session=;").contains("Max-Age=0");
        assertThat(login.sessions().find(s.id())).isEmpty();
    }

    @Test
    void withCsrf_postFormsOnly_getTheToken() {
        String html = "<form method=\"get\" action=\"/a\"><input name=q></form>"
                + "<form class=\"inline\" method=\"post\" action=\"/b\"><button>x</button></form>";
        assertThat(SessionMarkup.withCsrf(html, "TOKEN")).isEqualTo("<form method=\"get\" action=\"/a\"><input name=q>"
                + "</form><form class=\"inline\" method=\"post\" action=\"/b\"><input type=\"hidden\" name=\"csrf\" "
                + "value=\"TOKEN\"><button>x</button></form>");
    }

    @Test
    void apply_noSession_leavesNoPlaceholderAndNoToken() {
        String page = Page.of("t", "<form method=\"post\" action=\"/b\"></form>");
        assertThat(SessionMarkup.apply(page, Optional.empty())).doesNotContain(SessionMarkup.PLACEHOLDER, "csrf");
    }
}
