package io.flowstate.template;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The stack a template is read as: what CloudFormation's pseudo parameters ({@code AWS::Region},
 * {@code AWS::AccountId}, {@code AWS::Partition}, {@code AWS::StackName}, {@code AWS::URLSuffix}) and the ARNs
 * of the template's resources are made of. The partition and URL suffix follow the region, as on AWS
 * ({@code cn-*} is {@code aws-cn} and {@code amazonaws.com.cn}, {@code us-gov-*} is {@code aws-us-gov}).
 */
public record Stack(String region, String accountId, String stackName) {
    public Stack {
        requireNonNull(region, "region is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(stackName, "stackName is null");
    }

    /**
     * The stack of the template in {@code file}, named after the file: {@code template.yaml} is stack
     * {@code template}, CDK's {@code MyStack.template.json} is stack {@code MyStack} (the name CDK deploys it
     * under).
     */
    public static Stack of(String region, String accountId, Path file) {
        String name = file.getFileName().toString()
                .replaceFirst("(\\.template)?\\.(json|ya?ml|template)$", "")
                .replaceAll("[^A-Za-z0-9-]", "-");
        return new Stack(region, accountId, name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "stack-" + name : name);
    }

    /** {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
    public String partition() {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    /** The domain suffix of the region's endpoints. */
    public String urlSuffix() {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    /** The value of pseudo parameter {@code name}, if it is one Flowstate knows. */
    public Optional<String> pseudoParameter(String name) {
        return Optional.ofNullable(switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> accountId;
            case "AWS::Partition" -> partition();
            case "AWS::StackName" -> stackName;
            case "AWS::URLSuffix" -> urlSuffix();
            default -> null;
        });
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE}, the form of most ARNs. */
    public String arn(String service, String resource) {
        return "arn:" + partition() + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }
}
