package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
    static final String DEFINITION = """
            {"StartAt":"Fan \\"out\\"","States":{"Fan \\"out\\"":{"Type":"Parallel","Next":"Done","Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}}],
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done"}]},
             "Done":{"Type":"Succeed"}}}""";

    @Test
    void graph_svg_writesTheConsoleLayoutWithStyles(@TempDir Path dir) throws Exception {
        Path def = Files.writeString(dir.resolve("machine.json"), DEFINITION);
        Path svg = dir.resolve("graph.svg");
        CliRun.Outcome run = CliRun.flowstate("graph", def.toString(), "--format", "svg", "--output", svg.toString());
        assertThat(run.exit()).isEqualTo(0);
        assertThat(Files.readString(svg)).startsWith("<?xml").contains("<style>", "data-state=\"Fan &quot;out&quot;\"",
                "data-state=\"A\"", "class=\"edge catch\"").endsWith("</svg>\n");
    }

    @Test
    void graph_mermaid_printsFlowchartWithSubgraphs(@TempDir Path dir) throws Exception {
        Path def = Files.writeString(dir.resolve("machine.json"), DEFINITION);
        CliRun.Outcome run = CliRun.flowstate("graph", def.toString(), "--format", "mermaid");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).startsWith("flowchart TD\n").contains("subgraph", "Fan #quot;out#quot; (Parallel)",
                "-.->|\"States.ALL\"|", "([\"Start\"])");
    }

    @Test
    void graph_missingFile_exit2() {
        assertThat(CliRun.flowstate("graph", "/no/such/file.json").exit()).isEqualTo(2);
    }
}
