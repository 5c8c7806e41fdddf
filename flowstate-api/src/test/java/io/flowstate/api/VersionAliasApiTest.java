package io.flowstate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.ConflictException;
import software.amazon.awssdk.services.sfn.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;
import software.amazon.awssdk.services.sfn.model.ValidationException;

class VersionAliasApiTest extends ApiTestBase {
    @Test
    void publishVersion_unchangedRevisionTwice_sameVersion() {
        String sm = createMachine(unique("ver"), PASS);
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm).description("first")).stateMachineVersionArn();
        String again = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        sfn.updateStateMachine(b -> b.stateMachineArn(sm).definition(PASS.replace("\"ok\":true", "\"ok\":2")));
        String v2 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();

        assertThat(v1).isEqualTo(sm + ":1").isEqualTo(again);
        assertThat(v2).isEqualTo(sm + ":2");
        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions())
                .extracting(v -> v.stateMachineVersionArn()).containsExactly(v2, v1);
        assertThat(sfn.describeStateMachine(b -> b.stateMachineArn(v1)).definition()).isEqualTo(PASS);
    }

    @Test
    void createStateMachine_publishWithDescription_returnsVersionArn() {
        String name = unique("pub");
        var r = sfn.createStateMachine(b -> b.name(name).definition(PASS).roleArn(ROLE).publish(true).versionDescription("v"));
        assertThat(r.stateMachineVersionArn()).isEqualTo(r.stateMachineArn() + ":1");
        assertThatThrownBy(() -> sfn.createStateMachine(b -> b.name(unique("x")).definition(PASS).roleArn(ROLE).versionDescription("v")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("Version description can only be set when publish is true");
    }

    @Test
    void alias_routesExecutionsAndIsRecordedOnThem() {
        String sm = createMachine(unique("alias"), PASS);
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("prod").routingConfiguration(route(v1, 100)))
                .stateMachineAliasArn();

        String exec = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();

        var d = sfn.describeExecution(b -> b.executionArn(exec));
        assertThat(alias).isEqualTo(sm + ":prod");
        assertThat(d.stateMachineAliasArn()).isEqualTo(alias);
        assertThat(d.stateMachineVersionArn()).isEqualTo(v1);
        assertThat(sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)).routingConfiguration())
                .containsExactly(route(v1, 100));
        assertThat(sfn.listStateMachineAliases(b -> b.stateMachineArn(sm)).stateMachineAliases()).hasSize(1);
        assertThat(sfn.listExecutions(b -> b.stateMachineArn(alias)).executions()).hasSize(1);
    }

    @Test
    void startExecution_throughAliasOrVersion_executionStartedRecordsTheirArns() {
        String sm = createMachine(unique("started"), PASS);
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("blue").routingConfiguration(route(v1, 100)))
                .stateMachineAliasArn();

        String viaAlias = sfn.startExecution(b -> b.stateMachineArn(alias)).executionArn();
        String viaVersion = sfn.startExecution(b -> b.stateMachineArn(v1)).executionArn();

        var aliasStarted = sfn.getExecutionHistory(b -> b.executionArn(viaAlias)).events().get(0)
                .executionStartedEventDetails();
        var versionStarted = sfn.getExecutionHistory(b -> b.executionArn(viaVersion)).events().get(0)
                .executionStartedEventDetails();
        assertThat(aliasStarted.stateMachineAliasArn()).isEqualTo(alias);
        assertThat(aliasStarted.stateMachineVersionArn()).isEqualTo(v1);
        assertThat(versionStarted.stateMachineAliasArn()).isNull();
        assertThat(versionStarted.stateMachineVersionArn()).isEqualTo(v1);
    }

    @Test
    void deleteVersion_referencedByAlias_conflictUntilAliasDeleted() {
        String sm = createMachine(unique("delver"), PASS);
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        String alias = sfn.createStateMachineAlias(b -> b.name("live").routingConfiguration(route(v1, 100)))
                .stateMachineAliasArn();

        assertThatThrownBy(() -> sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1)))
                .isInstanceOf(ConflictException.class);
        sfn.updateStateMachineAlias(b -> b.stateMachineAliasArn(alias).description("d"));
        sfn.deleteStateMachineAlias(b -> b.stateMachineAliasArn(alias));
        sfn.deleteStateMachineVersion(b -> b.stateMachineVersionArn(v1));

        assertThatThrownBy(() -> sfn.describeStateMachineAlias(b -> b.stateMachineAliasArn(alias)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(sfn.listStateMachineVersions(b -> b.stateMachineArn(sm)).stateMachineVersions()).isEmpty();
    }

    @Test
    void createAlias_weightsNotHundred_validationException() {
        String sm = createMachine(unique("weights"), PASS);
        String v1 = sfn.publishStateMachineVersion(b -> b.stateMachineArn(sm)).stateMachineVersionArn();
        assertThatThrownBy(() -> sfn.createStateMachineAlias(b -> b.name("half").routingConfiguration(route(v1, 50))))
                .isInstanceOf(ValidationException.class);
    }

    static RoutingConfigurationListItem route(String version, int weight) {
        return RoutingConfigurationListItem.builder().stateMachineVersionArn(version).weight(weight).build();
    }
}
