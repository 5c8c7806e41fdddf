package io.flowstate.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowstate.console.web.Paths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The event history's paging, order and download, redrive, and the cross-site check on actions. */
class HistoryAndActionsBrowserTest extends BrowserTestBase {
    @Test
    void eventHistory_longHistory_pagedBothWaysAndDownloadedWhole() throws Exception {
        String machine = createMachine("many", """
                {"StartAt":"Items","States":{"Items":{"Type":"Pass","Result":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,
                  16,17,18,19,20,21,22,23,24,25,26,27,28,29,30],"Next":"Each"},
                 "Each":{"Type":"Map","ItemProcessor":{"StartAt":"Touch","States":{"Touch":{"Type":"Pass","End":true}}},
                  "End":true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 0);
        int total = run.history(arn).size();
        assertThat(total).isGreaterThan(100);
        openExecution(arn);
        assertThat(rows()).hasSize(50);
        assertThat(rows().get(0).getAttribute("data-event-id")).isEqualTo("1");
        clickThrough(browser.findElement(By.id("events-next")));
        assertThat(rows().get(0).getAttribute("data-event-id")).isEqualTo("51");
        clickThrough(browser.findElement(By.id("events-desc")));
        assertThat(rows().get(0).getAttribute("data-event-id")).isEqualTo(Integer.toString(total));
        assertThat(rows().get(0).getText()).contains("ExecutionSucceeded");
        rows().get(0).findElement(By.tagName("summary")).click();
        assertThat(rows().get(0).findElement(By.tagName("pre")).getText()).contains("\"type\" : \"ExecutionSucceeded\"");
        assertThat(statusOf("Touch")).isEqualTo("SUCCEEDED");
        screenshot("execution-history");
        browser.findElement(By.id("events-type")).sendKeys("MapIterationSucceeded");
        clickThrough(browser.findElement(By.id("events-filter")));
        assertThat(rows()).hasSize(30).allSatisfy(r -> assertThat(r.getText()).contains("MapIterationSucceeded"));
        browser.findElement(By.id("events-type")).clear();
        browser.findElement(By.id("events-state")).sendKeys("Items");
        clickThrough(browser.findElement(By.id("events-filter")));
        assertThat(rows()).extracting(r -> r.getAttribute("data-event-id")).containsExactly("3", "2");
        String href = browser.findElement(By.id("download-history")).getAttribute("href");
        HttpResponse<String> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        JsonNode events = new ObjectMapper().readTree(download.body()).path("events");
        assertThat(events.size()).isEqualTo(total);
    }

    @Test
    void redrive_failedExecution_buttonRedrivesThroughTheService() {
        String machine = createMachine("redrive", """
                {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"%s","End":true}}}"""
                .formatted(InProcessAccess.BROKEN));
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 0);
        openExecution(arn);
        assertThat(browser.findElement(By.id("execution-status")).getText()).isEqualTo("FAILED");
        assertThat(statusOf("Call")).isEqualTo("FAILED");
        clickThrough(browser.findElement(By.id("redrive-button")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".banner.ok"), "redriven"));
        waiting().until(d -> sfn.describeExecution(b -> b.executionArn(arn)).redriveCount() == 1
                && !sfn.describeExecution(b -> b.executionArn(arn)).statusAsString().equals("RUNNING"));
        browser.navigate().refresh();
        assertThat(browser.findElement(By.id("live")).getText()).contains("Redrives", "1 (last");
    }

    @Test
    void taskToken_waitingCallback_answeredFromStatePanel() {
        String machine = createMachine("callback", """
                {"StartAt":"Ask","States":{"Ask":{"Type":"Task","Resource":"%s","Parameters":{
                  "QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/q","MessageBody":{"token.$":"$$.Task.Token"}},
                  "End":true}}}""".formatted(InProcessAccess.CALLBACK));
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 4);
        openExecution(arn);
        assertThat(statusOf("Ask")).isEqualTo("IN_PROGRESS");
        clickThrough(browser.findElement(By.cssSelector("g[data-state='Ask']")));
        assertThat(browser.findElement(By.cssSelector("#task-success-form input.token")).getAttribute("value")).hasSize(64);
        WebElement output = browser.findElement(By.id("task-output"));
        output.clear();
        output.sendKeys("{\"answer\": 42}");
        screenshot("task-token");
        clickThrough(browser.findElement(By.id("task-success")));
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".banner.ok"), "success"));
        run.await(arn, 0);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).output()).contains("42");
        browser.navigate().refresh();
        assertThat(statusOf("Ask")).isEqualTo("SUCCEEDED");
    }

    @Test
    void exportSvg_executionGraph_standaloneFileWithStatuses() throws Exception {
        String machine = createMachine("export", """
                {"StartAt":"One","States":{"One":{"Type":"Pass","End":true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 0);
        openExecution(arn);
        String href = browser.findElement(By.id("export-svg")).getAttribute("href");
        HttpResponse<String> svg = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(svg.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("image/svg+xml"));
        assertThat(svg.body()).contains("<style>", "data-state=\"One\"", "data-status=\"SUCCEEDED\"");
    }

    @Test
    void mapRun_distributedMap_countsAndChildrenFromExecutionPage() {
        String machine = createMachine("distributed", """
                {"StartAt":"Items","States":{"Items":{"Type":"Pass","Result":[1,2,3],"Next":"Each"},
                 "Each":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                   "StartAt":"Touch","States":{"Touch":{"Type":"Pass","End":true}}},"End":true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 0);
        openExecution(arn);
        assertThat(statusOf("Each")).isEqualTo("SUCCEEDED");
        clickThrough(browser.findElement(By.cssSelector("#map-runs + ul a")));
        assertThat(browser.findElement(By.id("map-run-status")).getText()).isEqualTo("SUCCEEDED");
        assertThat(browser.findElement(By.id("item-counts")).getText()).contains("succeeded 3");
        screenshot("map-run");
    }

    @Test
    void stop_postFromAnotherSite_refused() throws Exception {
        String machine = createMachine("guarded", """
                {"StartAt":"Hold","States":{"Hold":{"Type":"Wait","Seconds":3600,"End":true}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url(Paths.execution(arn)))).header("Origin", "http://evil.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=stop")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(sfn.describeExecution(b -> b.executionArn(arn)).statusAsString()).isEqualTo("RUNNING");
        sfn.stopExecution(b -> b.executionArn(arn));
    }

    @Test
    void pages_unknownExecution_notFoundWithApiCode() {
        browser.get(url(Paths.execution("arn:aws:states:us-east-1:123456789012:execution:nope:nothing")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("ExecutionDoesNotExist");
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#events-table tbody tr"));
    }
}
