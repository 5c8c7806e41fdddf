package io.flowstate.engine.interp;

import io.flowstate.engine.history.HistoryEvent;
import java.util.Collections;
import java.util.List;

/**
 * The result of one interpreter step: the new history events and the effects to run, committed together.
 * The lists are read-only views of what the step built (a decision is made for every task result, so it is
 * not copied); the interpreter never touches them again.
 */
public record Decision(List<HistoryEvent> events, List<Effect> effects) {
    public Decision {
        events = Collections.unmodifiableList(events);
        effects = Collections.unmodifiableList(effects);
    }
}
