package io.flowstate.asl.parse;

import java.util.List;

/**
 * AWS's diagnostic message texts, in one place so a newly recorded AWS message changes one line. Texts marked
 * "recorded" were seen verbatim in AWS responses (the conformance corpus or published AWS output); the others
 * follow the same phrasing for rules whose exact AWS wording we have not seen yet.
 */
final class Messages {
    private Messages() {}

    /** A {@code {% %}} expression the JSONata parser rejects; its own message says why. */
    static String invalidJsonata(String expression, String parserMessage) {
        return "The JSONata expression '" + expression + "' is invalid: " + parserMessage;
    }

    /** A JSONata reference AWS does not support where it is written. */
    static String unsupportedReference(String reference) {
        return "Reference to '" + reference + "' is not supported.";
    }

    /**
     * A {@code $states} member the field does not have ({@code $states.result} outside a Task's, Parallel's or
     * Map's Output and Assign, {@code $states.errorOutput} outside a catcher, or an unknown one such as
     * {@code $states.item}). AWS's text, as quoted by users and by emulators measured against AWS; not in our
     * conformance corpus.
     */
    static String noSuchStatesField(String member) {
        return "Field '$states." + member + "' does not exist.";
    }

    /**
     * A field name read from the top-level context ({@code {% phone %}}), which is empty in Step Functions. AWS's
     * text as quoted in the issue and by other emulators measured against AWS; not in our conformance corpus.
     */
    static String topLevelReference(String name) {
        return "Reference to '" + name + "' at the top level is not supported.";
    }

    /** Recorded: {@code These fields are required: [States, StartAt]}. */
    static String required(List<String> fields) {
        return "These fields are required: " + list(fields);
    }

    /** Recorded ({@code Field 'TimeoutSeconds' is not supported}, located at the containing object). */
    static String notSupported(String field) {
        return "Field '" + field + "' is not supported";
    }

    /** Recorded for Type; reused for other enumerations. */
    static String oneOfValues(String field, List<String> values) {
        return "The field '" + field + "' should have one of these values: " + list(values);
    }

    /** Recorded: Parallel with {@code "Branches": []}. */
    static String valueCannotBeEmpty() {
        return "Value cannot be empty";
    }

    /** Recorded: Credentials without RoleArn. */
    static String requiredButMissing(String field) {
        return "The field '" + field + "' is required but was missing";
    }

    /** Recorded: Wait Timestamp that is not an RFC 3339 date-time. */
    static String notRfc3339() {
        return "String does not match RFC3339 timestamp";
    }

    /** Recorded: an unknown optimized integration such as {@code arn:aws:states:::dynamodb:query}. */
    static String resourceNotRecognized(String resource) {
        return "The resource provided " + resource + " is not recognized. The value is not a valid resource ARN,"
                + " or the resource is not available in this region.";
    }

    /** Recorded (with AWS's trailing space for {@code .waitForTaskToken}). */
    static String expressUnsupported(String suffix) {
        return ".waitForTaskToken".equals(suffix)
                ? "Express state machine does not support '.waitForTaskToken' service integration "
                : "Express state machine does not support '" + suffix + "' service integration";
    }

    /** Recorded: a JSONPath state in a JSONata machine. */
    static String cannotDowngradeQueryLanguage() {
        return "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine";
    }

    /** Recorded for JSONata-only fields in JSONPath states; the reverse uses the same sentence. */
    static String fieldOnlyFor(String current, String field, String other) {
        return "The QueryLanguage is set to '" + current + "', but field '" + field + "' is only supported for the '"
                + other + "' QueryLanguage";
    }

    /** Recorded: every dangling transition (Next, Default, Choices[].Next, Catch[].Next, StartAt) says 'Next'. */
    static String missingNextTarget(String target) {
        return "Missing 'Next' target: " + target;
    }

    /** Recorded. */
    static String unreachable(String state) {
        return "State \"" + state + "\" is not reachable.";
    }

    /** Recorded. */
    static String noTerminalState() {
        return "Workflow has no terminal state";
    }

    /** Recorded: the value of ValidateStateMachineDefinition for an empty or non-object definition. */
    static String notAJsonObject() {
        return "Definition must be a valid JSON object";
    }

    /** Recorded for {@code .$} keys: {@code The value for the field 'JobName.$' must be a valid JSONPath}. */
    static String invalidJsonPath(String field) {
        return "The value for the field '" + field + "' must be a valid JSONPath";
    }

    static String invalidJsonPathOrIntrinsic(String field) {
        return "The value for the field '" + field + "' must be a valid JSONPath or a valid intrinsic function call";
    }

    static String invalidReferencePath(String field) {
        return "The value for the field '" + field + "' must be a valid ReferencePath";
    }

    static String wrongType(String field, String type) {
        return "The value for the field '" + field + "' must be " + type;
    }

    static String atLeast(String field, String min) {
        return "The value for the field '" + field + "' must be greater than or equal to " + min;
    }

    static String atMost(String field, String max) {
        return "The value for the field '" + field + "' must be less than or equal to " + max;
    }

    static String exactlyOne(List<String> fields) {
        return "Exactly one of these fields is required: " + list(fields);
    }

    static String atMostOne(List<String> fields) {
        return "Only one of these fields is allowed: " + list(fields);
    }

    static String statesAllNotAlone() {
        return "'States.ALL' must appear alone in 'ErrorEquals'";
    }

    static String statesAllNotLast(String field) {
        return "A '" + field + "' entry with 'States.ALL' must be the last one";
    }

    static String duplicateStateName(String name) {
        return "Duplicate State name: " + name;
    }

    static String stateNameTooLong(String name) {
        return "State name '" + name + "' is longer than 80 characters";
    }

    static String invalidLabel() {
        return "Label must be between 1 and 40 characters long and must not contain whitespace, brackets,"
                + " wildcards, special characters or control characters";
    }

    static String duplicateLabel(String label) {
        return "Duplicate Label name: " + label;
    }

    static String heartbeatNotBelowTimeout() {
        return "HeartbeatSeconds must be smaller than TimeoutSeconds";
    }

    static String noComparison() {
        return "A Choice rule must have exactly one comparison operator, 'And', 'Or', 'Not' or 'Condition'";
    }

    static String tooDeeplyNested() {
        return "The states are too deeply nested";
    }

    static String rulesTooDeeplyNested(int max) {
        return "Choice rules are nested more than " + max + " levels deep";
    }

    private static String list(List<String> items) {
        return "[" + String.join(", ", items) + "]";
    }
}
