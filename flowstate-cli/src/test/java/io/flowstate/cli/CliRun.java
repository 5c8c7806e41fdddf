package io.flowstate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code flowstate} command in process, as a user's shell would, capturing its exit code and output. */
final class CliRun {
    private CliRun() {}

    /** What a run of the command did. */
    record Outcome(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return Json.parse(out);
        }
    }

    /** Runs {@code flowstate args...}; one at a time, since it swaps the process's standard streams. */
    static synchronized Outcome flowstate(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.execute(args);
            return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
