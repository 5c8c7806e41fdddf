package io.flowstate.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.auth.AccessControl;
import io.flowstate.api.auth.AccessKeys;
import io.flowstate.api.auth.Policies;
import io.flowstate.api.auth.SigV4Authenticator;
import io.flowstate.console.login.ConsoleLogin;
import io.flowstate.console.web.ConsoleHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The console behind {@code --auth sigv4}: sign-in with a key of a temporary credentials file, the pages and
 * actions with a session, a wrong secret refused, a POST without the session's CSRF token refused, and a key's
 * policies applied to what it does from the console.
 */
class LoginBrowserTest extends BrowserTestBase {
    private static final String ADMIN_SECRET = "admin/Secret+Key0123456789";
    private static final String READER_SECRET = "reader/Secret+Key0123456789";
    private final Path dir = temp();
    private final AccessKeys keys = AccessKeys.read(write("credentials", """
            [admin]
            aws_access_key_id = AKIDADMIN
            aws_secret_access_key = %s
            [reader]
            aws_access_key_id = AKIDREADER
            aws_secret_access_key = %s
            """.formatted(ADMIN_SECRET, READER_SECRET)));
    private final AccessControl access = new AccessControl(new SigV4Authenticator(keys, InstantSource.system()),
            Optional.of(Policies.read(write("policies.json", """
                    {"admin": {"Statement": {"Effect": "Allow", "Action": "states:*", "Resource": "*"}},
                     "reader": {"Statement": {"Effect": "Allow", "Action": ["states:Describe*", "states:List*",
                        "states:Get*"], "Resource": "*"}}}"""))), "us-east-1", "123456789012");

    private static Path temp() {
        try {
            return Files.createTempDirectory("console-login");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    ConsoleHandler console() {
        return new ConsoleHandler(run.service, InstantSource.system(),
                Optional.of(new ConsoleLogin(keys, access, InstantSource.system())));
    }

    @Override
    AccessControl access() {
        return access;
    }

    @Override
    AwsBasicCredentials credentials() {
        return AwsBasicCredentials.create("AKIDADMIN", ADMIN_SECRET);
    }

    @BeforeEach
    void signedOut() {
        browser.get(url("/console/assets/console.css"));
        browser.manage().deleteAllCookies();
    }

    private void signIn(String id, String secret) {
        browser.findElement(By.id("access-key-id")).sendKeys(id);
        browser.findElement(By.id("secret")).sendKeys(secret);
        clickThrough(browser.findElement(By.id("login-button")));
    }

    @Test
    void login_wrongSecret_refusedOnTheForm() {
        browser.get(url("/console/"));
        assertThat(browser.getCurrentUrl()).contains("/console/login");
        signIn("AKIDADMIN", "not-the-secret");
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("not right");
        assertThat(browser.manage().getCookieNamed("flowstate_session")).isNull();
        browser.get(url("/console/"));
        assertThat(browser.getCurrentUrl()).contains("/console/login");
    }

    @Test
    void login_rightSecret_pagesAndActionsThenSignOut() {
        String machine = createMachine("login", """
                {"StartAt":"One","States":{"One":{"Type":"Pass","End":true}}}""");
        String name = machine.substring(machine.lastIndexOf(':') + 1);
        browser.get(url(io.flowstate.console.web.Paths.machine(machine)));
        screenshot("login");
        signIn("AKIDADMIN", ADMIN_SECRET);
        assertThat(browser.getCurrentUrl()).endsWith(io.flowstate.console.web.Paths.machine(machine));
        assertThat(browser.findElement(By.id("signed-in-as")).getText()).isEqualTo("admin");
        assertThat(browser.manage().getCookieNamed("flowstate_session").isHttpOnly()).isTrue();
        assertThat(browser.findElement(By.cssSelector("#start-form input[name=csrf]")).getAttribute("value")).hasSize(43);
        clickThrough(browser.findElement(By.cssSelector("#start-form button[type=submit]")));
        assertThat(browser.getCurrentUrl()).contains("/console/executions/");
        waiting().until(d -> browser.findElement(By.id("execution-status")).getText().equals("SUCCEEDED")
                || refreshed());
        browser.get(url("/console/"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(name);
        clickThrough(browser.findElement(By.id("logout")));
        assertThat(browser.getCurrentUrl()).contains("/console/login");
        browser.get(url("/console/"));
        assertThat(browser.getCurrentUrl()).contains("/console/login");
    }

    private boolean refreshed() {
        browser.navigate().refresh();
        return false;
    }

    @Test
    void post_withoutOrWithWrongCsrfToken_refused403() {
        String machine = createMachine("csrf", """
                {"StartAt":"One","States":{"One":{"Type":"Pass","End":true}}}""");
        browser.get(url("/console/"));
        signIn("AKIDADMIN", ADMIN_SECRET);
        String action = io.flowstate.console.web.Paths.machine(machine);
        assertThat(post(action, "action=start&input=%7B%7D")).isEqualTo(403L);
        assertThat(post(action, "action=start&input=%7B%7D&csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")).isEqualTo(403L);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).isEmpty();
        String token = browser.findElement(By.cssSelector("form input[name=csrf]")).getAttribute("value");
        assertThat(post(action, "action=start&input=%7B%7D&csrf=" + token)).isEqualTo(200L); // fetch follows the 303
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(machine)).executions()).hasSize(1);
    }

    /** A same-origin form POST from the page (with its cookies), answering its HTTP status. */
    private Object post(String path, String form) {
        return ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', body: arguments[1],
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}}).then(r => done(r.status));""",
                path, form);
    }

    @Test
    void action_notAllowedByPolicy_refusedWithAccessDenied() {
        String machine = createMachine("policy", """
                {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s","Parameters":{
                  "QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q","MessageBody":{"token.$":"$$.Task.Token"}},
                  "End":true}}}""".formatted(InProcessAccess.CALLBACK));
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 4);
        openExecution(arn);
        signIn("AKIDREADER", READER_SECRET);
        assertThat(statusOf("Ask")).isEqualTo("IN_PROGRESS");
        clickThrough(browser.findElement(By.id("stop-button")));
        waiting().until(ExpectedConditions.titleContains("AccessDeniedException"));
        assertThat(browser.findElement(By.cssSelector(".banner.error")).getText()).isEqualTo("User: arn:aws:iam::"
                + "123456789012:user/reader is not authorized to perform: states:StopExecution on resource: " + arn
                + " because no identity-based policy allows the states:StopExecution action");
        screenshot("access-denied");
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).statusAsString()).isEqualTo("RUNNING");
        sfn.stopExecution(b -> b.executionArn(arn));
    }
}
