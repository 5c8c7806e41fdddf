package io.flowstate.integrations.logs;

import static java.util.Objects.requireNonNull;

import io.flowstate.integrations.sdk.SdkClients;
import io.flowstate.integrations.sdk.SdkService;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * Looks log groups up with DescribeLogGroups, for the check CreateStateMachine makes of a logging destination.
 * When CloudWatch Logs cannot be asked (unreachable, no credentials), a group is taken to exist: the check is
 * AWS's courtesy, and a local server should not refuse a state machine because nothing answered.
 */
public final class LogGroups {
    private final SdkClients clients;

    /** Looks up where {@code clients} route CloudWatch Logs. */
    public LogGroups(SdkClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    /** Whether the log group of {@code logGroupArn} exists (true when the ARN names none: the API checks its form). */
    public boolean exists(String logGroupArn) {
        Optional<String> name = LogTarget.groupName(logGroupArn);
        if (name.isEmpty()) {
            return true;
        }
        try {
            CloudWatchLogsClient logs = (CloudWatchLogsClient) clients.client(SdkService.find("cloudwatchlogs").orElseThrow());
            return logs.describeLogGroupsPaginator(b -> b.logGroupNamePrefix(name.get())).logGroups().stream()
                    .map(LogGroup::logGroupName).anyMatch(name.get()::equals);
        } catch (RuntimeException e) {
            System.getLogger(LogGroups.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot check log group " + name.get() + ", taking it to exist: " + e.getMessage());
            return true;
        }
    }
}
