package io.flowstate.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.api.codec.RequestDecoder;
import io.flowstate.api.codec.ResponseEncoder;
import io.flowstate.api.model.ApiRequest;
import io.flowstate.api.model.Operations;
import io.flowstate.api.service.StepFunctions;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS JSON 1.0 for Step Functions, independent of the HTTP server: the operation from
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}, the body decoded into the operation's request record, the
 * response record encoded back. This is the one place errors become responses: an {@link ApiException} is its
 * HTTP status with {@code {"__type", "message"}}; anything else is a 500 whose details go to the log under the
 * request id and never to the client.
 */
public final class AwsJsonProtocol {
    /** The target prefix of every Step Functions operation. */
    public static final String TARGET_PREFIX = "AWSStepFunctions.";
    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private static final Logger LOG = LoggerFactory.getLogger(AwsJsonProtocol.class);

    private final StepFunctions service;

    public AwsJsonProtocol(StepFunctions service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** An HTTP answer: status and JSON body (UTF-8; the array is not copied, so treat it as read-only). */
    public record Reply(int status, byte[] body) {}

    /** Answers one request; never throws. */
    public Reply handle(Optional<String> target, byte[] body, String requestId) {
        try {
            ApiRequest request = RequestDecoder.decode(parse(body), requestType(target));
            return new Reply(200, bytes(ResponseEncoder.encode((Record) service.handle(request))));
        } catch (ApiException e) {
            return error(e.httpStatus(), e.code(), e.getMessage());
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            LOG.error("request {} ({}) failed", requestId, target.orElse("no target"), e);
            return error(500, "InternalFailure", "The server failed to process the request (request id " + requestId + ").");
        }
    }

    private static Class<? extends ApiRequest> requestType(Optional<String> target) {
        String t = target.orElse("");
        String op = t.startsWith(TARGET_PREFIX) ? t.substring(TARGET_PREFIX.length()) : "";
        return Operations.requestType(op).orElseThrow(() -> new ApiException.UnknownOperationException(
                t.isEmpty() ? "Missing X-Amz-Target header" : "Unknown operation " + t));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.object();
        }
        try {
            if (!ascii(body)) {
                // Jackson would report bad UTF-8 in its own words, or not at all outside strings: check first.
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(body));
            }
            return Json.mapper().readTree(body);
        } catch (CharacterCodingException e) {
            throw new ApiException.SerializationException("The request body is not valid UTF-8");
        } catch (JsonProcessingException e) {
            throw new ApiException.SerializationException(e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does no I/O
        }
    }

    /** True when every byte is 7-bit ASCII, as SDK requests usually are: nothing to validate then. */
    private static boolean ascii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The tree as UTF-8 JSON, written straight to bytes (no String in between). A lone surrogate, which JSON
     * text may carry as {@code "\ud800"}, goes out escaped the same way instead of as a '?'.
     */
    private static byte[] bytes(JsonNode node) {
        try {
            return Json.mapper().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // a tree always serializes
        }
    }

    private static Reply error(int status, String code, String message) {
        ObjectNode n = Json.object();
        n.put("__type", code);
        n.put("message", message);
        return new Reply(status, bytes(n));
    }
}
