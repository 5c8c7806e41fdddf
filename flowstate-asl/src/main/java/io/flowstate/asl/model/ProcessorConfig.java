package io.flowstate.asl.model;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/** {@code ItemProcessor.ProcessorConfig}: INLINE (default) or DISTRIBUTED, and the child execution type. */
public record ProcessorConfig(Mode mode, Optional<String> executionType) {
    /** Processing mode. */
    public enum Mode { INLINE, DISTRIBUTED }

    /** The default: inline. */
    public static final ProcessorConfig INLINE = new ProcessorConfig(Mode.INLINE, Optional.empty());

    public ProcessorConfig {
        requireNonNull(mode, "mode is null");
        requireNonNull(executionType, "executionType is null");
    }
}
