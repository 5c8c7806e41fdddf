package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidLoggingConfigurationException;
import software.amazon.awssdk.services.sfn.model.InvalidNameException;
import software.amazon.awssdk.services.sfn.model.ListStateMachinesResponse;
import software.amazon.awssdk.services.sfn.model.LogLevel;
import software.amazon.awssdk.services.sfn.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.Tag;
import software.amazon.awssdk.services.sfn.model.TooManyTagsException;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class StateMachineApiTest extends ApiTestBase {
    @Test
    void createStateMachine_thenDescribe_returnsWhatWasCreated() {
        String name = unique("describe");
        String arn = createMachine(name, PASS);

        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));

        assertThat(arn).isEqualTo(arn("stateMachine:" + name));
        assertThat(d.name()).isEqualTo(name);
        assertThat(d.definition()).isEqualTo(PASS);
        assertThat(d.roleArn()).isEqualTo(ROLE);
        assertThat(d.type()).isEqualTo(StateMachineType.STANDARD);
        assertThat(d.statusAsString()).isEqualTo("ACTIVE");
        assertThat(d.loggingConfiguration().level()).isEqualTo(LogLevel.OFF);
        assertThat(d.tracingConfiguration().enabled()).isFalse();
        assertThat(d.revisionId()).isNotBlank();
        assertThat(d.creationDate()).isNotNull();
    }

    @Test
    void createStateMachine_sameArgumentsTwice_isIdempotent() {
        String name = unique("idem");
        String first = createMachine(name, PASS);
        String second = createMachine(name, PASS);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void createStateMachine_sameNameOtherDefinition_stateMachineAlreadyExists() {
        String name = unique("exists");
        createMachine(name, PASS);
        String other = PASS.replace("\"ok\":true", "\"ok\":false");
        assertThatThrownBy(() -> createMachine(name, other))
                .isInstanceOf(StateMachineAlreadyExistsException.class)
                .hasMessageContaining("State Machine Already Exists: '" + arn("stateMachine:" + name) + "'");
    }

    @Test
    void createStateMachine_invalidDefinition_invalidDefinitionWithAwsMessage() {
        assertThatThrownBy(() -> createMachine(unique("bad"), "{\"StartAt\":\"A\"}"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'");
    }

    @Test
    void createStateMachine_invalidName_invalidName() {
        assertThatThrownBy(() -> createMachine("has space", PASS))
                .isInstanceOf(InvalidNameException.class).hasMessageContaining("Invalid Name: 'has space'");
    }

    @Test
    void createStateMachine_nameTooLong_validationExceptionInAwsWording() {
        String name = "n".repeat(81);
        assertThatThrownBy(() -> createMachine(name, PASS))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("1 validation error detected: Value '" + name
                        + "' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80");
    }

    @Test
    void createStateMachine_badRoleArn_invalidArn() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name(unique("role")).definition(PASS).roleArn("nope")))
                .isInstanceOf(InvalidArnException.class);
    }

    @Test
    void createStateMachine_loggingWithoutDestination_invalidLoggingConfiguration() {
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name(unique("log")).definition(PASS).roleArn(ROLE)
                .loggingConfiguration(l -> l.level(LogLevel.ALL))))
                .isInstanceOf(InvalidLoggingConfigurationException.class)
                .hasMessageContaining("Invalid Logging Configuration: Must specify exactly one Log Destination.");
    }

    @Test
    void describeStateMachine_unknown_stateMachineDoesNotExist() {
        String arn = arn("stateMachine:" + unique("none"));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class)
                .hasMessageContaining("State Machine Does Not Exist: '" + arn + "'");
    }

    @Test
    void describeStateMachine_malformedOrWrongTypeArn_invalidArn() {
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class).hasMessageContaining("Invalid Arn: 'Invalid ARN prefix: not-an-arn'");
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn("activity:x"))))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("Invalid Arn: 'Resource type not valid in this context: activity'");
    }

    @Test
    void listStateMachines_pagedTwoAtATime_visitsEveryMachineOnce() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createMachine(unique("list"), PASS));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String t = token;
            ListStateMachinesResponse page = sfn.listStateMachines(b -> b.maxResults(2).nextToken(t));
            assertThat(page.stateMachines()).hasSizeLessThanOrEqualTo(2);
            page.stateMachines().stream().map(StateMachineListItem::stateMachineArn).forEach(seen::add);
            token = page.nextToken();
        } while (token != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }

    @Test
    void listStateMachines_maxResultsAboveLimitOrBadToken_rejected() {
        assertThatThrownBy(() -> sfn.listStateMachines(b -> b.maxResults(1001)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Member must have value less than or equal to 1000");
        assertThatThrownBy(() -> sfn.listStateMachines(b -> b.nextToken("garbage")))
                .isInstanceOf(SfnException.class)
                .satisfies(e -> assertThat(((SfnException) e).awsErrorDetails().errorCode()).isEqualTo("InvalidToken"));
    }

    @Test
    void updateStateMachine_newDefinition_describedWithNewRevision() {
        String arn = createMachine(unique("update"), PASS);
        String before = sfn.describeStateMachine(b -> b.stateMachineArn(arn)).revisionId();
        String next = PASS.replace("\"ok\":true", "\"ok\":false");

        var updated = sfn.updateStateMachine(b -> b.stateMachineArn(arn).definition(next));

        DescribeStateMachineResponse d = sfn.describeStateMachine(b -> b.stateMachineArn(arn));
        assertThat(d.definition()).isEqualTo(next);
        assertThat(d.revisionId()).isEqualTo(updated.revisionId()).isNotEqualTo(before);
    }

    @Test
    void updateStateMachine_nothingToChange_missingRequiredParameter() {
        String arn = createMachine(unique("update"), PASS);
        assertThatThrownBy(() -> sfn.updateStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(MissingRequiredParameterException.class);
    }

    @Test
    void deleteStateMachine_thenDescribe_doesNotExist() {
        String arn = createMachine(unique("delete"), PASS);
        sfn.deleteStateMachine(b -> b.stateMachineArn(arn));
        assertThatThrownBy(() -> sfn.describeStateMachine(b -> b.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void tags_createTagUntagList_reflectEachChange() {
        String arn = sfn.createStateMachine(b -> b.name(unique("tags")).definition(PASS).roleArn(ROLE)
                .tags(Tag.builder().key("team").value("a").build())).stateMachineArn();
        sfn.tagResource(b -> b.resourceArn(arn).tags(Tag.builder().key("env").value("dev").build(),
                Tag.builder().key("team").value("b").build()));
        sfn.untagResource(b -> b.resourceArn(arn).tagKeys("env"));

        List<Tag> tags = sfn.listTagsForResource(b -> b.resourceArn(arn)).tags();

        assertThat(tags).containsExactly(Tag.builder().key("team").value("b").build());
    }

    @Test
    void tagResource_moreThanFifty_tooManyTags() {
        String arn = createMachine(unique("tags"), PASS);
        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertThatThrownBy(() -> sfn.tagResource(b -> b.resourceArn(arn).tags(many)))
                .isInstanceOf(TooManyTagsException.class);
    }

    @Test
    void listTagsForResource_unknownResource_resourceNotFound() {
        assertThatThrownBy(() -> sfn.listTagsForResource(b -> b.resourceArn(arn("stateMachine:" + unique("none")))))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
