package io.flowstate.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.console.web.Paths;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The summary's links to {@code .sync} children, and processing steps of more than Pass and Task states. */
class ExecutionLinksAndStepsBrowserTest extends BrowserTestBase {
    @Test
    void summary_syncChildTask_linksToTheChild() {
        String childMachine = createMachine("child", """
                {"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}""");
        String child = sfn.startExecution(b -> b.stateMachineArn(childMachine)).executionArn();
        run.await(child, 0);
        String parentMachine = createMachine("parent", """
                {"StartAt":"Run child","States":{"Run child":{"Type":"Task","Resource":"%s",
                  "Parameters":{"StateMachineArn":"%s","ChildArn":"%s"},"End":true}}}"""
                .formatted(InProcessAccess.START_SYNC, childMachine, child));
        String parent = sfn.startExecution(b -> b.stateMachineArn(parentMachine)).executionArn();
        run.await(parent, 0);
        openExecution(parent);
        WebElement link = browser.findElement(By.cssSelector("#child-executions-summary a"));
        assertThat(link.getText()).isEqualTo(child.substring(child.lastIndexOf(':') + 1));
        clickThrough(link);
        assertThat(browser.getCurrentUrl()).endsWith(Paths.execution(child));
        assertThat(browser.findElement(By.id("execution-status")).getText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void statePanel_parallelMapChoiceWaitFail_showsProcessingSteps() {
        String machine = createMachine("steps", """
                {"StartAt":"P","States":{"P":{"Type":"Parallel","ResultSelector":{"r.$":"$"},"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Pass","Result":1,"End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Pass","Result":2,"Next":"B2"},"B2":{"Type":"Succeed"}}}],"Next":"M"},
                 "M":{"Type":"Map","ItemsPath":"$.r","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass",
                  "Parameters":{"x.$":"$"},"End":true}}},"ResultPath":"$.mapped","Next":"C"},
                 "C":{"Type":"Choice","Choices":[{"Variable":"$.r[0]","NumericEquals":1,"Next":"W"}],"Default":"F"},
                 "W":{"Type":"Wait","Seconds":0,"OutputPath":"$.mapped","Next":"F"},
                 "F":{"Type":"Fail","Error":"E","Cause":"c"}}}""");
        String arn = sfn.startExecution(b -> b.stateMachineArn(machine)).executionArn();
        run.await(arn, 0);
        assertThat(steps(arn, "P")).contains("afterResultSelector\n{\n  \"r\" : [ 1, 2 ]");
        assertThat(steps(arn, "M")).contains("afterItemsPath\n[ 1, 2 ]", "\"mapped\" : [ {\n    \"x\" : 1");
        assertThat(steps(arn, "C")).contains("nextState\nW");
        assertThat(steps(arn, "W")).contains("output\n[ {\n  \"x\" : 1");
        assertThat(steps(arn, "F")).contains("error\nE", "cause\nc");
        screenshot("processing-steps-fail");
    }

    private String steps(String arn, String state) {
        browser.get(url(Paths.execution(arn) + "?state=" + state));
        return browser.findElement(By.id("processing-steps")).getText();
    }
}
