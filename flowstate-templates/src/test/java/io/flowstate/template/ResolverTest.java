package io.flowstate.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Intrinsic functions and the Ref/GetAtt values of each supported resource type, read as stack "demo". */
class ResolverTest {
    private static final String TEMPLATE = """
            Parameters:
              Stage: {Type: String, Default: dev}
              Subnets: {Type: CommaDelimitedList, Default: 'a, b,c'}
              Count: {Type: Number, Default: 3}
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsDev: !Not [!Condition IsProd]
              Both: !And [!Condition IsDev, !Or [!Equals [1, '1'], !Condition IsProd]]
            Mappings:
              Sizes: {dev: {Memory: 128}, prod: {Memory: 1024}}
            Resources:
              Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: !Sub 'work-${Stage}'}}
              SamFn: {Type: AWS::Serverless::Function}
              Queue: {Type: AWS::SQS::Queue}
              Fifo: {Type: AWS::SQS::Queue, Properties: {FifoQueue: true}}
              Topic: {Type: AWS::SNS::Topic, Properties: {TopicName: alerts}}
              Table: {Type: AWS::DynamoDB::Table, Properties: {TableName: orders}}
              Machine: {Type: AWS::StepFunctions::StateMachine, Properties: {StateMachineName: flow}}
              SamMachine: {Type: AWS::Serverless::StateMachine}
              Bucket: {Type: AWS::S3::Bucket}
              Bus: {Type: AWS::Events::EventBus, Properties: {Name: orders-bus}}
              Role: {Type: AWS::IAM::Role, Properties: {RoleName: runner, Path: /service-role/}}
              SimpleTable: {Type: AWS::Serverless::SimpleTable}
              Activity: {Type: AWS::StepFunctions::Activity, Properties: {Name: approve}}
              Connection: {Type: AWS::Events::Connection, Properties: {Name: partner}}
              Stream: {Type: AWS::Kinesis::Stream}
              Logs: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: /sfn/logs}}
              Cluster: {Type: AWS::ECS::Cluster}
              TaskDef: {Type: AWS::ECS::TaskDefinition, Properties: {Family: worker}}
              Secret: {Type: AWS::SecretsManager::Secret, Properties: {Name: api-key}}
              Job: {Type: AWS::Glue::Job, Properties: {Name: etl}}
              JobQueue: {Type: AWS::Batch::JobQueue}
            """;

    private final Resolver resolver = resolver(new Stack("eu-west-1", "111122223333", "demo"));

    private static Resolver resolver(Stack stack) {
        Template t = new Template("t.yaml", Path.of("."), (ObjectNode) YamlTemplates.parse(TEMPLATE, "t.yaml"));
        return new Resolver(t, stack, Map.of());
    }

    private JsonNode eval(String yaml) {
        return resolver.resolve(YamlTemplates.parse("v: " + yaml, "x.yaml").get("v"), TemplatePath.root("t.yaml").key("v"));
    }

    @ParameterizedTest(name = "Ref {0}")
    @CsvSource({
            "Fn, work-dev",
            "SamFn, SamFn",
            "Queue, https://sqs.eu-west-1.amazonaws.com/111122223333/Queue",
            "Fifo, https://sqs.eu-west-1.amazonaws.com/111122223333/Fifo.fifo",
            "Topic, arn:aws:sns:eu-west-1:111122223333:alerts",
            "Table, orders",
            "Machine, arn:aws:states:eu-west-1:111122223333:stateMachine:flow",
            "SamMachine, arn:aws:states:eu-west-1:111122223333:stateMachine:SamMachine",
            "Bucket, bucket",
            "Bus, orders-bus",
            "Role, runner",
            "SimpleTable, SimpleTable",
            "Activity, arn:aws:states:eu-west-1:111122223333:activity:approve",
            "Connection, partner",
            "Stream, Stream",
            "Logs, /sfn/logs",
            "Cluster, Cluster",
            "TaskDef, arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:1",
            "Secret, arn:aws:secretsmanager:eu-west-1:111122223333:secret:api-key-AbCdEf",
            "Job, etl",
            "JobQueue, arn:aws:batch:eu-west-1:111122223333:job-queue/JobQueue",
            "Stage, dev",
            "Count, 3",
            "AWS::StackName, demo",
            "AWS::URLSuffix, amazonaws.com"})
    void ref_eachSupportedKind_returnsDocumentedValue(String name, String expected) {
        assertThat(eval("!Ref '" + name + "'").textValue()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "GetAtt {0}")
    @CsvSource({
            "Fn.Arn, arn:aws:lambda:eu-west-1:111122223333:function:work-dev",
            "SamFn.Arn, arn:aws:lambda:eu-west-1:111122223333:function:SamFn",
            "Queue.Arn, arn:aws:sqs:eu-west-1:111122223333:Queue",
            "Queue.QueueName, Queue",
            "Queue.QueueUrl, https://sqs.eu-west-1.amazonaws.com/111122223333/Queue",
            "Topic.TopicArn, arn:aws:sns:eu-west-1:111122223333:alerts",
            "Topic.TopicName, alerts",
            "Table.Arn, arn:aws:dynamodb:eu-west-1:111122223333:table/orders",
            "Machine.Arn, arn:aws:states:eu-west-1:111122223333:stateMachine:flow",
            "Machine.Name, flow",
            "SamMachine.Name, SamMachine",
            "Bucket.Arn, arn:aws:s3:::bucket",
            "Bucket.DomainName, bucket.s3.amazonaws.com",
            "Bucket.DualStackDomainName, bucket.s3.dualstack.eu-west-1.amazonaws.com",
            "Bucket.WebsiteURL, http://bucket.s3-website-eu-west-1.amazonaws.com",
            "Bus.Arn, arn:aws:events:eu-west-1:111122223333:event-bus/orders-bus",
            "Bus.Name, orders-bus",
            "Role.Arn, arn:aws:iam::111122223333:role/service-role/runner",
            "SimpleTable.Arn, arn:aws:dynamodb:eu-west-1:111122223333:table/SimpleTable",
            "Table.StreamArn, arn:aws:dynamodb:eu-west-1:111122223333:table/orders/stream/2024-01-01T00:00:00.000",
            "Activity.Arn, arn:aws:states:eu-west-1:111122223333:activity:approve",
            "Activity.Name, approve",
            "Connection.Arn, arn:aws:events:eu-west-1:111122223333:connection/partner/00000000-0000-0000-0000-000000000000",
            "Stream.Arn, arn:aws:kinesis:eu-west-1:111122223333:stream/Stream",
            "Logs.Arn, arn:aws:logs:eu-west-1:111122223333:log-group:/sfn/logs:*",
            "Cluster.Arn, arn:aws:ecs:eu-west-1:111122223333:cluster/Cluster",
            "TaskDef.TaskDefinitionArn, arn:aws:ecs:eu-west-1:111122223333:task-definition/worker:1"})
    void getAtt_eachSupportedAttribute_returnsDocumentedValue(String attribute, String expected) {
        assertThat(eval("!GetAtt " + attribute).textValue()).isEqualTo(expected);
    }

    @Test
    void getAtt_chinaRegion_usesItsPartitionAndSuffix() {
        Resolver china = resolver(new Stack("cn-north-1", "111122223333", "demo"));
        JsonNode v = china.resolve(YamlTemplates.parse("v: !Sub '${Fn.Arn} ${Queue}'", "x").get("v"),
                TemplatePath.root("t.yaml"));

        assertThat(v.textValue()).isEqualTo("arn:aws-cn:lambda:cn-north-1:111122223333:function:work-dev "
                + "https://sqs.cn-north-1.amazonaws.com.cn/111122223333/Queue");
    }

    @Test
    void sub_bothForms_replaceVariablesParametersPseudoParametersAndAttributes() {
        assertThat(eval("!Sub '${AWS::Partition}:${AWS::Region}:${AWS::AccountId}:${Stage}:${Topic.TopicName}:${!Raw}'")
                .textValue()).isEqualTo("aws:eu-west-1:111122223333:dev:alerts:${Raw}");
        assertThat(eval("!Sub ['${Stage}-${Name}', {Name: !GetAtt Machine.Name, Stage: overridden}]").textValue())
                .isEqualTo("overridden-flow");
    }

    @Test
    void listFunctions_joinSelectSplitAndListParameters_compose() {
        assertThat(eval("!Join [':', [!Select [1, !Ref Subnets], !Select ['2', !Split ['/', 'x/y/z']], 7]]").textValue())
                .isEqualTo("b:z:7");
        assertThat(eval("!Join ['', []]").textValue()).isEmpty();
    }

    @Test
    void ifAndConditions_noValueDropsTheProperty() throws Exception {
        assertThat(eval("{a: !If [IsProd, big, !Ref 'AWS::NoValue'], b: !If [IsDev, small, big], "
                + "c: !If [Both, yes-both, no], d: [1, !If [IsProd, 2, !Ref 'AWS::NoValue'], 3]}"))
                .isEqualTo(Json.parse("{\"b\":\"small\",\"c\":\"yes-both\",\"d\":[1,3]}"));
    }

    @Test
    void findInMapAndBase64_readMappingsAndEncode() {
        assertThat(eval("!FindInMap [Sizes, !Ref Stage, Memory]").intValue()).isEqualTo(128);
        assertThat(eval("!Base64 hi").textValue()).isEqualTo("aGk=");
    }

    @Test
    void selectOutOfRange_isAnErrorWithItsPath() {
        assertThatThrownBy(() -> eval("{x: !Select [5, [a, b]]}"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("t.yaml: v.x: Fn::Select index 5 is outside the list of 2");
    }

    @Test
    void conditionFunctionOutsideConditions_isAnError() {
        assertThatThrownBy(() -> eval("!Equals [a, a]"))
                .hasMessage("t.yaml: v: Fn::Equals is only supported in the Conditions section (use Fn::If here)");
    }

    @Test
    void subOfListParameter_isAnError() {
        assertThatThrownBy(() -> eval("!Sub '${Subnets}'"))
                .hasMessage("t.yaml: v.Fn::Sub: ${Subnets} is a list, not a string: Fn::Sub cannot insert it");
    }
}
