package io.flowstate.api.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowstate.asl.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IAM-style identity policies attached to access keys ({@code --policies FILE}): a JSON object whose members are
 * access key ids or profile names of the credentials file, each a policy document ({@code Version},
 * {@code Statement}) or a list of them. A request is allowed when a statement allows its action on its resource
 * and none denies it (an explicit Deny wins); a key with no policy may do nothing. {@code Condition} is not
 * supported and refused when the file is read, rather than ignored.
 *
 * <p>Members named by a role ARN ({@code arn:aws:iam::123456789012:role/Jobs}) are the identity policies of
 * that role: they limit the calls of the Task states of executions running as it ({@link #decide}).
 */
public final class Policies {
    private final Map<String, List<Statement>> byKeyOrProfile;

    private Policies(Map<String, List<Statement>> byKeyOrProfile) {
        this.byKeyOrProfile = Map.copyOf(byKeyOrProfile);
    }

    /** Reads the file; a malformed one is an {@link IllegalArgumentException} saying what is wrong where. */
    public static Policies read(Path file) {
        JsonNode root;
        try {
            root = Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the policies file " + file + ": " + e.getMessage(), e);
        }
        return parse(root, file.toString());
    }

    static Policies parse(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new IllegalArgumentException(source + ": expected an object of access key ids or profile names");
        }
        Map<String, List<Statement>> map = new HashMap<>();
        for (var member : root.properties()) {
            List<Statement> statements = new ArrayList<>();
            JsonNode docs = member.getValue().isArray() ? member.getValue() : Json.nodes().arrayNode().add(member.getValue());
            for (JsonNode doc : docs) {
                JsonNode st = doc.path("Statement");
                for (JsonNode s : st.isArray() ? st : Json.nodes().arrayNode().add(st)) {
                    statements.add(statement(s, source + " [" + member.getKey() + "]"));
                }
            }
            map.put(member.getKey(), statements);
        }
        return new Policies(map);
    }

    private static Statement statement(JsonNode s, String where) {
        if (!s.isObject()) {
            throw new IllegalArgumentException(where + ": a Statement must be an object");
        }
        if (s.has("Condition")) {
            throw new IllegalArgumentException(where + ": Condition is not supported");
        }
        String effect = s.path("Effect").asText("");
        if (!effect.equals("Allow") && !effect.equals("Deny")) {
            throw new IllegalArgumentException(where + ": Effect must be Allow or Deny, got '" + effect + "'");
        }
        boolean notAction = s.has("NotAction");
        boolean notResource = s.has("NotResource");
        if (notAction == s.has("Action") || notResource == s.has("Resource")) {
            throw new IllegalArgumentException(where + ": a Statement needs one of Action or NotAction and one of "
                    + "Resource or NotResource");
        }
        return new Statement(effect.equals("Allow"), strings(s.get(notAction ? "NotAction" : "Action")), notAction,
                strings(s.get(notResource ? "NotResource" : "Resource")), notResource);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.isArray() ? n : Json.nodes().arrayNode().add(n)) {
            out.add(v.asText());
        }
        return out;
    }

    /** How a name's policies answer one action on one resource. */
    public enum Decision {
        /** A statement allows it and none denies it. */
        ALLOWED,
        /** No statement allows it ("because no identity-based policy allows the ... action"). */
        NOT_ALLOWED,
        /** A statement denies it ("with an explicit deny in an identity-based policy"). */
        DENIED
    }

    /** Whether the file has policies for {@code name} (an access key id, profile or role ARN). */
    public boolean has(String name) {
        return byKeyOrProfile.containsKey(name);
    }

    /** What the policies of {@code name} say about {@code action} on {@code resource} (none: not allowed). */
    public Decision decide(String name, String action, String resource) {
        return decide(byKeyOrProfile.getOrDefault(name, List.of()), action, resource);
    }

    private static Decision decide(List<Statement> statements, String action, String resource) {
        boolean allowed = false;
        for (Statement s : statements) {
            if (s.applies(action, resource)) {
                if (!s.allow()) {
                    return Decision.DENIED;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOWED : Decision.NOT_ALLOWED;
    }

    /**
     * Empty when {@code key} may perform {@code action} (e.g. {@code states:StartExecution}) on {@code resource};
     * else AWS's AccessDeniedException, naming the key's user ({@code user/<profile>}) of {@code account}.
     */
    public Optional<AuthFailure> authorize(AccessKeys.Key key, String account, String action, String resource) {
        List<Statement> statements = new ArrayList<>(byKeyOrProfile.getOrDefault(key.id(), List.of()));
        statements.addAll(byKeyOrProfile.getOrDefault(key.profile(), List.of()));
        return switch (decide(statements, action, resource)) {
            case ALLOWED -> Optional.empty();
            case DENIED -> Optional.of(denied(key, account, action, resource,
                    "with an explicit deny in an identity-based policy"));
            case NOT_ALLOWED -> Optional.of(denied(key, account, action, resource,
                    "because no identity-based policy allows the " + action + " action"));
        };
    }

    private static AuthFailure denied(AccessKeys.Key key, String account, String action, String resource, String why) {
        return new AuthFailure(400, "AccessDeniedException", "User: arn:aws:iam::" + key.account().orElse(account)
                + ":user/" + key.profile() + " is not authorized to perform: " + action + " on resource: " + resource
                + " " + why);
    }
}
