package io.flowstate.asl.expr.intrinsic;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One of the 18 ASL intrinsic functions. Implementations are stateless singletons; they validate their
 * arguments at run time and fail with {@code States.Runtime} and the cause "Invalid arguments in States.X",
 * which is what AWS reports for a wrong count, a wrong type or an out-of-range value.
 */
public sealed interface IntrinsicFunction permits StatesArray, StatesArrayContains, StatesArrayGetItem,
        StatesArrayLength, StatesArrayPartition, StatesArrayRange, StatesArrayUnique, StatesBase64Decode,
        StatesBase64Encode, StatesFormat, StatesHash, StatesJsonMerge, StatesJsonToString, StatesMathAdd,
        StatesMathRandom, StatesStringSplit, StatesStringToJson, StatesUuid {
    /** The name as written in a definition, e.g. {@code States.Format}. */
    String name();

    /** Applies the function to evaluated arguments. */
    JsonNode apply(Invocation invocation);
}
