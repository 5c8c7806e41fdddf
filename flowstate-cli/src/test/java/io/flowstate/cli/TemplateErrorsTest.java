package io.flowstate.cli;

import static io.flowstate.cli.CliRun.flowstate;
import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.cli.CliRun.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code flowstate run} says about templates it cannot run: exit 2, nothing on stdout, one line on stderr
 * naming the template and the JSON path of the construct, and never a stack trace.
 */
class TemplateErrorsTest {
    @TempDir
    Path dir;

    private static final String PASS = "'{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}'";

    static Stream<Arguments> unsupported() {
        return Stream.of(
                Arguments.of("import value", machine("DefinitionString: !ImportValue shared-definition"),
                        "Resources.MyMachine.Properties.DefinitionString: Fn::ImportValue is not supported"),
                Arguments.of("nested GetAZs", machine("DefinitionString: !Join ['', [" + PASS + ", !Select [0, !GetAZs '']]]"),
                        "Resources.MyMachine.Properties.DefinitionString.Fn::Join[1][1].Fn::Select[1]: Fn::GetAZs is not supported"),
                Arguments.of("S3 definition", machine("DefinitionS3Location: {Bucket: b, Key: def.json}"),
                        "Resources.MyMachine.Properties.DefinitionS3Location: an S3 location is not supported"),
                Arguments.of("SAM s3 URI", samMachine("DefinitionUri: s3://bucket/def.json"),
                        "Resources.MyMachine.Properties.DefinitionUri: an S3 location (s3://bucket/def.json) is not supported"),
                Arguments.of("SAM S3 object", samMachine("DefinitionUri: {Bucket: b, Key: def.json}"),
                        "Resources.MyMachine.Properties.DefinitionUri: an S3 location is not supported"),
                Arguments.of("missing file", samMachine("DefinitionUri: statemachine/absent.asl.json"),
                        "Resources.MyMachine.Properties.DefinitionUri: cannot read the definition file"),
                Arguments.of("no definition", samMachine("Name: nothing"),
                        "Resources.MyMachine.Properties: no definition: give Definition or DefinitionUri"),
                Arguments.of("unknown Ref", machine("DefinitionString: !Ref Nope"),
                        "Resources.MyMachine.Properties.DefinitionString: Ref to 'Nope': the template has no parameter or resource of that name"),
                Arguments.of("unsupported attribute", machine("DefinitionString: " + PASS + "\n"
                        + "      DefinitionSubstitutions: {Stream: !GetAtt Table.LatestStreamLabel}\n"
                        + "  Table: {Type: AWS::DynamoDB::Table}"),
                        "Resources.MyMachine.Properties.DefinitionSubstitutions.Stream: Fn::GetAtt Table.LatestStreamLabel: "
                                + "attribute LatestStreamLabel of AWS::DynamoDB::Table is not supported"),
                Arguments.of("unsupported resource type", machine("DefinitionString: !Sub '${Box}'\n"
                        + "  Box: {Type: AWS::EC2::Instance}"),
                        "Resources.MyMachine.Properties.DefinitionString.Fn::Sub: Ref Box: AWS::EC2::Instance resources are not supported"),
                Arguments.of("parameter without default", "Parameters:\n  Stage: {Type: String}\n"
                        + machine("DefinitionString: !Sub '${Stage}'"),
                        "Parameters.Stage: has no Default: give its value with --parameters (used at "
                                + "Resources.MyMachine.Properties.DefinitionString.Fn::Sub)"),
                Arguments.of("self reference", machine("DefinitionString: !GetAtt Fn.Arn\n"
                        + "  Fn: {Type: AWS::Lambda::Function, Properties: {FunctionName: !GetAtt Fn.Arn}}"),
                        "Resources.Fn.Properties.FunctionName: refers to itself"),
                Arguments.of("other transform", "Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]\n"
                        + machine("DefinitionString: " + PASS),
                        "Transform[1]: AWS::LanguageExtensions is not supported"),
                Arguments.of("bad type", samMachine("Type: FAST\n      Definition: {StartAt: P, States: {P: {Type: Pass, End: true}}}"),
                        "Resources.MyMachine.Properties.Type: must be STANDARD or EXPRESS, not FAST"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void run_unsupportedConstruct_exitsTwoNamingTemplateAndPath(String name, String template, String expected)
            throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);

        Outcome o = flowstate("run", file.toString());

        assertThat(o.exit()).as(o.err()).isEqualTo(2);
        assertThat(o.out()).isEmpty();
        assertThat(o.err()).contains("template.yaml: " + expected).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void run_invalidYaml_reportsLineAndColumnWithoutStackTrace() throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "Resources:\n  M:\n    Type: [unclosed\n");

        Outcome o = flowstate("run", file.toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("broken.yaml: line 4, column 1: invalid YAML").doesNotContain("Exception");
    }

    @Test
    void run_yamlThatIsNoTemplate_saysSo() throws Exception {
        Path file = dir.resolve("def.yaml");
        Files.writeString(file, "StartAt: P\nStates: {P: {Type: Pass, End: true}}\n");

        Outcome o = flowstate("run", file.toString());

        assertThat(o.exit()).isEqualTo(2);
        assertThat(o.err()).contains("def.yaml: not a SAM or CloudFormation template (it has no Resources)");
    }

    private static String machine(String properties) {
        return "Resources:\n  MyMachine:\n    Type: AWS::StepFunctions::StateMachine\n    Properties:\n      "
                + properties + "\n";
    }

    private static String samMachine(String properties) {
        return "Transform: AWS::Serverless-2016-10-31\nResources:\n  MyMachine:\n    Type: AWS::Serverless::StateMachine\n"
                + "    Properties:\n      " + properties + "\n";
    }
}
