package io.flowstate.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.console.web.Paths;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The state machines list, a state machine's page with its executions, and an execution's graph, in a browser. */
class ConsolePagesBrowserTest extends BrowserTestBase {
    static final String CAUGHT_PARALLEL = """
            {"StartAt":"Prepare","States":{
             "Prepare":{"Type":"Choice","Choices":[{"Variable":"$.skip","IsPresent":true,"Next":"Never"}],"Default":"Fan out"},
             "Fan out":{"Type":"Parallel","Next":"Done","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Recover"}],
              "Branches":[
               {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"%s","End":true}}},
               {"StartAt":"Break","States":{"Break":{"Type":"Task","Resource":"%s","Retry":[{"ErrorEquals":["Nope"]}],"End":true}}}]},
             "Recover":{"Type":"Pass","Next":"Done"},
             "Done":{"Type":"Succeed"},
             "Never":{"Type":"Pass","End":true}}}""".formatted(InProcessAccess.OK, InProcessAccess.BROKEN);

    @Test
    void machinesList_afterCreate_listsMachineAndOpensItsPage() {
        String arn = createMachine("listed", CAUGHT_PARALLEL);
        String name = arn.substring(arn.lastIndexOf(':') + 1);
        browser.get(url("/console/"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-machine='" + name + "']"));
        assertThat(row.getText()).contains(name, "STANDARD", "ACTIVE");
        screenshot("state-machines");
        clickThrough(row.findElement(By.linkText(name)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(browser.findElements(By.cssSelector("svg.graph g[data-state]"))).hasSizeGreaterThanOrEqualTo(7);
        assertThat(browser.findElement(By.id("definition")).getText()).contains("\"Fan out\"");
        screenshot("state-machine");
    }

    @Test
    void executionPage_caughtParallel_statusesWorkedOutFromHistory() {
        String machine = createMachine("caught", CAUGHT_PARALLEL);
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine).input("{\"x\":\"<script>alert(1)</script>\"}"))
                .executionArn();
        run.await(arn, 0);
        openExecution(arn);
        assertThat(browser.findElement(By.id("execution-status")).getText()).isEqualTo("SUCCEEDED");
        assertThat(statusOf("Prepare")).isEqualTo("SUCCEEDED");
        assertThat(statusOf("Fan out")).isEqualTo("CAUGHT_ERROR");
        assertThat(statusOf("Break")).isEqualTo("FAILED");
        assertThat(statusOf("Recover")).isEqualTo("SUCCEEDED");
        assertThat(statusOf("Never")).isEqualTo("NOT_STARTED");
        assertThat(browser.findElement(By.cssSelector("g[data-state='Break']")).getAttribute("data-type")).isEqualTo("Task");
        // Nested containers: the branch's states are drawn inside the Parallel's group.
        assertThat(browser.findElements(By.cssSelector("g[data-state='Fan out'] g[data-state='Work']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("path.edge.catch"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("path.retry"))).isNotEmpty();
        assertThat(browser.findElement(By.id("input")).getText()).contains("<script>alert(1)</script>");
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("caught error", "cancelled");
        screenshot("execution-caught");
        // The state panel opens from the graph, by mouse or keyboard (the state is a link).
        clickThrough(browser.findElement(By.cssSelector("g[data-state='Break']")));
        WebElement panel = browser.findElement(By.id("state-panel"));
        assertThat(panel.findElement(By.id("panel-title")).getText()).isEqualTo("State: Break");
        assertThat(panel.findElement(By.id("state-definition")).getText()).contains(InProcessAccess.BROKEN, "Retry");
        assertThat(panel.findElement(By.id("state-errors")).getText()).contains("States.TaskFailed");
        assertThat(panel.findElement(By.id("state-input")).getText()).contains("<script>alert(1)</script>");
        screenshot("state-panel");
        // The table view: one row per state attempt, each opening the same panel.
        assertThat(browser.findElements(By.cssSelector("#attempts-table tr[data-attempt='Work']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#attempts-table tr[data-attempt='Break']")).getText())
                .contains("States.TaskFailed");
        clickThrough(browser.findElement(By.cssSelector("#attempts-table tr[data-attempt='Recover'] a")));
        assertThat(browser.findElement(By.id("panel-title")).getText()).isEqualTo("State: Recover");
        assertThat(browser.findElement(By.id("state-output")).getText()).contains("Error");
        // A Task inside a branch is replayed with TestState on its real result, never calling the resource again.
        clickThrough(browser.findElement(By.cssSelector("#attempts-table tr[data-attempt='Work'] a")));
        assertThat(browser.findElement(By.id("processing-steps")).getText()).contains("afterInputPath", "result");
    }

    @Test
    void executionPage_runningWait_stopButtonAborts() {
        String machine = createMachine("waits", """
                {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 2);
        openExecution(arn);
        assertThat(statusOf("Hold")).isEqualTo("IN_PROGRESS");
        screenshot("execution-running");
        clickThrough(browser.findElement(By.id("stop-button")));
        waiting().until(ExpectedConditions.textToBe(By.id("execution-status"), "ABORTED"));
        assertThat(statusOf("Hold")).isEqualTo("CANCELLED");
        assertThat(browser.findElements(By.id("stop-button"))).isEmpty();
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).statusAsString()).isEqualTo("ABORTED");
    }

    @Test
    void executionPage_runningExecution_updatesItselfUntilItEnds() {
        String machine = createMachine("short", """
                {"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":3,"Next":"After"},
                 "After":{"Type":"Pass","End":true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        openExecution(arn);
        assertThat(browser.findElement(By.id("execution-status")).getText()).isEqualTo("RUNNING");
        assertThat(browser.findElement(By.id("live")).getAttribute("hx-trigger")).isEqualTo("every 2s");
        waiting().until(ExpectedConditions.textToBe(By.id("execution-status"), "SUCCEEDED"));
        assertThat(statusOf("After")).isEqualTo("SUCCEEDED");
        // The page reloaded once the execution ended and polls no more.
        waiting().until(d -> d.findElement(By.id("live")).getAttribute("hx-trigger") == null);
        assertThat(browser.findElement(By.id("output")).getText()).doesNotContain("(running)");
    }

    @Test
    void machinePage_startForm_refusesInvalidJsonThenStarts() {
        String machine = createMachine("form", """
                {"StartAt":"Echo","States":{"Echo":{"Type":"Pass","InputPath":"$.hello","ResultPath":"$.seen","End":true}}}""");
        browser.get(url(Paths.machine(machine)));
        WebElement input = browser.findElement(By.id("input"));
        input.clear();
        input.sendKeys("{\"broken\": ");
        clickThrough(browser.findElement(By.id("start-button")));
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("start-error"))).getText())
                .contains("not valid JSON");
        assertThat(browser.findElement(By.id("input")).getAttribute("value")).isEqualTo("{\"broken\": ");
        input = browser.findElement(By.id("input"));
        input.clear();
        input.sendKeys("{\"hello\": \"console\"}");
        browser.findElement(By.id("execution-name")).sendKeys("named-run");
        clickThrough(browser.findElement(By.id("start-button")));
        waiting().until(ExpectedConditions.urlContains("/console/executions/"));
        waiting().until(d -> d.findElement(By.id("output")).getText().contains("seen"));
        assertThat(statusOf("Echo")).isEqualTo("SUCCEEDED");
        clickThrough(browser.findElement(By.cssSelector("g[data-state='Echo']")));
        assertThat(browser.findElement(By.id("processing-steps")).getText()).contains("afterInputPath", "afterResultPath");
        // The API's own refusal shows on the form: the same name with another input.
        browser.get(url(Paths.machine(machine)));
        browser.findElement(By.id("execution-name")).sendKeys("named-run");
        clickThrough(browser.findElement(By.id("start-button")));
        assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("start-error"))).getText())
                .contains("ExecutionAlreadyExists");
    }

    @Test
    void executionsList_failedFilter_showsOnlyFailed() {
        String machine = createMachine("mixed", """
                {"StartAt":"Check","States":{"Check":{"Type":"Choice",
                 "Choices":[{"Variable":"$.fail","BooleanEquals":true,"Next":"Boom"}],"Default":"Fine"},
                 "Boom":{"Type":"Fail","Error":"Told","Cause":"asked to fail"},"Fine":{"Type":"Succeed"}}}""");
        String failed = sfn.startExecution(b -> b.stateMachineArn(machine).name("bad-one").input("{\"fail\":true}")).executionArn();
        String fine = sfn.startExecution(b -> b.stateMachineArn(machine).name("good-one").input("{\"fail\":false}")).executionArn();
        run.await(failed, 0);
        run.await(fine, 0);
        browser.get(url(Paths.machine(machine)));
        assertThat(browser.findElements(By.cssSelector("#executions-table tbody tr"))).hasSize(2);
        clickThrough(browser.findElement(By.id("failed-filter")));
        assertThat(browser.findElements(By.cssSelector("#executions-table tbody tr"))).hasSize(1);
        WebElement row = browser.findElement(By.cssSelector("tr[data-execution='bad-one']"));
        assertThat(row.getText()).contains("FAILED");
        screenshot("executions-failed");
        clickThrough(row.findElement(By.linkText("bad-one")));
        assertThat(browser.findElement(By.id("error-banner")).getText()).contains("Told", "Boom", "asked to fail");
        assertThat(statusOf("Boom")).isEqualTo("FAILED");
        assertThat(statusOf("Fine")).isEqualTo("NOT_STARTED");
        assertThat(browser.findElement(By.cssSelector("g[data-state='Boom']")).getAttribute("class")).contains("selected");
        screenshot("execution-failed");
    }

    @Test
    void machinePage_versionAndAlias_listedAndTheirExecutionsShown() {
        String machine = createMachine("versioned", """
                {"StartAt":"One","States":{"One":{"Type":"Pass","End":true}}}""");
        String version = sfn.publishStateMachineVersion(b -> b.stateMachineArn(machine)).stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(
                software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem.builder()
                        .stateMachineVersionArn(version).weight(100).build())).stateMachineAliasArn();
        String viaAlias = sfn.startExecution(b -> b.stateMachineArn(alias).name("via-alias")).executionArn();
        run.await(viaAlias, 0);
        browser.get(url(Paths.machine(machine)));
        clickThrough(browser.findElement(By.linkText(version)));
        assertThat(browser.findElement(By.cssSelector("dl.summary")).getText()).contains(version);
        browser.navigate().back();
        clickThrough(browser.findElement(By.linkText(alias)));
        assertThat(browser.findElements(By.cssSelector("tr[data-execution='via-alias']"))).hasSize(1);
    }

    @Test
    void machinePage_express_showsGraphAndWhyNoExecutions() {
        String name = "express-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String machine = sfn.createStateMachine(b -> b.name(name).type("EXPRESS").roleArn(InProcessAccess.ROLE)
                .definition("{\"StartAt\":\"One\",\"States\":{\"One\":{\"Type\":\"Pass\",\"End\":true}}}"))
                .stateMachineArn();
        browser.get(url(Paths.machine(machine)));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(name);
        assertThat(statusAttributeless("One")).isTrue();
        assertThat(browser.findElement(By.id("executions")).isDisplayed()).isTrue();
    }

    private boolean statusAttributeless(String state) {
        return browser.findElement(By.cssSelector("g[data-state='" + state + "']")).getAttribute("data-status") == null;
    }

    @Test
    void executionPage_keyboard_tabReachesStateAndEnterOpensPanel() {
        String machine = createMachine("keys", """
                {"StartAt":"First","States":{"First":{"Type":"Pass","End":true}}}""");
        String parent = "arn:aws:states:us-east-1:123456789012:execution:other:parent-run";
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)
                .input("{\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID\":\"" + parent + "\"}")).executionArn();
        run.await(arn, 0);
        openExecution(arn);
        assertThat(browser.findElement(By.id("parent-execution")).getAttribute("href")).endsWith(Paths.execution(parent));
        WebElement body = browser.findElement(By.tagName("body"));
        for (int i = 0; i < 40; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (focused.getAttribute("href") != null && focused.getAttribute("href").contains("state=First")) {
                focused.sendKeys(org.openqa.selenium.Keys.ENTER);
                assertThat(waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("panel-title"))).getText())
                        .isEqualTo("State: First");
                return;
            }
            (i == 0 ? body : focused).sendKeys(org.openqa.selenium.Keys.TAB);
        }
        throw new AssertionError("Tab never reached the state First on the graph");
    }
}
