package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a checked CreateFunction request into a runnable function: the package extracted into its own task root,
 * the interpreter found, and the environment Lambda gives a function's process (its reserved variables, the
 * function's own, and from this machine only what a process needs to run: {@code PATH}, {@code HOME}, and the
 * AWS credentials and endpoints the server was started with, so a function can call AWS or a local stand-in).
 */
final class Deployer {
    private static final List<String> PASSED_THROUGH = List.of("PATH", "HOME",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private final LambdaServer.Settings settings;
    private final Path functionsDir;
    private final Path bootstrapDir;
    private final Interpreters interpreters;
    private final Function<String, Consumer<String>> logs;

    Deployer(LambdaServer.Settings settings, Path functionsDir, Path bootstrapDir,
             Function<String, Consumer<String>> logs) {
        this.settings = requireNonNull(settings, "settings is null");
        this.functionsDir = requireNonNull(functionsDir, "functionsDir is null");
        this.bootstrapDir = requireNonNull(bootstrapDir, "bootstrapDir is null");
        this.interpreters = new Interpreters(settings.python(), settings.node());
        this.logs = requireNonNull(logs, "logs is null");
    }

    Interpreters interpreters() {
        return interpreters;
    }

    Deployed deploy(CreateFunctionRequest request, Instant now) {
        Language language = Runtimes.check(request.runtime());
        String interpreter = interpreters.find(language, request.runtime()).orElseThrow(() ->
                LambdaError.INVALID_PARAMETER_VALUE.exception("Runtime " + request.runtime() + " needs "
                        + (language == Language.PYTHON ? settings.python() : settings.node())
                        + ", which this machine does not have (see flowstate lambda --help)"));
        String name = request.ref().name();
        FunctionConfig config = new FunctionConfig(name, Arns.function(settings.region(), settings.account(), name),
                request.runtime(), request.role(), request.handler(), request.description(),
                request.timeoutSeconds(), request.memorySize(), request.environment(), request.zipFile().length,
                CodeArchive.sha256(request.zipFile()), now, UUID.randomUUID().toString());
        Path taskRoot = functionsDir.resolve(name + "-" + config.revisionId().substring(0, 8));
        CodeArchive.extract(request.zipFile(), taskRoot);
        ProcessSpec spec = new ProcessSpec(name, language.command(interpreter, bootstrapDir), taskRoot,
                environment(config, taskRoot, now));
        ProcessRuntime runtime = new ProcessRuntime(config, spec, settings.maxConcurrency(), logs.apply(name));
        return new Deployed(config, runtime, Optional.of(request.zipFile()), Optional.of(taskRoot));
    }

    private Map<String, String> environment(FunctionConfig config, Path taskRoot, Instant now) {
        Map<String, String> env = new HashMap<>();
        Map<String, String> host = System.getenv();
        PASSED_THROUGH.stream().filter(host::containsKey).forEach(k -> env.put(k, host.get(k)));
        host.keySet().stream().filter(k -> k.startsWith("AWS_ENDPOINT_URL")).forEach(k -> env.put(k, host.get(k)));
        env.putAll(config.environment());
        String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").format(LocalDate.ofInstant(now, ZoneOffset.UTC));
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", bootstrapDir.toString());
        env.put("_HANDLER", config.handler());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + config.runtime());
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memorySize()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", day + "/[$LATEST]" + config.revisionId().replace("-", ""));
        env.put("AWS_REGION", settings.region());
        env.put("AWS_DEFAULT_REGION", settings.region());
        return env;
    }
}
