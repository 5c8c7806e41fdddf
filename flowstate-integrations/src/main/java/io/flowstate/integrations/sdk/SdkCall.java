package io.flowstate.integrations.sdk;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowstate.asl.json.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * One AWS API call made from JSON: the action's request built from {@code parameters}, sent with the service's
 * client, and the response read back as JSON. Streaming payloads are text: an upload's {@code Body} parameter is
 * sent as the request body, a download's body comes back as {@code Body}, as Step Functions' aws-sdk
 * integrations do.
 */
public final class SdkCall {
    private final SdkClients clients;

    public SdkCall(SdkClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    /** What a call returned: the response object and its members as JSON. */
    public record Result(SdkResponse response, ObjectNode json) {}

    /** A resource naming a service or action the SDK does not have. */
    public static final class UnknownActionException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownActionException(String message) {
            super(message);
        }
    }

    /** The service named {@code name}, or {@link UnknownActionException}. */
    public static SdkService service(String name) {
        return SdkService.find(name).orElseThrow(() -> new UnknownActionException(
                "The service '" + name + "' is not one of the AWS SDK for Java v2 services Flowstate has."));
    }

    /**
     * Calls {@code action} of {@code service} with {@code parameters}. SDK exceptions (the service's errors, client
     * errors) propagate as thrown; {@link IllegalArgumentException} for parameters that fit no member.
     */
    public Result call(SdkService service, String action, JsonNode parameters) {
        return call(service, action, parameters, PojoJson.Timestamps.ISO);
    }

    /** {@link #call(SdkService, String, JsonNode)} with the result's timestamps written as {@code ts}. */
    public Result call(SdkService service, String action, JsonNode parameters, PojoJson.Timestamps ts) {
        Class<?> requestClass = service.requestClass(action).orElseThrow(() -> new UnknownActionException(
                "The action '" + action + "' is not an action of the service '" + service.name() + "'."));
        Method op = service.operation(action).orElseThrow(() -> new UnknownActionException(
                "The action '" + action + "' is not an action of the service '" + service.name() + "'."));
        ObjectNode params = parameters.isObject() ? ((ObjectNode) parameters).deepCopy() : Json.object();
        JsonNode body = null;
        boolean upload = op.getParameterCount() == 2;
        if (upload) {
            body = params.remove(bodyMember(params));
        }
        Object request = PojoJson.build(builder(requestClass), params, SdkService.capitalize(action) + "Request");
        Object client = clients.client(service);
        Object raw;
        try {
            raw = upload ? op.invoke(client, request, body == null ? RequestBody.empty()
                    : RequestBody.fromBytes(PojoJson.utf8(body))) : op.invoke(client, request);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
        if (raw instanceof ResponseBytes<?> bytes) {
            SdkResponse response = (SdkResponse) bytes.response();
            ObjectNode json = PojoJson.write(response, ts);
            json.put("Body", new String(bytes.asByteArrayUnsafe(), StandardCharsets.UTF_8));
            return new Result(response, json);
        }
        SdkResponse response = (SdkResponse) raw;
        return new Result(response, PojoJson.write(response, ts));
    }

    private static String bodyMember(ObjectNode params) {
        Optional<String> name = Optional.empty();
        for (var it = params.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (f.equalsIgnoreCase("Body")) {
                name = Optional.of(f);
            }
        }
        return name.orElse("Body");
    }

    private static SdkPojo builder(Class<?> requestClass) {
        try {
            return (SdkPojo) requestClass.getMethod("builder").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + requestClass.getName(), e);
        }
    }
}
