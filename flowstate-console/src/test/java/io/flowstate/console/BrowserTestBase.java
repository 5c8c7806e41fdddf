package io.flowstate.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.ApiServer;
import io.flowstate.api.auth.AccessControl;
import io.flowstate.console.web.ConsoleHandler;
import io.flowstate.console.web.Paths;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A real server (the API and the console on one port, as {@code flowstate server} serves them), the AWS SDK's
 * Step Functions client to set data up as a user would, and a real headless Chromium driven by Selenium.
 * Debian's {@code chromium} and {@code chromium-driver} must be installed; without them the tests are skipped on
 * a workstation but fail when {@code CI=true}, so that CI cannot pass without running them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTestBase {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final InProcessAccess run = new InProcessAccess();
    ApiServer server;
    SfnClient sfn;
    WebDriver browser;

    @BeforeAll
    void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but chromium or chromedriver is missing: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver are not installed");
        server = ApiServer.start(run.service, "127.0.0.1", 0, List.of(console()), access());
        sfn = SfnClient.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
                .region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(credentials()))
                .build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1100");
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    /** The console as the tests serve it: without sign-in unless a test class says otherwise. */
    ConsoleHandler console() {
        return new ConsoleHandler(run.service, InstantSource.system());
    }

    /** Who may call the API. */
    AccessControl access() {
        return AccessControl.OPEN;
    }

    /** The key the tests' SDK client signs with. */
    AwsBasicCredentials credentials() {
        return AwsBasicCredentials.create("local", "local");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sfn != null) {
            sfn.close();
        }
        if (server != null) {
            server.close();
        }
        run.close();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** Creates a Standard machine with the SDK; returns its ARN. */
    String createMachine(String prefix, String definition) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        return sfn.createStateMachine(b -> b.name(name).definition(definition).roleArn(InProcessAccess.ROLE))
                .stateMachineArn();
    }

    void openExecution(String executionArn) {
        browser.get(url(Paths.execution(executionArn)));
    }

    String statusOf(String state) {
        return browser.findElement(By.cssSelector("g[data-state='" + state + "']")).getAttribute("data-status");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    /**
     * Clicks something that loads another page and waits until it has: the next lookup must not find the old
     * page's elements (a slow machine shows the race).
     */
    void clickThrough(org.openqa.selenium.WebElement element) {
        org.openqa.selenium.WebElement page = browser.findElement(By.tagName("html"));
        element.click();
        // Gone: stale, or (chromedriver, a page replaced mid-call) "does not belong to the document".
        waiting().until(d -> {
            try {
                page.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException e) {
                return true;
            }
        });
        waiting().until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** Saves the page as target/screenshots/{name}.png, kept as a test artifact. */
    void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(file).isNotEmptyFile();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
