package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import io.flowstate.engine.task.TaskInvocation;
import io.flowstate.integrations.TaskPermissions.Permission;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The IAM action and resource each integration needs, as AWS's "IAM policies for integrated services" list them. */
class TaskPermissionsTest {
    private static final String EXECUTION = "arn:aws:states:eu-west-1:111122223333:execution:Jobs:run-1";

    private static TaskInvocation call(String resource, String params) throws Exception {
        return new TaskInvocation(resource, Json.parse(params.replace('\'', '"')), EXECUTION, "S", 0,
                Optional.empty(), Optional.empty());
    }

    @Test
    void of_lambdaFunctionArn_invokeFunctionOnIt() throws Exception {
        String fn = "arn:aws:lambda:eu-west-1:111122223333:function:work:live";

        assertThat(TaskPermissions.of(call(fn, "{}"))).containsExactly(new Permission("lambda:InvokeFunction", fn));
    }

    @Test
    void of_lambdaInvokeByNameOrPartialArn_wholeArnInTheExecutionsRegionAndAccount() throws Exception {
        String r = "arn:aws:states:::lambda:invoke";
        String fn = "arn:aws:lambda:eu-west-1:111122223333:function:work";

        assertThat(TaskPermissions.of(call(r, "{'FunctionName':'work'}")))
                .containsExactly(new Permission("lambda:InvokeFunction", fn));
        assertThat(TaskPermissions.of(call(r, "{'FunctionName':'work','Qualifier':'2'}")))
                .containsExactly(new Permission("lambda:InvokeFunction", fn + ":2"));
        assertThat(TaskPermissions.of(call(r + ".waitForTaskToken", "{'FunctionName':'111122223333:function:work'}")))
                .containsExactly(new Permission("lambda:InvokeFunction", fn));
    }

    @Test
    void of_sqsSendMessage_queueArnFromAwsOrLocalUrl() throws Exception {
        String r = "arn:aws:states:::sqs:sendMessage";

        assertThat(TaskPermissions.of(call(r, "{'QueueUrl':'https://sqs.us-east-2.amazonaws.com/444455556666/q1'}")))
                .containsExactly(new Permission("sqs:SendMessage", "arn:aws:sqs:us-east-2:444455556666:q1"));
        assertThat(TaskPermissions.of(call(r, "{'QueueUrl':'http://127.0.0.1:5000/123456789012/q2'}")))
                .containsExactly(new Permission("sqs:SendMessage", "arn:aws:sqs:eu-west-1:123456789012:q2"));
    }

    @Test
    void of_otherOptimizedIntegrations_theirActionsAndResources() throws Exception {
        assertThat(TaskPermissions.of(call("arn:aws:states:::sns:publish", "{'TopicArn':'arn:aws:sns:eu-west-1:1:t'}")))
                .containsExactly(new Permission("sns:Publish", "arn:aws:sns:eu-west-1:1:t"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::dynamodb:putItem", "{'TableName':'Orders'}")))
                .containsExactly(new Permission("dynamodb:PutItem", "arn:aws:dynamodb:eu-west-1:111122223333:table/Orders"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::states:startExecution.sync:2",
                "{'StateMachineArn':'arn:aws:states:eu-west-1:111122223333:stateMachine:Child'}")))
                .containsExactly(new Permission("states:StartExecution",
                        "arn:aws:states:eu-west-1:111122223333:stateMachine:Child"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::events:putEvents",
                "{'Entries':[{'Detail':'{}'},{'EventBusName':'orders'},{'EventBusName':'orders'}]}")))
                .containsExactly(new Permission("events:PutEvents", "arn:aws:events:eu-west-1:111122223333:event-bus/default"),
                        new Permission("events:PutEvents", "arn:aws:events:eu-west-1:111122223333:event-bus/orders"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::http:invoke", "{'ApiEndpoint':'https://example.com'}")))
                .containsExactly(new Permission("states:InvokeHTTPEndpoint",
                        "arn:aws:states:eu-west-1:111122223333:stateMachine:Jobs"));
    }

    @Test
    void of_awsSdk_iamPrefixAndActionWithDerivedResourceOrStar() throws Exception {
        assertThat(TaskPermissions.of(call("arn:aws:states:::aws-sdk:s3:getObject", "{'Bucket':'b','Key':'k/1'}")))
                .containsExactly(new Permission("s3:GetObject", "arn:aws:s3:::b/k/1"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::aws-sdk:s3:listObjectsV2", "{'Bucket':'b'}")))
                .containsExactly(new Permission("s3:ListBucket", "arn:aws:s3:::b"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::aws-sdk:sqs:receiveMessage",
                "{'QueueUrl':'https://sqs.eu-west-1.amazonaws.com/111122223333/q'}")))
                .containsExactly(new Permission("sqs:ReceiveMessage", "arn:aws:sqs:eu-west-1:111122223333:q"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::aws-sdk:sfn:listStateMachines", "{}")))
                .containsExactly(new Permission("states:ListStateMachines", "*"));
        assertThat(TaskPermissions.of(call("arn:aws:states:::aws-sdk:secretsmanager:getSecretValue", "{'SecretId':'x'}")))
                .containsExactly(new Permission("secretsmanager:GetSecretValue", "*"));
    }

    @Test
    void of_itemReaderAndResultWriter_s3ObjectsTheyReadAndWrite() throws Exception {
        JsonNode reader = Json.object().put("MaxItems", 0);
        TaskInvocation read = new TaskInvocation("arn:aws:states:::s3:getObject",
                Json.parse("{\"Bucket\":\"in\",\"Key\":\"items.json\"}"), EXECUTION, "Map", 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(reader));
        JsonNode writer = Json.object().set("ResultWriter", Json.object());
        TaskInvocation write = new TaskInvocation("arn:aws:states:::s3:putObject",
                Json.parse("{\"Bucket\":\"out\",\"Prefix\":\"runs/\"}"), EXECUTION, "Map", 0, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(writer));

        assertThat(TaskPermissions.of(read)).containsExactly(new Permission("s3:GetObject", "arn:aws:s3:::in/items.json"));
        assertThat(TaskPermissions.of(write)).containsExactly(new Permission("s3:PutObject", "arn:aws:s3:::out/runs/*"));
    }

    @Test
    void of_activity_needsNothingFromTheRole() throws Exception {
        assertThat(TaskPermissions.of(call("arn:aws:states:eu-west-1:111122223333:activity:a", "{}"))).isEmpty();
    }
}
