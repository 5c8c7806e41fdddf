package io.flowstate.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tarball as a user gets it: unpacked into an empty directory and run through {@code bin/flowstate} with only
 * a JDK, and no Maven on PATH. Runs in the package phase, right after the assembly made the tarball.
 */
class DistributionTest {
    private static final String VERSION = System.getProperty("flowstate.version");
    /** Shell commands that would let the launcher build, or find the repository's own launcher. */
    private static final List<String> BUILD_TOOLS = List.of("mvn", "mvnDebug", "mvnyjp", "flowstate");

    @TempDir
    static Path work;
    static Path home;
    static Path noMaven;

    @BeforeAll
    static void unpack() throws Exception {
        Path tarball = Path.of(System.getProperty("flowstate.dist.tarball"));
        assertThat(tarball).exists();
        Shell.Result tar = Shell.run(work, Map.of("PATH", System.getenv("PATH")), "tar", "-xzf", tarball.toString());
        assertThat(tar.exit()).as(tar.err()).isZero();
        home = work.resolve("flowstate-" + VERSION);
        noMaven = Shell.pathWithout(BUILD_TOOLS);
    }

    @AfterAll
    static void removePath() throws Exception {
        Shell.removeLinks(noMaven);
    }

    /** JAVA_HOME is this test's own JDK (>= 21, as the build's enforcer requires); PATH has no Maven. */
    private static Map<String, String> env(String javaHome, Path path) {
        return Map.of("JAVA_HOME", javaHome, "PATH", path.toString(), "HOME", work.toString());
    }

    private static Shell.Result flowstate(Map<String, String> env, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = home.resolve("bin/flowstate").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return Shell.run(work, env, command);
    }

    @Test
    void tarball_holdsLauncherJarReadmeAndDocs() {
        assertThat(home.resolve("bin/flowstate")).isExecutable();
        assertThat(home.resolve("lib/flowstate.jar")).isRegularFile();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("docs/architecture.md")).isRegularFile();
        assertThat(home.resolve("docs/integrations.md")).isRegularFile();
        assertThat(home.resolve("examples/hello-world/hello.json")).isRegularFile();
    }

    @Test
    void pathOfTheseTests_hasNoMaven() throws Exception {
        Shell.Result which = Shell.run(work, env(System.getProperty("java.home"), noMaven), "bash", "-c", "command -v mvn");
        assertThat(which.exit()).as("mvn found at " + which.out()).isNotZero();
    }

    @Test
    void version_printsVersionCommitAndBuildTime() throws Exception {
        Shell.Result r = flowstate(env(System.getProperty("java.home"), noMaven), "--version");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).matches("flowstate " + VERSION.replace(".", "\\.")
                + " \\(commit ([0-9a-f]{7,}(-dirty)?|unknown), built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
    }

    @Test
    void validate_smallDefinition_printsOk() throws Exception {
        Path def = Files.writeString(work.resolve("pass.json"),
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}");

        Shell.Result r = flowstate(env(System.getProperty("java.home"), noMaven), "validate", def.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("\"result\"\\s*:\\s*\"OK\"");
    }

    @Test
    void run_helloWorldExample_printsItsDocumentedOutput() throws Exception {
        Path example = home.resolve("examples/hello-world");

        Shell.Result r = flowstate(env(System.getProperty("java.home"), noMaven), "run",
                example.resolve("hello.json").toString(), "--input", "@" + example.resolve("input.json"), "--skip-waits");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("{\"greeting\":\"Hello, world!\"}");
    }

    @Test
    void javaHomeNotAJdk_launcherFallsBackToTheNextJava() throws Exception {
        // The next one is /usr/lib/jvm/temurin-25-jdk-amd64 where it exists, else this JDK's java, first on PATH.
        Path javaFirst = Path.of(System.getProperty("java.home"), "bin");
        Map<String, String> env = Map.of("JAVA_HOME", "/nonexistent-jdk", "PATH", javaFirst + ":" + noMaven,
                "HOME", work.toString());

        Shell.Result r = flowstate(env, "--version");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("flowstate " + VERSION);
    }

    @Test
    void noJava21Anywhere_launcherExitsTwoWithAClearMessage() throws Exception {
        // The launcher as shipped, but with its fixed fallback JDK path pointing nowhere, and no java on PATH.
        Path launcher = home.resolve("bin/flowstate-nofallback");
        Files.writeString(launcher, Files.readString(home.resolve("bin/flowstate"))
                .replace("/usr/lib/jvm/temurin-25-jdk-amd64", "/nonexistent-fallback"));
        launcher.toFile().setExecutable(true);
        Path noJava = Shell.pathWithout(List.of("mvn", "mvnDebug", "mvnyjp", "java", "flowstate"));
        Shell.Result r;
        try {
            r = Shell.run(work, env("/nonexistent-jdk", noJava), launcher.toString(), "--version");
        } finally {
            Shell.removeLinks(noJava);
        }

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("flowstate: needs Java 21 or newer, found none. Set JAVA_HOME");
    }
}
