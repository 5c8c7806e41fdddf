package io.flowstate.asl.parse;

import io.flowstate.asl.model.State;
import io.flowstate.asl.model.TextSource;
import io.flowstate.asl.model.WaitSpec;
import io.flowstate.asl.model.WaitState;
import java.util.List;
import java.util.Optional;

/** {@code Wait}: exactly one of Seconds, SecondsPath, Timestamp, TimestampPath. */
final class WaitParser {
    private static final List<String> FIELDS = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");
    private static final long MAX_SECONDS = 99_999_999L;

    private WaitParser() {}

    static Optional<State> parse(StateInput in) {
        FieldReader r = in.fields();
        long present = FIELDS.stream().filter(r::has).count();
        if (present != 1) {
            in.out().schema(Messages.exactlyOne(FIELDS), r.location());
            return Optional.empty();
        }
        Optional<WaitSpec> spec;
        if (r.has("Seconds") || r.has("SecondsPath")) {
            spec = Sources.integer(r, "Seconds", "SecondsPath", in.language(), 0, MAX_SECONDS)
                    .map(WaitSpec.Seconds::new);
        } else {
            spec = Sources.text(r, "Timestamp", "TimestampPath", in.language(), false)
                    .filter(t -> validTimestamp(t, r))
                    .map(WaitSpec.Timestamp::new);
        }
        return spec.map(s -> new WaitState(in.common(), in.transition(), in.io(), s));
    }

    private static boolean validTimestamp(TextSource t, FieldReader r) {
        if (t instanceof TextSource.Literal lit && !Rfc3339.isValid(lit.value())) {
            r.out().schema(Messages.notRfc3339(), r.at("Timestamp"));
            return false;
        }
        return true;
    }
}
