package io.flowstate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code flowstate --version}: the version, the commit and the build time that the build wrote down. */
class VersionTest {
    private static final String LINE =
            "flowstate \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}(-dirty)?|unknown), built [0-9T:-]{19}Z\\)";

    private static synchronized String versionOf(String... args) {
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(Main.execute(args)).isZero();
            return out.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void version_builtByMaven_printsVersionCommitAndBuildTime() {
        assertThat(versionOf("--version")).matches(LINE).isEqualTo(BuildInfo.line());
    }

    @Test
    void version_ofASubcommand_printsTheSameLine() {
        assertThat(versionOf("server", "--version")).isEqualTo(BuildInfo.line());
    }
}
