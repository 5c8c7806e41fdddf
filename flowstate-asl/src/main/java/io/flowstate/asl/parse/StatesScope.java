package io.flowstate.asl.parse;

/**
 * Which members of the reserved JSONata variable {@code $states} a field may read. From AWS's "Passing data
 * between states with variables" ("Reserved variable: $states"): {@code $states.input} and
 * {@code $states.context} are available in every field that accepts JSONata; for Task, Parallel and Map states
 * {@code $states.result} holds the API or sub-workflow's result, so only the fields evaluated after it exists
 * (the state's {@code Output} and {@code Assign}) can read it; {@code $states.errorOutput} "can be used in the
 * Catch field's Assign or Output". "Attempting to access $states.result or $states.errorOutput in fields and
 * states where they are not accessible will be caught at creation, update, or validation of the state machine."
 */
enum StatesScope {
    /** Arguments, Items, ItemSelector, Condition, timeouts, Credentials, and every field of other states. */
    INPUT,
    /** A Task's, Parallel's or Map's own Output and Assign. */
    RESULT,
    /** A catcher's Output and Assign. */
    ERROR_OUTPUT;

    /** True when {@code $states.<member>} exists in a field of this scope. */
    boolean offers(String member) {
        return switch (member) {
            case "input", "context" -> true;
            case "result" -> this == RESULT;
            case "errorOutput" -> this == ERROR_OUTPUT;
            default -> false;
        };
    }

    /** The scope of a state's own Output and Assign: only states that call something have a result. */
    static StatesScope ofStateType(String type) {
        return switch (type) {
            case "Task", "Parallel", "Map" -> RESULT;
            default -> INPUT;
        };
    }
}
