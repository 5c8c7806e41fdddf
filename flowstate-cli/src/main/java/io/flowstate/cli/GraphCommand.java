package io.flowstate.cli;

import io.flowstate.console.graph.ElkLayout;
import io.flowstate.console.graph.Flow;
import io.flowstate.console.graph.Flows;
import io.flowstate.console.graph.Mermaid;
import io.flowstate.console.graph.StandaloneSvg;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowstate graph DEFINITION.json}: the console's drawing of a definition as an SVG file (the same ELK
 * layout), or as Mermaid text for documentation; to stdout, or to {@code --output}.
 */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Draws a definition's graph as SVG (the console's layout) or as a Mermaid flowchart.")
final class GraphCommand implements Callable<Integer> {
    /** The output formats. */
    enum Format { svg, mermaid }

    @Parameters(index = "0", paramLabel = "DEFINITION.json", description = "The ASL definition file.")
    Path definition;

    @Option(names = "--format", defaultValue = "svg", description = "svg or mermaid (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    Path output;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(definition)) {
            System.err.println("flowstate: no such file: " + definition);
            return 2;
        }
        Flow flow;
        try {
            flow = Flows.of(Files.readString(definition));
        } catch (IllegalArgumentException e) {
            System.err.println("flowstate: " + definition + ": " + e.getMessage());
            return 2;
        }
        String text = switch (format) {
            case svg -> StandaloneSvg.of(ElkLayout.layout(flow), Optional.empty());
            case mermaid -> Mermaid.of(flow);
        };
        if (output == null) {
            System.out.print(text);
            System.out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return 0;
    }
}
