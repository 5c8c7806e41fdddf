package io.flowstate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.cli.template.RunDefinition;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.ExecutionStatus;
import io.flowstate.engine.local.LocalRunner;
import io.flowstate.engine.local.RunClock;
import io.flowstate.engine.local.RunResult;
import io.flowstate.engine.local.VirtualClock;
import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.mock.MockConfig;
import io.flowstate.engine.task.mock.MockTaskHandler;
import io.flowstate.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowstate run DEFINITION.json}: one Standard execution in process. SUCCEEDED prints the output and
 * exits 0; FAILED, TIMED_OUT or ABORTED print {@code {"status","error","cause"}} and exit 1; an invalid
 * definition, template, input or option prints diagnostics on stderr and exits 2. The file may also be a SAM or
 * CloudFormation template (see {@link RunDefinition}).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Runs one execution of a definition in process.")
final class RunCommand implements Callable<Integer> {
    /** The region and account of the run's ARNs, and of the stack a template is read as. */
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";

    @Parameters(index = "0", paramLabel = "DEFINITION.json|TEMPLATE",
            description = "The ASL definition file, or a SAM/CloudFormation template (YAML or JSON, CDK's cdk.out too).")
    Path definition;

    @Option(names = "--resource", paramLabel = "LOGICAL_ID",
            description = "The template's state machine to run (needed when it declares several).")
    String resource;

    @Option(names = "--parameters", paramLabel = "FILE",
            description = "Template parameter values: a JSON/YAML object, or [{\"ParameterKey\":..,\"ParameterValue\":..}].")
    Path parameters;

    @Option(names = "--input", paramLabel = "JSON|@FILE", defaultValue = "{}",
            description = "The execution input, inline or @file (default: {}).")
    String input;

    @Option(names = "--name", description = "The execution name (default: a UUID).")
    String name;

    @Option(names = "--state-machine-name",
            description = "The state machine name (default: the definition file name without .json; for a template, "
                    + "its StateMachineName or logical id).")
    String stateMachineName;

    @Option(names = "--mock-config", paramLabel = "FILE",
            description = "Step Functions Local MockConfigFile answering Task states.")
    Path mockConfig;

    @Option(names = "--test-case", paramLabel = "NAME", description = "The mock config test case to use.")
    String testCase;

    @Option(names = "--integrations", paramLabel = "FILE",
            description = "Routes Task calls by Resource ARN pattern or state name (as for `server`).")
    Path integrationsFile;

    @Option(names = "--skip-waits", description = "Virtual time: jump to each timer instead of waiting.")
    boolean skipWaits;

    @Option(names = "--history", paramLabel = "FILE", description = "Write the events as GetExecutionHistory's JSON.")
    Path history;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(definition)) {
            return usage("no such file: " + definition);
        }
        RunDefinition source;
        try {
            source = RunDefinition.of(definition, Optional.ofNullable(resource), Optional.ofNullable(parameters),
                    REGION, ACCOUNT);
        } catch (TemplateException e) {
            return usage(e.getMessage());
        }
        ParseResult parsed = AslParser.parse(source.text());
        if (!parsed.isValid()) {
            System.err.println(Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(Diagnostics.validationResponse(parsed)));
            return 2;
        }
        StateMachine machine = parsed.machine().orElseThrow();
        JsonNode inputJson;
        String inputText;
        try {
                inputText = input.startsWith("@") ? Files.readString(Path.of(input.substring(1))) : input;
            inputJson = Json.parse(inputText);
        } catch (JsonProcessingException e) {
            return usage("the input is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            return usage("cannot read the input file: " + e.getMessage());
        }
        String smName = stateMachineName != null ? stateMachineName : source.name();
        RunClock clock = skipWaits ? new VirtualClock(Instant.now()) : RunClock.system();
        String execName = name != null ? name : UUID.randomUUID().toString();
        ExecutionInfo info = ExecutionInfo.of(REGION, ACCOUNT, smName, execName,
                "arn:aws:iam::" + ACCOUNT + ":role/flowstate-local", clock.instant(), inputJson).withInputText(inputText);
        RunResult result;
        // Mocked states first, then the routing file's routes, then the integrations.
        try (TaskWiring wiring = new TaskWiring(Optional.ofNullable(integrationsFile), REGION)) {
            TaskHandler tasks = taskHandler(smName, wiring.tasks);
            result = new LocalRunner(tasks, clock).run(machine, info);
        } catch (IllegalArgumentException e) {
            return usage(e.getMessage());
        }
        if (history != null) {
            Files.writeString(history, Json.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(HistoryJson.history(result.history(), result.payloads())));
        }
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            System.out.println(Json.write(result.output().orElseThrow()));
            return 0;
        }
        ObjectNode out = Json.object();
        out.put("status", result.status().name());
        result.error().ifPresent(e -> out.put("error", e));
        result.cause().ifPresent(c -> out.put("cause", c));
        System.out.println(Json.write(out));
        return 1;
    }

    private TaskHandler taskHandler(String smName, TaskHandler fallback) throws java.io.IOException {
        if (mockConfig == null) {
            if (testCase != null) {
                throw new IllegalArgumentException("--test-case needs --mock-config");
            }
            return fallback;
        }
        if (testCase == null) {
            throw new IllegalArgumentException("--mock-config needs --test-case");
        }
        JsonNode configJson;
        try {
            configJson = Json.parse(Files.readString(mockConfig));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the mock config is not valid JSON: " + e.getOriginalMessage());
        }
        MockConfig config = MockConfig.of(configJson);
        List<String> machines = config.stateMachines();
        String machineKey = machines.contains(smName) || machines.size() != 1 ? smName : machines.get(0);
        return new MockTaskHandler(config, machineKey, testCase, fallback);
    }

    private static int usage(String message) {
        System.err.println("flowstate: " + message);
        return 2;
    }
}
