package io.flowstate.cli.template;

import static java.util.Objects.requireNonNull;

import io.flowstate.template.ParameterFile;
import io.flowstate.template.Stack;
import io.flowstate.template.StateMachineResource;
import io.flowstate.template.Template;
import io.flowstate.template.TemplateException;
import io.flowstate.template.Templates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code flowstate run FILE} runs: the ASL definition text and the state machine's name (which mock
 * configurations are keyed by). From an ASL file: its text, named after the file without {@code .json} or
 * {@code .asl.json}. From a SAM or CloudFormation template: its one state machine, or the one
 * {@code --resource} names, resolved as a stack in the run's region and account and named by its
 * {@code StateMachineName} (SAM: {@code Name}) or logical id.
 */
public record RunDefinition(String text, String name) {
    public RunDefinition {
        requireNonNull(text, "text is null");
        requireNonNull(name, "name is null");
    }

    /** The definition to run from {@code file}; {@link TemplateException} for a template Flowstate cannot read. */
    public static RunDefinition of(Path file, Optional<String> resource, Optional<Path> parameters, String region,
            String account) throws IOException {
        Optional<Template> template = Templates.read(file);
        if (template.isEmpty()) {
            if (resource.isPresent() || parameters.isPresent()) {
                throw new TemplateException(file + ": --resource and --parameters need a SAM or CloudFormation "
                        + "template, and this is not one");
            }
            return new RunDefinition(Files.readString(file),
                    file.getFileName().toString().replaceFirst("\\.(asl\\.)?json$", ""));
        }
        StateMachineResource machine = Templates.stateMachine(template.get(), Stack.of(region, account, file),
                ParameterFile.read(parameters), resource);
        return new RunDefinition(machine.definition(), machine.name());
    }
}
