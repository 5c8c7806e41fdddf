package io.flowstate.testing;

import static io.flowstate.testing.assertions.FlowstateAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Definitions from files, classpath resources, JSON text and SAM templates; mock configs answering them. */
@FlowstateTest
class LoadingTest {
    private static final Path SAM = Path.of("src/test/resources/sam");

    @Test
    void load_aslFile_isNamedAfterTheFile(Flowstate flowstate) {
        TestStateMachine m = flowstate.load(Path.of("src/test/resources/machines/order.asl.json"));

        assertThat(m.name()).isEqualTo("order");
    }

    @Test
    void loadTemplate_samWithSubstitutions_resolvesTheFunctionArn(Flowstate flowstate) {
        flowstate.resource("arn:aws:lambda:us-east-1:123456789012:function:greet-prod").returns("\"hi\"");

        TestExecution run = flowstate.loadTemplate(SAM.resolve("template.yaml"), "Greeter", Map.of("Stage", "prod"))
                .start();

        assertThat(run).succeeded().hasOutput("\"hi\"");
        assertThat(run.executionArn()).isEqualTo("arn:aws:states:us-east-1:123456789012:execution:greeter:exec-1");
    }

    @Test
    void mockConfig_happyPathTestCase_answersTheMockedState(Flowstate flowstate) {
        flowstate.mockConfig(SAM.resolve("MockConfigFile.json"), "Hello");

        TestExecution run = flowstate.load(SAM.resolve("template.yaml")).start();

        assertThat(run).succeeded().hasOutput("{\"greeting\": \"hello\"}");
    }

    @Test
    void mockConfig_throwingTestCase_failsWithTheMockedError(Flowstate flowstate) {
        flowstate.mockConfig(SAM.resolve("MockConfigFile.json"), "Flaky");

        TestExecution run = flowstate.load(SAM.resolve("template.yaml")).start();

        assertThat(run).failed().hasError("Lambda.ServiceException").hasCause("busy");
    }

    @Test
    void task_boundAlongsideMockConfig_winsOverTheMock(Flowstate flowstate) {
        flowstate.mockConfig(SAM.resolve("MockConfigFile.json"), "Hello").task("Greet").returns("{\"greeting\": \"mine\"}");

        TestExecution run = flowstate.load(SAM.resolve("template.yaml")).start();

        assertThat(run).hasOutputAt("$.greeting", "mine");
    }

    @Test
    void mockConfig_unknownTestCase_failsAtStartNamingIt(Flowstate flowstate) {
        flowstate.mockConfig(SAM.resolve("MockConfigFile.json"), "Nope");
        TestStateMachine m = flowstate.load(SAM.resolve("template.yaml"));

        assertThatThrownBy(m::start).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Nope'");
    }

    @Test
    void loadJson_invalidDefinition_listsEveryDiagnostic(Flowstate flowstate) {
        assertThatThrownBy(() -> flowstate.loadJson("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}"""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid definition").hasMessageContaining("MISSING_TRANSITION_TARGET");
    }

    @Test
    void loadResource_missing_failsNamingIt(Flowstate flowstate) {
        assertThatThrownBy(() -> flowstate.loadResource("machines/none.json"))
                .hasMessageContaining("no classpath resource 'machines/none.json'");
    }
}
