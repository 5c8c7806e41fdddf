package io.flowstate.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.parse.MachineType;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.task.mock.MockConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * An embedded Flowstate for one test: loads state machines, binds what answers their Task states, and starts
 * executions that run in the test's thread on virtual time. {@link FlowstateExtension} injects a fresh one into
 * each test method ({@code void test(Flowstate flowstate)}); {@link #create()} makes one without JUnit.
 *
 * <pre>{@code
 * TestExecution run = flowstate.task("Charge").returns("{\"paid\":true}")
 *         .load(Path.of("src/main/resources/order.asl.json"))
 *         .start("{\"orderId\":\"o-1\"}");
 * assertThat(run).succeeded().visited("Charge", "Ship");
 * }</pre>
 *
 * <p>Bindings apply to the executions started after them. Not thread-safe: use it from the test's thread.
 */
public final class Flowstate {
    private FlowstateOptions options;
    private final TaskRouter tasks = new TaskRouter();
    private int started;

    private Flowstate(FlowstateOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    /** A Flowstate with {@link FlowstateOptions#defaults()}. */
    public static Flowstate create() {
        return new Flowstate(FlowstateOptions.defaults());
    }

    /** A Flowstate with {@code options}. */
    public static Flowstate create(FlowstateOptions options) {
        return new Flowstate(options);
    }

    /** The current options. */
    public FlowstateOptions options() {
        return options;
    }

    /** Changes the options for the executions started from now on, e.g. {@code o -> o.withClockMode(MANUAL)}. */
    public Flowstate configure(UnaryOperator<FlowstateOptions> change) {
        this.options = requireNonNull(change.apply(options), "the changed options are null");
        return this;
    }

    /** Executions started from now on move their clock only when the test says ({@link ClockMode#MANUAL}). */
    public Flowstate manualClock() {
        return configure(o -> o.withClockMode(ClockMode.MANUAL));
    }

    /** An ASL definition file ({@code .json}), or a SAM/CloudFormation template with one state machine. */
    public TestStateMachine load(Path file) {
        return Definitions.file(this, file, Optional.empty(), Map.of());
    }

    /** The state machine {@code logicalId} of a SAM/CloudFormation template, its parameters at their defaults. */
    public TestStateMachine loadTemplate(Path template, String logicalId) {
        return loadTemplate(template, logicalId, Map.of());
    }

    /** The state machine {@code logicalId} of a template, with these parameter values over the defaults. */
    public TestStateMachine loadTemplate(Path template, String logicalId, Map<String, String> parameters) {
        return Definitions.file(this, template, Optional.of(logicalId), parameters);
    }

    /** A definition (or template) on the test's classpath, e.g. {@code "order.asl.json"}. */
    public TestStateMachine loadResource(String resource) {
        return Definitions.resource(this, resource, classLoader());
    }

    /** A definition given as JSON text; its name is {@code StateMachine} (see {@link TestStateMachine#named}). */
    public TestStateMachine loadJson(String definition) {
        return Definitions.parse(this, "StateMachine", definition, MachineType.STANDARD,
                "definition");
    }

    /** Binds the Task state {@code stateName} (wherever it is: top level, Parallel branch, Map iteration). */
    public TaskBinding task(String stateName) {
        requireNonNull(stateName, "stateName is null");
        return new TaskBinding(this, h -> tasks.bindState(stateName, h), UnaryOperator.identity(), Duration.ZERO);
    }

    /**
     * Binds every Task whose Resource matches {@code arnPattern}, where {@code *} matches any run of characters:
     * {@code "arn:aws:states:::sqs:sendMessage*"}. The handler gets the effective parameters.
     */
    public TaskBinding resource(String arnPattern) {
        Pattern p = Pattern.compile(Pattern.quote(requireNonNull(arnPattern, "arnPattern is null"))
                .replace("*", "\\E.*\\Q"));
        return new TaskBinding(this, h -> tasks.bind(new TaskRouter.Binding(inv -> p.matcher(inv.resource()).matches(),
                h)), UnaryOperator.identity(), Duration.ZERO);
    }

    /**
     * Binds the Lambda function {@code functionName} (a name or an ARN), called through its function ARN or
     * through {@code arn:aws:states:::lambda:invoke}: the handler gets the payload and returns the function's
     * result, which lambda:invoke wraps as Invoke's response ({@code {"Payload": ..., "StatusCode": 200, ...}}).
     */
    public TaskBinding lambda(String functionName) {
        String name = LambdaFunctions.name(requireNonNull(functionName, "functionName is null"));
        return new TaskBinding(this, h -> tasks.bind(new TaskRouter.Binding(inv -> LambdaFunctions.calls(name, inv),
                h)), LambdaFunctions::adapt, Duration.ZERO);
    }

    /**
     * Answers the states that test case {@code testCase} of a Step Functions Local {@code MockConfigFile}
     * mocks, under the state machine's name (or the file's only state machine), counting calls per execution.
     */
    public Flowstate mockConfig(Path file, String testCase) {
        try {
            return mockConfig(JsonText.parse(Files.readString(file), "mock config " + file), testCase);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mock config " + file + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #mockConfig(Path, String)}, with the file's JSON. */
    public Flowstate mockConfig(JsonNode config, String testCase) {
        tasks.mock(MockConfig.of(config), testCase);
        return this;
    }

    /** Starts an execution of {@code machine}; see {@link TestStateMachine#start(String)}. */
    TestExecution start(TestStateMachine machine, String name, String inputText, JsonNode input) {
        String execName = name != null ? name : "exec-" + ++started;
        ExecutionInfo info = ExecutionInfo.of(options.region(), options.account(), machine.name(), execName,
                "arn:aws:iam::" + options.account() + ":role/flowstate-test", options.startTime(), input)
                .withInputText(inputText);
        Driver driver = new Driver(machine.machine(), info, tasks.bind(machine.name()));
        TestExecution execution = new TestExecution(driver, options.clockMode());
        driver.settle(options.clockMode());
        return execution;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Flowstate.class.getClassLoader();
    }
}
