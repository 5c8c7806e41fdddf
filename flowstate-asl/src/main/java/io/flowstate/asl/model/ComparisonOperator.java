package io.flowstate.asl.model;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every Choice comparison operator of ASL. The {@code ...Path} forms compare against the value at a path
 * instead of a literal. The {@code Is...} tests take a boolean literal.
 */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, Test.EQ, false),
    STRING_EQUALS_PATH("StringEqualsPath", Kind.STRING, Test.EQ, true),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Test.LT, false),
    STRING_LESS_THAN_PATH("StringLessThanPath", Kind.STRING, Test.LT, true),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Test.GT, false),
    STRING_GREATER_THAN_PATH("StringGreaterThanPath", Kind.STRING, Test.GT, true),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Test.LTE, false),
    STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Kind.STRING, Test.LTE, true),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Test.GTE, false),
    STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Kind.STRING, Test.GTE, true),
    STRING_MATCHES("StringMatches", Kind.STRING, Test.MATCHES, false),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Test.EQ, false),
    NUMERIC_EQUALS_PATH("NumericEqualsPath", Kind.NUMERIC, Test.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Test.LT, false),
    NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Kind.NUMERIC, Test.LT, true),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Test.GT, false),
    NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Kind.NUMERIC, Test.GT, true),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Test.LTE, false),
    NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Kind.NUMERIC, Test.LTE, true),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Test.GTE, false),
    NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Kind.NUMERIC, Test.GTE, true),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Test.EQ, false),
    BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Kind.BOOLEAN, Test.EQ, true),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Test.EQ, false),
    TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Kind.TIMESTAMP, Test.EQ, true),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Test.LT, false),
    TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Kind.TIMESTAMP, Test.LT, true),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Test.GT, false),
    TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Kind.TIMESTAMP, Test.GT, true),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Test.LTE, false),
    TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Kind.TIMESTAMP, Test.LTE, true),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Test.GTE, false),
    TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Kind.TIMESTAMP, Test.GTE, true),
    IS_NULL("IsNull", Kind.TYPE_TEST, Test.EQ, false),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Test.EQ, false),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Test.EQ, false),
    IS_STRING("IsString", Kind.TYPE_TEST, Test.EQ, false),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Test.EQ, false),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Test.EQ, false);

    /** The type of value the operator compares. */
    public enum Kind { STRING, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    /** The comparison made. */
    public enum Test { EQ, LT, GT, LTE, GTE, MATCHES }

    private static final Map<String, ComparisonOperator> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ComparisonOperator::aslName, Function.identity()));

    private final String aslName;
    private final Kind kind;
    private final Test test;
    private final boolean path;

    ComparisonOperator(String aslName, Kind kind, Test test, boolean path) {
        this.aslName = aslName;
        this.kind = kind;
        this.test = test;
        this.path = path;
    }

    /** The operator as spelled in ASL. */
    public String aslName() {
        return aslName;
    }

    public Kind kind() {
        return kind;
    }

    public Test test() {
        return test;
    }

    /** True for the {@code ...Path} forms. */
    public boolean isPath() {
        return path;
    }

    /** The operator with this ASL name, if any. */
    public static Optional<ComparisonOperator> byAslName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
