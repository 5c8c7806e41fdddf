package io.flowstate.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.api.model.DescribeExecution;
import io.flowstate.api.model.ListStateMachines;
import io.flowstate.api.model.StartExecution;
import io.flowstate.asl.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The checks the console makes for its signed-in user: a key's secret, and a policy over a typed request. */
class ConsoleChecksTest {
    private static final String SM = "arn:aws:states:us-east-1:123456789012:stateMachine:jobs-a";
    private static final AccessKeys KEYS = AccessKeys.parse(List.of("[ci]", "aws_access_key_id = AKIDCI",
            "aws_secret_access_key = s3cret"), "test");

    @Test
    void login_rightSecret_givesTheKey() {
        assertThat(KEYS.login("AKIDCI", "s3cret")).map(AccessKeys.Key::profile).contains("ci");
    }

    @Test
    void login_wrongSecretOrUnknownId_givesNothing() {
        assertThat(KEYS.login("AKIDCI", "s3cre")).isEmpty();
        assertThat(KEYS.login("AKIDCI", "")).isEmpty();
        assertThat(KEYS.login("AKIDOTHER", "s3cret")).isEmpty();
        assertThat(KEYS.login("AKIDOTHER", "")).isEmpty();
    }

    @Test
    void authorize_typedRequest_usesTheOperationAndTheArnItNames() throws Exception {
        Policies p = Policies.parse(Json.parse("""
                {"ci": {"Statement": [{"Effect": "Allow", "Action": ["states:StartExecution", "states:List*"],
                  "Resource": ["arn:aws:states:us-east-1:123456789012:stateMachine:jobs-*", "*"]}]}}"""), "test");
        AccessControl access = new AccessControl(Authenticator.NONE, Optional.of(p), "us-east-1", "123456789012");
        AccessKeys.Key ci = KEYS.find("AKIDCI").orElseThrow();

        assertThat(access.authorize(ci, new StartExecution.Request(SM, Optional.empty(), Optional.empty(),
                Optional.empty()))).isEmpty();
        assertThat(access.authorize(ci, new ListStateMachines.Request(Optional.empty(), Optional.empty()))).isEmpty();
        AuthFailure refused = access.authorize(ci, new DescribeExecution.Request(SM.replace("stateMachine", "execution")
                + ":run-1", Optional.empty())).orElseThrow();
        assertThat(refused.message()).isEqualTo("User: arn:aws:iam::123456789012:user/ci is not authorized to "
                + "perform: states:DescribeExecution on resource: arn:aws:states:us-east-1:123456789012:execution:"
                + "jobs-a:run-1 because no identity-based policy allows the states:DescribeExecution action");
    }

    @Test
    void authorize_noPolicies_allowsEverything() {
        AccessControl access = new AccessControl(Authenticator.NONE, Optional.empty(), "us-east-1", "123456789012");
        assertThat(access.authorize(KEYS.find("AKIDCI").orElseThrow(), new DescribeExecution.Request("arn:x",
                Optional.empty()))).isEmpty();
    }
}
