package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import io.flowstate.engine.task.TaskHandler;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.util.Optional;

/**
 * Task calls limited by the identity policies of the role they run as: the Task's {@code Credentials} role when
 * it names one, else the execution's (its state machine's {@code roleArn}). Each permission the call needs
 * ({@link TaskPermissions}) is asked of {@link RolePolicies}; the first one refused fails the task with the
 * service's access-denied error ({@link AccessDenials}) before anything is called. A role without policies, and
 * a call without a role, go through unchecked.
 */
public final class RoleLimitedTasks implements TaskHandler {
    private final TaskHandler inner;
    private final RolePolicies policies;

    /** Calls {@code inner} for what {@code policies} allow. */
    public RoleLimitedTasks(TaskHandler inner, RolePolicies policies) {
        this.inner = requireNonNull(inner, "inner is null");
        this.policies = requireNonNull(policies, "policies is null");
    }

    @Override
    public TaskOutcome invoke(TaskInvocation inv) {
        Optional<String> role = inv.roleArn().or(inv::executionRoleArn);
        if (role.isEmpty()) {
            return inner.invoke(inv);
        }
        for (TaskPermissions.Permission p : TaskPermissions.of(inv)) {
            switch (policies.decide(role.get(), p.action(), p.resource())) {
                case UNLIMITED -> {
                    return inner.invoke(inv);
                }
                case ALLOWED -> { }
                case NOT_ALLOWED -> {
                    return AccessDenials.of(inv, role.get(), p, false);
                }
                case DENIED -> {
                    return AccessDenials.of(inv, role.get(), p, true);
                }
            }
        }
        return inner.invoke(inv);
    }
}
