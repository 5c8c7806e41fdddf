package io.flowstate.asl.parse;

import io.flowstate.asl.model.IoSpec;
import io.flowstate.asl.model.QueryLanguage;
import io.flowstate.asl.model.StateCommon;
import io.flowstate.asl.model.Transition;

/**
 * What every per-type state parser starts from: the state's fields, its effective query language, and the parts
 * all types share, already parsed (common fields, transition, JSONPath input/output processing).
 */
record StateInput(
        FieldReader fields,
        QueryLanguage language,
        ParseContext ctx,
        StateCommon common,
        Transition transition,
        IoSpec io) {

    Diagnostics out() {
        return ctx.out;
    }

    boolean jsonata() {
        return language == QueryLanguage.JSONATA;
    }
}
