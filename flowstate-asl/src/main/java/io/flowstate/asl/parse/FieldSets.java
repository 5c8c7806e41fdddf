package io.flowstate.asl.parse;

import io.flowstate.asl.model.QueryLanguage;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type accepts, split by query language. A field of the other language gets AWS's
 * "only supported for the ... QueryLanguage" diagnostic; a field of neither gets "not supported".
 */
final class FieldSets {
    /** The state types in the order AWS lists them in its Type diagnostic. */
    static final List<String> TYPES = List.of("Task", "Wait", "Pass", "Succeed", "Fail", "Choice", "Parallel", "Map");

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End", "Assign");
    private static final Set<String> IO_PATHS = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("Parameters", "ResultPath", "ResultSelector");
    private static final Set<String> ERRORS = Set.of("Retry", "Catch");

    private static final Map<String, Set<String>> BOTH = Map.of(
            "Pass", union(FLOW),
            "Task", union(FLOW, ERRORS, Set.of("Resource", "TimeoutSeconds", "HeartbeatSeconds", "Credentials")),
            "Choice", Set.of("Choices", "Default", "Assign"),
            "Wait", union(FLOW, Set.of("Seconds", "Timestamp")),
            "Succeed", Set.of(),
            "Fail", Set.of("Error", "Cause"),
            "Parallel", union(FLOW, ERRORS, Set.of("Branches")),
            "Map", union(FLOW, ERRORS, Set.of("ItemProcessor", "Iterator", "ItemReader", "ItemSelector",
                    "ItemBatcher", "ResultWriter", "MaxConcurrency", "ToleratedFailureCount",
                    "ToleratedFailurePercentage", "Label")));

    private static final Map<String, Set<String>> JSONPATH_ONLY = Map.of(
            "Pass", union(IO_PATHS, Set.of("Parameters", "ResultPath", "Result")),
            "Task", union(IO_PATHS, RESULT, Set.of("TimeoutSecondsPath", "HeartbeatSecondsPath")),
            "Choice", IO_PATHS,
            "Wait", union(IO_PATHS, Set.of("SecondsPath", "TimestampPath")),
            "Succeed", IO_PATHS,
            "Fail", Set.of("ErrorPath", "CausePath"),
            "Parallel", union(IO_PATHS, RESULT),
            "Map", union(IO_PATHS, RESULT, Set.of("ItemsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
                    "ToleratedFailurePercentagePath")));

    private static final Map<String, Set<String>> JSONATA_ONLY = Map.of(
            "Pass", Set.of("Output"),
            "Task", Set.of("Arguments", "Output"),
            "Choice", Set.of("Output"),
            "Wait", Set.of("Output"),
            "Succeed", Set.of("Output"),
            "Fail", Set.of(),
            "Parallel", Set.of("Arguments", "Output"),
            "Map", Set.of("Items", "Output"));

    private FieldSets() {}

    /** Fields {@code type} accepts in {@code lang}. */
    static Set<String> allowed(String type, QueryLanguage lang) {
        return union(COMMON, BOTH.get(type), own(type, lang));
    }

    /** Fields {@code type} accepts only in the other language. */
    static Set<String> otherLanguageOnly(String type, QueryLanguage lang) {
        return own(type, lang == QueryLanguage.JSONPATH ? QueryLanguage.JSONATA : QueryLanguage.JSONPATH);
    }

    /** True for states that take Next/End. */
    static boolean hasTransition(String type) {
        return BOTH.get(type).contains("Next");
    }

    private static Set<String> own(String type, QueryLanguage lang) {
        return lang == QueryLanguage.JSONPATH ? JSONPATH_ONLY.get(type) : JSONATA_ONLY.get(type);
    }

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
