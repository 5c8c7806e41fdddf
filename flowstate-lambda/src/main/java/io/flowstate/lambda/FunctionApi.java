package io.flowstate.lambda;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The control plane: CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions, DeleteFunction. */
final class FunctionApi {
    private static final int DEFAULT_PAGE = 50;

    private final Functions functions;
    private final FunctionLookup lookup;
    private final Deployer deployer;
    private final InstantSource clock;
    private final Supplier<String> baseUrl;

    FunctionApi(Functions functions, FunctionLookup lookup, Deployer deployer, InstantSource clock,
                Supplier<String> baseUrl) {
        this.functions = requireNonNull(functions, "functions is null");
        this.lookup = requireNonNull(lookup, "lookup is null");
        this.deployer = requireNonNull(deployer, "deployer is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
    }

    Reply create(byte[] body) {
        CreateFunctionRequest request = CreateFunctionRequest.parse(json(body));
        String name = request.ref().name();
        if (functions.exists(name)) {
            throw Functions.conflict(name);
        }
        Deployed function = deployer.deploy(request, clock.instant());
        try {
            functions.add(function);
        } catch (LambdaException e) {
            function.destroy();
            throw e;
        }
        return Reply.json(201, function.config().toJson(true));
    }

    Reply get(String function, Optional<String> qualifier) {
        Deployed d = find(function, qualifier);
        ObjectNode out = LambdaJson.object();
        out.set("Configuration", d.config().toJson(false));
        ObjectNode code = out.putObject("Code").put("RepositoryType", "S3");
        d.zip().ifPresent(zip -> code.put("Location", baseUrl.get() + "/flowstate/code/" + d.config().name() + ".zip"));
        return Reply.json(200, out);
    }

    Reply configuration(String function, Optional<String> qualifier) {
        return Reply.json(200, find(function, qualifier).config().toJson(false));
    }

    Reply list(Optional<String> marker, Optional<String> maxItems) {
        int max = maxItems.map(FunctionApi::pageSize).orElse(DEFAULT_PAGE);
        String after = marker.map(FunctionApi::decodeMarker).orElse("");
        List<Deployed> rest = functions.list().stream().filter(d -> d.config().name().compareTo(after) > 0).toList();
        ObjectNode out = LambdaJson.object();
        ArrayNode page = out.putArray("Functions");
        rest.stream().limit(max).forEach(d -> page.add(d.config().toJson(false)));
        if (rest.size() > max) {
            String last = rest.get(max - 1).config().name();
            out.put("NextMarker", Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return Reply.json(200, out);
    }

    Reply delete(String function, Optional<String> qualifier) {
        FunctionRef ref = FunctionRef.parse(function);
        Optional<String> q = FunctionLookup.qualifier(ref, qualifier);
        if (q.filter("$LATEST"::equals).isPresent()) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception(
                    "$LATEST version cannot be deleted without deleting the function.");
        }
        Deployed d = lookup.resolve(ref, q);
        functions.remove(d.config().name()).ifPresent(Deployed::destroy);
        return Reply.empty(204);
    }

    /** The deployment package, for GetFunction's {@code Code.Location}. */
    Reply code(String name) {
        Deployed d = functions.find(name).filter(f -> f.zip().isPresent())
                .orElseThrow(() -> lookup.notFound(FunctionRef.parse(name), Optional.empty()));
        return new Reply(200, Map.of("Content-Type", "application/zip"), d.zip().orElseThrow());
    }

    private Deployed find(String function, Optional<String> qualifier) {
        FunctionRef ref = FunctionRef.parse(function);
        return lookup.resolve(ref, FunctionLookup.qualifier(ref, qualifier));
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode node = LambdaJson.parse(body);
            if (!node.isObject()) {
                throw LambdaError.INVALID_REQUEST_CONTENT.exception("Could not parse request body into json: "
                        + "the request body is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw LambdaError.INVALID_REQUEST_CONTENT.exception("Could not parse request body into json: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw LambdaError.INVALID_REQUEST_CONTENT.exception("Could not parse request body into json: "
                    + e.getMessage());
        }
    }

    private static int pageSize(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 10_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw LambdaException.validation("maxItems", text, "Member must have value between 1 and 10000");
    }

    private static String decodeMarker(String marker) {
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw LambdaError.INVALID_PARAMETER_VALUE.exception("Invalid marker: " + marker);
        }
    }
}
