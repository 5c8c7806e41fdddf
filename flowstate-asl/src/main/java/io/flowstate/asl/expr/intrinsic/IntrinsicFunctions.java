package io.flowstate.asl.expr.intrinsic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The registry of intrinsic functions by name. */
public final class IntrinsicFunctions {
    /** All 18 functions. */
    public static final List<IntrinsicFunction> ALL = List.of(
            StatesArray.INSTANCE, StatesArrayPartition.INSTANCE, StatesArrayContains.INSTANCE,
            StatesArrayRange.INSTANCE, StatesArrayGetItem.INSTANCE, StatesArrayLength.INSTANCE,
            StatesArrayUnique.INSTANCE, StatesBase64Encode.INSTANCE, StatesBase64Decode.INSTANCE,
            StatesHash.INSTANCE, StatesJsonMerge.INSTANCE, StatesStringToJson.INSTANCE,
            StatesJsonToString.INSTANCE, StatesMathRandom.INSTANCE, StatesMathAdd.INSTANCE,
            StatesStringSplit.INSTANCE, StatesUuid.INSTANCE, StatesFormat.INSTANCE);

    private static final Map<String, IntrinsicFunction> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(IntrinsicFunction::name, Function.identity()));

    private IntrinsicFunctions() {}

    /** The function called {@code name} (exact case, e.g. {@code States.Format}). */
    public static Optional<IntrinsicFunction> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
