package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one execution environment of a function.
 *
 * @param name the function name (names the reader threads)
 * @param command the interpreter and the bootstrap script
 * @param taskRoot the extracted deployment package, the working directory ({@code /var/task} on AWS)
 * @param environment the whole environment of the process: Lambda's variables and the function's own
 */
record ProcessSpec(String name, List<String> command, Path taskRoot, Map<String, String> environment) {
    ProcessSpec {
        requireNonNull(name, "name is null");
        command = List.copyOf(command);
        requireNonNull(taskRoot, "taskRoot is null");
        environment = Map.copyOf(environment);
    }
}
