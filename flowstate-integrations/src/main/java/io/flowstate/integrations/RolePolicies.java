package io.flowstate.integrations;

/**
 * The identity policies of the IAM roles executions run as: what {@link RoleLimitedTasks} asks before a Task
 * calls anything. The server answers from its {@code --policies} file; a role the file does not name is
 * {@link Decision#UNLIMITED}, so state machines whose role has no policies call what they like, as before.
 */
@FunctionalInterface
public interface RolePolicies {
    /** How a role's policies answer one IAM action on one resource. */
    enum Decision {
        /** The role has no policies here: nothing is limited. */
        UNLIMITED,
        /** A statement allows it and none denies it. */
        ALLOWED,
        /** No statement allows it. */
        NOT_ALLOWED,
        /** A statement denies it. */
        DENIED
    }

    /** No role is limited. */
    RolePolicies NONE = (role, action, resource) -> Decision.UNLIMITED;

    /** What the policies of {@code roleArn} say about {@code action} ({@code sqs:SendMessage}) on {@code resource}. */
    Decision decide(String roleArn, String action, String resource);
}
