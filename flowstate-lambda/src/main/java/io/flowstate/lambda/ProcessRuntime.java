package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Python or Node.js function's warm execution environments, as Lambda keeps them: one process per concurrent
 * invocation, started when every warm one is busy, reused when idle, killed at its timeout (the next invocation
 * starts a fresh one) and stopped on DeleteFunction and on close. Past {@code maxConcurrency} processes Invoke
 * answers TooManyRequestsException, as Lambda does when a function's concurrency is used up.
 */
final class ProcessRuntime implements FunctionRuntime {
    /** Lambda's limit on a function's init phase; here it is added to the first invocation's timeout. */
    private static final Duration INIT_LIMIT = Duration.ofSeconds(10);
    private static final int MAX_RESPONSE_BYTES = 6_291_556;

    private final FunctionConfig config;
    private final ProcessSpec spec;
    private final int maxConcurrency;
    private final Consumer<String> log;
    private final Deque<RuntimeProcess> idle = new ArrayDeque<>();
    private final Set<RuntimeProcess> live = new HashSet<>();
    /** Processes being started: they count towards the concurrency before they exist. */
    private int starting;
    private boolean closed;

    ProcessRuntime(FunctionConfig config, ProcessSpec spec, int maxConcurrency, Consumer<String> log) {
        this.config = requireNonNull(config, "config is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.maxConcurrency = maxConcurrency;
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public InvokeResult invoke(Invocation invocation) throws InterruptedException {
        String id = invocation.requestId();
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        RuntimeProcess process = warmProcess();
        boolean cold = process == null;
        long start = System.nanoTime();
        Optional<Duration> init = Optional.empty();
        if (cold) {
            try {
                process = start();
            } catch (IOException e) {
                return InvokeResult.unhandled(SandboxErrors.exited(id, "cannot start " + spec.command().get(0)
                        + ": " + e.getMessage()), "");
            }
            boolean ready = process.awaitReady(INIT_LIMIT.plus(timeout));
            init = Optional.of(Duration.ofNanos(System.nanoTime() - start));
            start = System.nanoTime();
            if (!ready && process.isAlive()) {
                release(process, false);
                return timedOut(id, "", init, 0, Duration.ofNanos(System.nanoTime() - start));
            }
        }
        ObjectNode request = LambdaJson.object().put("requestId", id).put("payload", invocation.payload())
                .put("deadlineMs", System.currentTimeMillis() + timeout.toMillis())
                .put("functionArn", invocation.invokedArn());
        invocation.clientContext().ifPresent(c -> request.put("clientContext", c));
        RuntimeProcess.Outcome outcome = process.invoke(request, timeout);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return switch (outcome) {
            case RuntimeProcess.Outcome.Answered a -> {
                release(process, !a.answer().path("exit").asBoolean());
                yield answered(id, a, took, init);
            }
            case RuntimeProcess.Outcome.TimedOut t -> {
                release(process, false);
                yield timedOut(id, t.log(), init, t.maxMemoryMb(), took);
            }
            case RuntimeProcess.Outcome.Exited e -> {
                release(process, false);
                String logText = ExecutionLog.of(id, e.log(), took, config.memorySize(), 0, init, Optional.empty());
                yield InvokeResult.unhandled(SandboxErrors.exited(id, e.status()), report(logText));
            }
        };
    }

    private InvokeResult answered(String id, RuntimeProcess.Outcome.Answered a, Duration took,
                                  Optional<Duration> init) {
        String logText = report(ExecutionLog.of(id, a.log(), took, config.memorySize(), a.maxMemoryMb(), init,
                Optional.empty()));
        JsonNode answer = a.answer();
        if (answer.has("error")) {
            return InvokeResult.unhandled(answer.path("error").asText(), logText);
        }
        byte[] payload = Base64.getDecoder().decode(answer.path("result").asText());
        return payload.length > MAX_RESPONSE_BYTES ? InvokeResult.unhandled(SandboxErrors.responseTooLarge(), logText)
                : InvokeResult.success(payload, logText);
    }

    private InvokeResult timedOut(String id, String output, Optional<Duration> init, long memory, Duration took) {
        String message = SandboxErrors.timeoutMessage(config.timeoutSeconds());
        String logText = ExecutionLog.of(id, output, took, config.memorySize(), memory, init, Optional.of(message));
        log.accept(id + " " + message);
        return InvokeResult.unhandled(SandboxErrors.timedOut(id, config.timeoutSeconds()), report(logText));
    }

    /** Shows the REPORT line in the server's log (the function's own lines went there as they came). */
    private String report(String logText) {
        String[] lines = logText.split("\n");
        log.accept(lines[lines.length - 1]);
        return logText;
    }

    private synchronized RuntimeProcess warmProcess() {
        if (closed) {
            throw LambdaError.RESOURCE_NOT_FOUND.exception("Function not found: " + config.arn());
        }
        while (!idle.isEmpty()) {
            RuntimeProcess p = idle.pop();
            if (p.isAlive()) {
                return p;
            }
            live.remove(p);
        }
        if (live.size() + starting >= maxConcurrency) {
            throw LambdaError.TOO_MANY_REQUESTS.exception("Rate Exceeded.");
        }
        starting++;
        return null;
    }

    private RuntimeProcess start() throws IOException {
        RuntimeProcess p = null;
        try {
            p = RuntimeProcess.start(spec, log);
            return p;
        } finally {
            synchronized (this) {
                starting--;
                if (p != null) {
                    live.add(p);
                    if (closed) {
                        p.kill();
                    }
                }
            }
        }
    }

    private synchronized void release(RuntimeProcess process, boolean reusable) {
        if (reusable && !closed && process.isAlive()) {
            idle.push(process);
        } else {
            live.remove(process);
            process.kill();
        }
    }

    @Override
    public void close() {
        List<RuntimeProcess> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(live);
            idle.clear();
        }
        all.forEach(RuntimeProcess::kill);
    }
}
