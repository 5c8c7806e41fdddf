package io.flowstate.asl.model;

/**
 * One state of a state machine. The set of state types is closed: handle it with an exhaustive {@code switch}.
 */
public sealed interface State
        permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState, ParallelState, MapState {
    /** Name, Comment, query language, Assign, Output. */
    StateCommon common();

    /** The state's name (its key in {@code States}). */
    default String name() {
        return common().name();
    }

    /** The ASL {@code Type}, e.g. {@code Pass}; also the prefix of the state's history event types. */
    String type();
}
