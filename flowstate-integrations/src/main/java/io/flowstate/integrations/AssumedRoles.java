package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import io.flowstate.integrations.sdk.SdkCall;
import io.flowstate.integrations.sdk.SdkClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Task {@code Credentials}: calls made as another role. The role is assumed through STS AssumeRole at the routed
 * STS endpoint, and its temporary credentials sign every call of the Tasks that name it until five minutes
 * before they expire.
 */
final class AssumedRoles implements AutoCloseable {
    private static final Duration MARGIN = Duration.ofMinutes(5);

    private record Session(Instant expires, SdkClients clients, TaskHandler handler) {}

    private final SdkClients base;
    private final Function<SdkClients, TaskHandler> handlers;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** Roles assumed with {@code base}'s STS route; {@code handlers} builds the handler that uses a role's clients. */
    AssumedRoles(SdkClients base, Function<SdkClients, TaskHandler> handlers) {
        this.base = requireNonNull(base, "base is null");
        this.handlers = requireNonNull(handlers, "handlers is null");
    }

    /** Runs {@code inv} with the credentials of its role. */
    TaskOutcome invoke(TaskInvocation inv) {
        String role = inv.roleArn().orElseThrow();
        Session s = sessions.get(role);
        if (s == null || Instant.now().isAfter(s.expires().minus(MARGIN))) {
            try {
                s = assume(role, inv.executionArn());
            } catch (SdkException e) {
                return TaskOutcome.Failure.of("States.TaskFailed", "Could not assume the role " + role + ": "
                        + ServiceErrors.message(e));
            }
            Session old = sessions.put(role, s);
            if (old != null) {
                old.clients().close();
            }
        }
        return s.handler().invoke(inv.withoutRole());
    }

    private Session assume(String role, String executionArn) {
        StsClient sts = (StsClient) base.client(SdkCall.service("sts"));
        String execution = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        String sessionName = ("flowstate-" + execution).replaceAll("[^\\w+=,.@-]", "-");
        Credentials c = sts.assumeRole(b -> b.roleArn(role)
                .roleSessionName(sessionName.length() > 64 ? sessionName.substring(0, 64) : sessionName)).credentials();
        SdkClients clients = base.withCredentials(StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken())));
        return new Session(c.expiration(), clients, handlers.apply(clients));
    }

    @Override
    public void close() {
        sessions.values().forEach(s -> s.clients().close());
    }
}
