package io.flowstate.asl.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on parse results, shared by the rule tests. */
final class Checks {
    private Checks() {}

    /** Parses {@code json} and returns its errors as "CODE: message at location". */
    static List<String> errors(String json) {
        return errors(AslParser.parse(Defs.q(json)));
    }

    static List<String> errors(ParseResult r) {
        return r.errors().stream().map(d -> d.code() + ": " + d.message() + " at " + d.location().orElse("null"))
                .toList();
    }

    static ParseResult valid(String json) {
        ParseResult r = AslParser.parse(Defs.q(json));
        assertThat(errors(r)).isEmpty();
        assertThat(r.machine()).isPresent();
        return r;
    }
}
