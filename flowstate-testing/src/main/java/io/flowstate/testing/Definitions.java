package io.flowstate.testing;

import io.flowstate.asl.model.StateMachine;
import io.flowstate.asl.parse.AslParser;
import io.flowstate.asl.parse.MachineType;
import io.flowstate.asl.parse.ParseResult;
import io.flowstate.template.Stack;
import io.flowstate.template.StateMachineResource;
import io.flowstate.template.Template;
import io.flowstate.template.Templates;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads and parses definitions for {@link Flowstate}: ASL files, classpath resources, JSON text and SAM or
 * CloudFormation templates (through flowstate-templates, as {@code flowstate run} does). An invalid definition
 * is an {@link IllegalArgumentException} listing every diagnostic, as ValidateStateMachineDefinition would.
 */
final class Definitions {
    private Definitions() {}

    /** An ASL file, or a template with its one state machine or the one {@code logicalId} names. */
    static TestStateMachine file(Flowstate owner, Path file, Optional<String> logicalId, Map<String, String> params) {
        try {
            Optional<Template> template = Templates.read(file);
            if (template.isEmpty()) {
                if (logicalId.isPresent() || !params.isEmpty()) {
                    throw new IllegalArgumentException(file + ": a logical id or parameters need a SAM or "
                            + "CloudFormation template, and this is not one");
                }
                return parse(owner, baseName(file.getFileName().toString()), Files.readString(file),
                        MachineType.STANDARD, file.toString());
            }
            FlowstateOptions o = owner.options();
            StateMachineResource m = Templates.stateMachine(template.get(), Stack.of(o.region(), o.account(), file),
                    params, logicalId);
            return parse(owner, m.name(), m.definition(), MachineType.valueOf(m.type()), m.path().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A classpath resource: read as a file when it is one, so that a template can name files beside it. */
    static TestStateMachine resource(Flowstate owner, String name, ClassLoader loader) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        URL url = loader.getResource(path);
        if (url == null) {
            throw new IllegalArgumentException("no classpath resource '" + path + "'");
        }
        try {
            if (url.getProtocol().equals("file")) {
                return file(owner, Path.of(url.toURI()), Optional.empty(), Map.of());
            }
            try (InputStream in = url.openStream()) {
                return parse(owner, baseName(path.substring(path.lastIndexOf('/') + 1)),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), MachineType.STANDARD, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath resource " + path + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("classpath resource " + path + " has no usable URL: " + url, e);
        }
    }

    /** ASL text, named {@code name}. */
    static TestStateMachine parse(Flowstate owner, String name, String text, MachineType type, String where) {
        ParseResult r = AslParser.parse(text, type);
        StateMachine machine = r.machine().orElseThrow(() -> new IllegalArgumentException(where
                + ": invalid definition:\n" + r.errors().stream().map(d -> "  " + d.code()
                        + d.location().map(l -> " at " + l).orElse("") + ": " + d.message())
                        .collect(Collectors.joining("\n"))));
        return new TestStateMachine(owner, name, text, machine);
    }

    /** A state machine's name from its file name, as {@code flowstate run} names it. */
    private static String baseName(String fileName) {
        return fileName.replaceFirst("\\.(asl\\.)?json$", "");
    }
}
