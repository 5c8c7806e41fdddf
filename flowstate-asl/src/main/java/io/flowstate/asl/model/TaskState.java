package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * {@code "Type": "Task"}: calls a resource (Lambda, an activity, a service integration). {@code arguments} is
 * the JSONata-mode {@code Arguments}; {@code credentials} is the compiled {@code Credentials} object ({@code RoleArn}).
 */
public record TaskState(
        StateCommon common,
        Transition transition,
        IoSpec io,
        String resource,
        Optional<Template> arguments,
        Optional<IntSource> timeoutSeconds,
        Optional<IntSource> heartbeatSeconds,
        List<Retrier> retry,
        List<Catcher> catchers,
        Optional<Template> credentials) implements State {
    public TaskState {
        requireNonNull(common, "common is null");
        requireNonNull(transition, "transition is null");
        requireNonNull(io, "io is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(arguments, "arguments is null");
        requireNonNull(timeoutSeconds, "timeoutSeconds is null");
        requireNonNull(heartbeatSeconds, "heartbeatSeconds is null");
        retry = List.copyOf(retry);
        catchers = List.copyOf(catchers);
        requireNonNull(credentials, "credentials is null");
    }

    @Override
    public String type() {
        return "Task";
    }
}
