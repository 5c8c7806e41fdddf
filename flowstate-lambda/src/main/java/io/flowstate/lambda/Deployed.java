package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A function this server has: its configuration, what runs it, and (for a deployment package) the package and
 * where it is extracted.
 */
record Deployed(FunctionConfig config, FunctionRuntime runtime, Optional<byte[]> zip, Optional<Path> taskRoot) {
    Deployed {
        requireNonNull(config, "config is null");
        requireNonNull(runtime, "runtime is null");
        requireNonNull(zip, "zip is null");
        requireNonNull(taskRoot, "taskRoot is null");
    }

    /** Stops its processes and removes its extracted code. */
    void destroy() {
        runtime.close();
        taskRoot.ifPresent(CodeArchive::delete);
    }
}
