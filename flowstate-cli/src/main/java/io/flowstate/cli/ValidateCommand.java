package io.flowstate.cli;

import io.flowstate.asl.json.Json;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.MachineType;
import io.flowstate.asl.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowstate validate DEFINITION.json}: what ValidateStateMachineDefinition returns; exit 0 OK, 2 FAIL. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Validates a definition and prints ValidateStateMachineDefinition's result as JSON.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DEFINITION.json", description = "The ASL definition file.")
    Path definition;

    @Option(names = "--type", defaultValue = "STANDARD", description = "STANDARD or EXPRESS (default: ${DEFAULT-VALUE}).")
    MachineType type;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(definition)) {
            System.err.println("flowstate: no such file: " + definition);
            return 2;
        }
        ParseResult result = AslParser.parse(Files.readString(definition), type);
        System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                Diagnostics.validationResponse(result)));
        return result.isValid() ? 0 : 2;
    }
}
