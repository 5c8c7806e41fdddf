package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.engine.task.TaskOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Role policies in front of the task handler: what is refused never reaches it, and fails as AWS fails it. */
class RoleLimitedTasksTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/service/Jobs";
    private static final String EXECUTION = "arn:aws:states:eu-west-1:111122223333:execution:Jobs:run-1";
    private static final String ALLOWED_FN = "arn:aws:lambda:eu-west-1:111122223333:function:allowed";

    private final List<TaskInvocation> called = new ArrayList<>();
    private final RoleLimitedTasks tasks = new RoleLimitedTasks(inv -> {
        called.add(inv);
        return new TaskOutcome.Success(Json.object());
    }, (role, action, resource) -> !role.equals(ROLE) ? RolePolicies.Decision.UNLIMITED
            : resource.equals(ALLOWED_FN) ? RolePolicies.Decision.ALLOWED
            : resource.endsWith(":denied") ? RolePolicies.Decision.DENIED : RolePolicies.Decision.NOT_ALLOWED);

    private static TaskInvocation call(String resource, String params, String role) throws Exception {
        return new TaskInvocation(resource, Json.parse(params.replace('\'', '"')), EXECUTION, "S", 0,
                Optional.empty(), Optional.empty()).withExecutionRole(role);
    }

    @Test
    void invoke_allowedFunction_isCalled() throws Exception {
        assertThat(tasks.invoke(call(ALLOWED_FN, "{}", ROLE))).isInstanceOf(TaskOutcome.Success.class);
        assertThat(called).hasSize(1);
    }

    @Test
    void invoke_functionNotAllowed_failsAsLambdaDoesWithoutCalling() throws Exception {
        String other = "arn:aws:lambda:eu-west-1:111122223333:function:other";

        TaskOutcome.Failure f = (TaskOutcome.Failure) tasks.invoke(call(other, "{}", ROLE));

        assertThat(called).isEmpty();
        assertThat(f.error()).isEqualTo("Lambda.AWSLambdaException");
        assertThat(f.cause().orElseThrow()).startsWith("User: arn:aws:sts::111122223333:assumed-role/Jobs/run-1 is not authorized "
                + "to perform: lambda:InvokeFunction on resource: " + other + " because no identity-based policy "
                + "allows the lambda:InvokeFunction action (Service: AWSLambda; Status Code: 403; Error Code: "
                + "AccessDeniedException; Request ID: ")
                .endsWith("; Proxy: null)");
    }

    @Test
    void invoke_optimizedAndSdkIntegrations_namedByTheirOwnConventions() throws Exception {
        TaskOutcome.Failure sqs = (TaskOutcome.Failure) tasks.invoke(call("arn:aws:states:::sqs:sendMessage",
                "{'QueueUrl':'http://localhost:1/111122223333/q'}", ROLE));
        TaskOutcome.Failure sns = (TaskOutcome.Failure) tasks.invoke(call("arn:aws:states:::sns:publish",
                "{'TopicArn':'arn:aws:sns:eu-west-1:111122223333:denied'}", ROLE));
        TaskOutcome.Failure sdk = (TaskOutcome.Failure) tasks.invoke(call("arn:aws:states:::aws-sdk:sqs:sendMessage",
                "{'QueueUrl':'http://localhost:1/111122223333/q'}", ROLE));

        assertThat(sqs.error()).isEqualTo("SQS.AmazonSQSException");
        assertThat(sqs.cause().orElseThrow()).contains("not authorized to perform: sqs:sendmessage on resource: "
                + "arn:aws:sqs:eu-west-1:111122223333:q").contains("Error Code: AccessDenied;");
        assertThat(sns.error()).isEqualTo("SNS.AuthorizationErrorException");
        assertThat(sns.cause().orElseThrow()).contains("SNS:Publish on resource: arn:aws:sns:eu-west-1:111122223333:denied with an "
                + "explicit deny in an identity-based policy (Service: AmazonSNS; Status Code: 403; Error Code: "
                + "AuthorizationError;");
        assertThat(sdk.error()).isEqualTo("Sqs.SqsException");
        assertThat(sdk.cause().orElseThrow()).contains("(Service: Sqs, Status Code: 403, Request ID: ");
        assertThat(called).isEmpty();
    }

    @Test
    void invoke_roleWithoutPoliciesOrNoRole_isNotLimited() throws Exception {
        String other = "arn:aws:lambda:eu-west-1:111122223333:function:other";

        tasks.invoke(call(other, "{}", "arn:aws:iam::111122223333:role/Free"));
        tasks.invoke(call(other, "{}", ""));

        assertThat(called).hasSize(2);
    }

    @Test
    void invoke_taskCredentialsRole_isTheOneChecked() throws Exception {
        TaskInvocation asJobs = new TaskInvocation(ALLOWED_FN.replace("allowed", "other"), Json.object(), EXECUTION,
                "S", 0, Optional.empty(), Optional.empty(), Optional.of(ROLE)).withExecutionRole(
                        "arn:aws:iam::111122223333:role/Free");

        assertThat(tasks.invoke(asJobs)).isInstanceOf(TaskOutcome.Failure.class);
        assertThat(called).isEmpty();
    }
}
