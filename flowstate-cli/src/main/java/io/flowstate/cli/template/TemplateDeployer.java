package io.flowstate.cli.template;

import io.flowstate.api.ApiException;
import io.flowstate.api.model.CreateStateMachine;
import io.flowstate.api.model.DescribeStateMachine;
import io.flowstate.api.model.StateMachineType;
import io.flowstate.api.model.UpdateStateMachine;
import io.flowstate.api.service.ApiContext;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.template.ParameterFile;
import io.flowstate.template.Stack;
import io.flowstate.template.StateMachineResource;
import io.flowstate.template.Template;
import io.flowstate.template.TemplateException;
import io.flowstate.template.TemplatePath;
import io.flowstate.template.Templates;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code flowstate server --deploy TEMPLATE}: makes the server hold each state machine of each template, under
 * its name, through the service's own CreateStateMachine and UpdateStateMachine, as a stack update would. It is
 * idempotent: a state machine whose definition and role are unchanged is left alone (no new revision), a changed
 * one is updated, a missing one created. Every template is read before anything is deployed, so a bad template
 * changes nothing; a service error (an invalid definition) is reported with the state machine's path.
 */
public final class TemplateDeployer {
    /** What deploying one state machine did. */
    public enum Action { CREATED, UPDATED, UNCHANGED }

    /** One state machine deployed. */
    public record Deployed(String name, String arn, Action action, TemplatePath path) {}

    private TemplateDeployer() {}

    /** Deploys every state machine of {@code templates} to {@code service} (in {@code region}, {@code account}). */
    public static List<Deployed> deploy(StepFunctions service, String region, String account, List<Path> templates,
            Optional<Path> parameters, PrintStream log) throws IOException {
        Map<String, String> values = ParameterFile.read(parameters);
        List<StateMachineResource> machines = new ArrayList<>();
        Map<String, StateMachineResource> byName = new HashMap<>();
        for (Path file : templates) {
            if (!Files.isRegularFile(file)) {
                throw new TemplateException(file + ": no such template file");
            }
            Template template = Templates.read(file)
                    .orElseThrow(() -> new TemplateException(file + ": not a SAM or CloudFormation template"));
            for (StateMachineResource m : Templates.stateMachines(template, Stack.of(region, account, file), values)) {
                StateMachineResource other = byName.putIfAbsent(m.name(), m);
                if (other != null) {
                    throw m.path().error("state machine name " + m.name() + " is also deployed by " + other.path());
                }
                machines.add(m);
            }
        }
        ApiContext ctx = new ApiContext(region, account, InstantSource.system());
        List<Deployed> deployed = new ArrayList<>();
        for (StateMachineResource m : machines) {
            Deployed d = deploy(service, ctx.arn("stateMachine:" + m.name()), m);
            log.printf("flowstate: %s state machine %s from %s%n", d.action().name().toLowerCase(Locale.ROOT),
                    d.name(), m.path());
            deployed.add(d);
        }
        return deployed;
    }

    private static Deployed deploy(StepFunctions service, String arn, StateMachineResource m) {
        try {
            DescribeStateMachine.Response current;
            try {
                current = (DescribeStateMachine.Response) service.handle(
                        new DescribeStateMachine.Request(arn, Optional.empty()));
            } catch (ApiException.StateMachineDoesNotExist e) {
                service.handle(new CreateStateMachine.Request(m.name(), m.definition(), m.roleArn(),
                        Optional.of(StateMachineType.valueOf(m.type())), Optional.empty(), List.of(), Optional.empty(),
                        false, Optional.empty(), Optional.empty()));
                return new Deployed(m.name(), arn, Action.CREATED, m.path());
            }
            if (!current.type().equals(m.type())) {
                // AWS replaces the resource; deleting it here would also drop its executions, which is for the user to decide.
                throw m.path().error("the server's state machine " + m.name() + " is " + current.type() + " and the "
                        + "template's is " + m.type() + ": a type cannot change; delete the state machine first");
            }
            if (current.definition().equals(Optional.of(m.definition())) && current.roleArn().equals(m.roleArn())) {
                return new Deployed(m.name(), arn, Action.UNCHANGED, m.path());
            }
            service.handle(new UpdateStateMachine.Request(arn, Optional.of(m.definition()), Optional.of(m.roleArn()),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), Optional.empty()));
            return new Deployed(m.name(), arn, Action.UPDATED, m.path());
        } catch (ApiException e) {
            throw m.path().error("cannot deploy state machine " + m.name() + ": " + e.code() + ": " + e.getMessage());
        }
    }
}
