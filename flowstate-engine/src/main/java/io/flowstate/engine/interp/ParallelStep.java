package io.flowstate.engine.interp;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.model.ParallelState;
import io.flowstate.engine.history.EventDetails;
import io.flowstate.engine.history.EventType;

/** Parallel: runs every branch on the effective input; the result is the array of branch outputs in order. */
final class ParallelStep {
    private ParallelStep() {}

    static void enter(Run r, Fiber f, ParallelState s) {
        if (Run.jsonata(s)) {
            f.effectiveInput = s.arguments().isPresent()
                    ? JsonataIo.template(s.arguments().get(), JsonataIo.bindings(r, f, f.input), "Arguments")
                    : f.input;
        } else {
            JsonNode effective = Io.inputPath(r, f, s.io(), f.input);
            f.effectiveInput = Io.parameters(r, f, s.io(), effective);
        }
        start(r, f, s);
    }

    static void start(Run r, Fiber f, ParallelState s) {
        r.emit(f, EventType.PARALLEL_STATE_STARTED, EventDetails.NONE);
        StepProbe p = r.probe(f);
        if (p != null && p.setup.mock().isPresent()) {
            // A state test's mock stands for what the branches would have returned.
            switch (p.setup.mock().get()) {
                case StateTest.Mock.Result m -> completed(r, f, s, m.value());
                case StateTest.Mock.Error e -> ErrorHandling.handle(r, f, s, new StateFailure(e.error(), e.cause()));
            }
            return;
        }
        ChildGroup g = new ChildGroup(ChildGroup.Kind.PARALLEL, f, s.branches().size(), null, 0);
        f.children = g;
        f.phase = Fiber.Phase.AWAIT_CHILDREN;
        for (Fiber b : Children.branches(r, f, s, g)) {
            g.running.add(b);
            r.schedule(b);
        }
    }

    /**
     * Entered again by a redrive with the branches of the attempt that did not succeed ({@link Redrive}): the
     * succeeded branches keep their outputs, the others are redriven from where each stopped.
     */
    static void resume(Run r, Fiber f, ParallelState s, ChildGroup g) {
        r.emit(f, EventType.PARALLEL_STATE_STARTED, EventDetails.NONE);
        Redrive.resume(g);
        f.children = g;
        f.phase = Fiber.Phase.AWAIT_CHILDREN;
        if (g.remaining == 0) {
            Children.settled(r, g);
            return;
        }
        for (int i = 0; i < g.size(); i++) {
            Fiber b = g.fibers.get(i);
            if (b.phase != Fiber.Phase.SUCCEEDED) {
                Redrive.reset(b);
                b.cursor = f.cursor;
                g.running.add(b);
                r.schedule(b);
            }
        }
    }

    static void completed(Run r, Fiber f, ParallelState s, JsonNode results) {
        CombinedResult.exit(r, f, s, s.io(), s.transition(), results, true);
    }
}
