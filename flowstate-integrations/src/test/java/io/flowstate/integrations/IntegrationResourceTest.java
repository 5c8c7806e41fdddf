package io.flowstate.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.flowstate.integrations.IntegrationResource.Kind;
import io.flowstate.integrations.IntegrationResource.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which integration a Task's Resource names. connect-to-resource.html: the {@code :::} of
 * {@code arn:aws:states:::<service>:<action>} "denotes empty region and account-id fields which are unnecessary"
 * (inferred from the execution); an ARN with them filled in names the same integration.
 */
class IntegrationResourceTest {
    @Test
    void parse_sdkIntegrationWithRegionAndAccount_isTheSdkIntegration() {
        IntegrationResource r = IntegrationResource.parse("arn:aws:states:us-east-1:123456789012:aws-sdk:s3:getObject");

        assertThat(r.kind()).isEqualTo(Kind.AWS_SDK);
        assertThat(r.service()).isEqualTo("s3");
        assertThat(r.action()).isEqualTo("getObject");
    }

    @Test
    void parse_optimizedIntegrationWithRegion_keepsItsPattern() {
        IntegrationResource r = IntegrationResource.parse("arn:aws:states:eu-west-1:111122223333:sqs:sendMessage"
                + ".waitForTaskToken");

        assertThat(r.kind()).isEqualTo(Kind.OPTIMIZED);
        assertThat(r.service()).isEqualTo("sqs");
        assertThat(r.pattern()).isEqualTo(Pattern.WAIT_FOR_TASK_TOKEN);
    }

    @Test
    void parse_activityArn_isNoIntegration() {
        IntegrationResource r = IntegrationResource.parse("arn:aws:states:us-east-1:123456789012:activity:approve");

        assertThat(r.kind()).isEqualTo(Kind.OTHER);
    }
}
