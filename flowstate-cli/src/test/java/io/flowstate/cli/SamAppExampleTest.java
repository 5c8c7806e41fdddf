package io.flowstate.cli;

import static io.flowstate.cli.CliRun.flowstate;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.cli.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/sam-app} runs as its README says, with the README's output: the example is what a user tries
 * first, so it must not drift from the code.
 */
class SamAppExampleTest {
    /** The example, from this module's directory (where Maven runs the tests). */
    private static final Path APP = Path.of("..", "examples", "sam-app");

    @Test
    void run_readmeHappyPath_printsTheReadmesOutput() throws Exception {
        Outcome o = flowstate("run", APP.resolve("template.yaml").toString(), "--mock-config",
                APP.resolve("MockConfigFile.json").toString(), "--test-case", "HappyPath", "--input",
                "{\"orderId\":\"o-42\",\"item\":\"book\"}");

        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(Files.readString(APP.resolve("README.md"))).contains("# " + o.out().strip());
    }

    @Test
    void run_readmeOutOfStock_failsAsTheReadmeSays() throws Exception {
        Outcome o = flowstate("run", APP.resolve("template.yaml").toString(), "--mock-config",
                APP.resolve("MockConfigFile.json").toString(), "--test-case", "OutOfStock", "--input",
                "{\"orderId\":\"o-43\",\"item\":\"lamp\"}");

        assertThat(o.exit()).isEqualTo(1);
        assertThat(o.json()).isEqualTo(Json.parse("{\"status\":\"FAILED\",\"error\":\"OutOfStock\",\"cause\":\"The item is not in stock\"}"));
    }
}
