package io.flowstate.api.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.api.ApiException;
import io.flowstate.api.model.SendTaskFailure;
import io.flowstate.api.model.SendTaskHeartbeat;
import io.flowstate.api.model.SendTaskSuccess;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.runtime.Engine;
import io.flowstate.engine.runtime.TokenOutcome;
import java.util.regex.Pattern;

/**
 * SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat: a token that cannot be one of ours is
 * {@code InvalidToken}; one no task ever had is {@code TaskDoesNotExist}; one whose task has ended (completed,
 * timed out, execution over) is {@code TaskTimedOut}, as AWS answers.
 */
public final class TaskService {
    /** The engine's tokens: 48 random bytes, URL-safe base64 without padding. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{64}");

    private final Engine engine;

    public TaskService(Engine engine) {
        this.engine = engine;
    }

    public SendTaskSuccess.Response success(SendTaskSuccess.Request r) {
        checkToken(r.taskToken());
        JsonNode output;
        try {
            output = Json.parse(r.output());
        } catch (JsonProcessingException e) {
            throw new ApiException.InvalidOutput("Invalid State Machine Output: '" + e.getOriginalMessage() + "'");
        }
        outcome(engine.taskSucceeded(r.taskToken(), output));
        return new SendTaskSuccess.Response();
    }

    public SendTaskFailure.Response failure(SendTaskFailure.Request r) {
        checkToken(r.taskToken());
        outcome(engine.taskFailed(r.taskToken(), r.error().orElse(""), r.cause()));
        return new SendTaskFailure.Response();
    }

    public SendTaskHeartbeat.Response heartbeat(SendTaskHeartbeat.Request r) {
        checkToken(r.taskToken());
        outcome(engine.taskHeartbeat(r.taskToken()));
        return new SendTaskHeartbeat.Response();
    }

    private static void checkToken(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new ApiException.InvalidToken("Invalid Token: 'Invalid token'");
        }
    }

    private static void outcome(TokenOutcome outcome) {
        switch (outcome) {
            case ACCEPTED -> { }
            case UNKNOWN_TOKEN -> throw new ApiException.TaskDoesNotExist("Task Does Not Exist: 'Provided task does not exist'");
            case TASK_GONE -> throw new ApiException.TaskTimedOut("Task Timed Out: 'Provided task does not exist anymore'");
        }
    }
}
