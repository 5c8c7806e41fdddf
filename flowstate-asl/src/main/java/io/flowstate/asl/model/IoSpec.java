package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import io.flowstate.asl.expr.Path;
import io.flowstate.asl.expr.PayloadTemplate;
import java.util.Optional;

/**
 * The JSONPath-mode input and output processing of a state: InputPath, Parameters, ResultSelector,
 * ResultPath, OutputPath. For the three paths an empty Optional means the field was {@code null} in the
 * definition (InputPath/OutputPath null: {@code {}}; ResultPath null: discard the result); an absent
 * field defaults to {@code $}.
 */
public record IoSpec(
        Optional<Path> inputPath,
        Optional<PayloadTemplate> parameters,
        Optional<PayloadTemplate> resultSelector,
        Optional<Path> resultPath,
        Optional<Path> outputPath) {

    /** {@code $} for every path, no templates. */
    public static final IoSpec DEFAULT = new IoSpec(Optional.of(Path.compile("$")), Optional.empty(),
            Optional.empty(), Optional.of(Path.compile("$")), Optional.of(Path.compile("$")));

    public IoSpec {
        requireNonNull(inputPath, "inputPath is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(resultSelector, "resultSelector is null");
        requireNonNull(resultPath, "resultPath is null");
        requireNonNull(outputPath, "outputPath is null");
    }
}
