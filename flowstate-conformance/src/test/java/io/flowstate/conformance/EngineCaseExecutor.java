package io.flowstate.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.DefinitionErrors;
import io.flowstate.asl.parse.MachineType;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.engine.history.HistoryEvent;
import io.flowstate.engine.history.HistoryJson;
import io.flowstate.engine.interp.ExecutionInfo;
import io.flowstate.engine.interp.Trigger;
import io.flowstate.engine.local.LocalRunner;
import io.flowstate.engine.local.RunResult;
import io.flowstate.engine.local.VirtualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Flowstate's engine judged by the corpus: parses as CreateStateMachine would and runs each execution in
 * process on a virtual clock (Waits, back-off and Lambda sleeps take no real time), with the case's Lambda
 * functions as in-process task handlers.
 */
public final class EngineCaseExecutor implements CaseExecutor {
    @Override
    public ExecutionResult execute(ExecutionRequest request) {
        ParseResult parsed = AslParser.parse(request.definition(), MachineType.valueOf(request.type()));
        StateMachine machine = parsed.machine().orElseThrow(() -> new IllegalStateException(
                "definition rejected: " + parsed.errors()));
        JsonNode input;
        try {
            input = io.flowstate.asl.json.Json.parse(request.input());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("input is not JSON: " + e.getOriginalMessage());
        }
        VirtualClock clock = new VirtualClock(Instant.now());
        ExecutionInfo info = new ExecutionInfo(Arns.execution(request.stateMachineName(), request.executionName()),
                request.executionName(), request.stateMachineArn(), request.stateMachineName(), request.roleArn(),
                Arns.REGION, clock.instant(), input, Optional.of(request.input()));
        Optional<Trigger.Stop> stop = request.stop().map(s -> new Trigger.Stop(s.error(), s.cause()));
        RunResult result;
        try {
            result = new LocalRunner(new CorpusLambdas(request.lambdas(), clock), clock).run(machine, info, stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        List<JsonNode> events = new ArrayList<>();
        for (HistoryEvent e : result.history()) {
            events.add(HistoryJson.event(e, result.payloads()));
        }
        return new ExecutionResult(result.status().name(), result.output(), result.error(), result.cause(), events);
    }

    @Override
    public Optional<Rejection> create(String definition, String type) {
        ParseResult parsed = AslParser.parse(definition, MachineType.valueOf(type));
        if (parsed.isValid()) {
            return Optional.empty();
        }
        return Optional.of(new Rejection("InvalidDefinition", DefinitionErrors.invalidDefinitionMessage(parsed.errors())));
    }
}
