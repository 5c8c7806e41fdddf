package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

/** Where a state goes when it completes normally: the {@code Next} state, or the end of its state machine. */
public sealed interface Transition {
    /** {@code "Next": state}. */
    record Next(String state) implements Transition {
        public Next {
            requireNonNull(state, "state is null");
        }
    }

    /** {@code "End": true}. */
    record End() implements Transition {}

    /** The single {@link End} value. */
    Transition END = new End();
}
