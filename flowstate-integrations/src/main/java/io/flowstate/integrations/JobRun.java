package io.flowstate.integrations;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How the job-run pattern ({@code .sync}) of one optimized integration waits: which describe action it polls
 * with which parameters, what of the answer is the job, and when the job has ended well or badly. One record
 * per integration, no code per service beyond this table.
 *
 * @param describe the action polled ({@code getJobRun})
 * @param describeParams the describe parameters from the Task's parameters and the start call's result
 * @param job the job from the describe result (the task's result when it succeeds, the cause when it fails)
 * @param ended empty while the job runs; true when it succeeded, false when it failed
 */
record JobRun(String describe, BiFunction<JsonNode, JsonNode, JsonNode> describeParams,
        Function<JsonNode, JsonNode> job, Function<JsonNode, Optional<Boolean>> ended) {
    JobRun {
        requireNonNull(describe, "describe is null");
        requireNonNull(describeParams, "describeParams is null");
        requireNonNull(job, "job is null");
        requireNonNull(ended, "ended is null");
    }

    /** The job-run integrations by {@code service:action}. */
    static final Map<String, JobRun> BY_ACTION = Map.of(
            "glue:startJobRun", new JobRun("getJobRun",
                    (p, s) -> object("JobName", p.path("JobName"), "RunId", s.path("JobRunId")),
                    d -> d.path("JobRun"),
                    job -> state(job.path("JobRunState").asText(), Set.of("SUCCEEDED"),
                            Set.of("FAILED", "STOPPED", "TIMEOUT", "ERROR", "EXPIRED"))),
            "athena:startQueryExecution", new JobRun("getQueryExecution",
                    (p, s) -> object("QueryExecutionId", s.path("QueryExecutionId"), null, null),
                    d -> d,
                    job -> state(job.path("QueryExecution").path("Status").path("State").asText(), Set.of("SUCCEEDED"),
                            Set.of("FAILED", "CANCELLED"))),
            "batch:submitJob", new JobRun("describeJobs",
                    (p, s) -> object("Jobs", Json.nodes().arrayNode().add(s.path("JobId")), null, null),
                    d -> d.path("Jobs").path(0),
                    job -> state(job.path("Status").asText(), Set.of("SUCCEEDED"), Set.of("FAILED"))),
            "codebuild:startBuild", new JobRun("batchGetBuilds",
                    (p, s) -> object("Ids", Json.nodes().arrayNode().add(s.path("Build").path("Id")), null, null),
                    d -> object("Build", d.path("Builds").path(0), null, null),
                    job -> job.path("Build").path("BuildComplete").asBoolean()
                            ? Optional.of(job.path("Build").path("BuildStatus").asText().equals("SUCCEEDED"))
                            : Optional.empty()),
            "ecs:runTask", new JobRun("describeTasks",
                    (p, s) -> object("Cluster", p.path("Cluster"), "Tasks",
                            Json.nodes().arrayNode().add(s.path("Tasks").path(0).path("TaskArn"))),
                    d -> d,
                    JobRun::ecsEnded));

    /** A task ended when it stopped; well when every container that reported an exit code exited with 0. */
    private static Optional<Boolean> ecsEnded(JsonNode describe) {
        JsonNode task = describe.path("Tasks").path(0);
        if (!task.path("LastStatus").asText().equals("STOPPED")) {
            return Optional.empty();
        }
        for (JsonNode c : task.path("Containers")) {
            if (c.has("ExitCode") && c.path("ExitCode").asInt() != 0) {
                return Optional.of(false);
            }
        }
        return Optional.of(true);
    }

    private static Optional<Boolean> state(String state, Set<String> good, Set<String> bad) {
        return good.contains(state) ? Optional.of(true) : bad.contains(state) ? Optional.of(false) : Optional.empty();
    }

    private static ObjectNode object(String k1, JsonNode v1, String k2, JsonNode v2) {
        ObjectNode o = Json.object();
        if (v1 != null && !v1.isMissingNode()) {
            o.set(k1, v1);
        }
        if (k2 != null && v2 != null && !v2.isMissingNode()) {
            o.set(k2, v2);
        }
        return o;
    }
}
