package io.flowstate.engine.interp;

import io.flowstate.engine.history.HistoryEvent;
import java.util.List;

/** The result of one interpreter step: the new history events and the effects to run, committed together. */
public record Decision(List<HistoryEvent> events, List<Effect> effects) {
    public Decision {
        events = List.copyOf(events);
        effects = List.copyOf(effects);
    }
}
