package io.flowstate.api.service;

import io.flowstate.api.ApiException;

/**
 * AWS's rules for state machine, execution, activity and alias names: no white space, brackets, wildcards,
 * the characters {@code " # % \ ^ | ~ ` $ & , ; : /} or control characters. ({@code 1..80} characters is a
 * model constraint, checked before.)
 */
public final class Names {
    private static final String FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {}

    /** Throws {@code InvalidName} when {@code name} breaks a rule. */
    public static String check(String name) {
        if (!isValid(name)) {
            throw new ApiException.InvalidName("Invalid Name: '" + name + "'");
        }
        return name;
    }

    /** True when {@code name} follows the rules. */
    public static boolean isValid(String name) {
        if (name.isEmpty()) {
            return false;
        }
        return name.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || FORBIDDEN.indexOf(c) >= 0 || c <= 0x1f || (c >= 0x7f && c <= 0x9f));
    }

    /** Alias names: the name rules, and not only digits (a number would read as a version). */
    public static String checkAlias(String name) {
        check(name);
        if (name.chars().allMatch(Character::isDigit)) {
            throw new ApiException.InvalidName("Invalid Name: '" + name + "'");
        }
        return name;
    }
}
