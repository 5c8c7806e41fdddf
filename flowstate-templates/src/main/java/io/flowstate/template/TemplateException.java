package io.flowstate.template;

/**
 * A template Flowstate cannot read or does not support. The message is complete and meant for the user as it
 * is: it names the template file and, where there is one, the JSON path of the offending construct, e.g.
 * {@code template.yaml: Resources.MyMachine.Properties.DefinitionString: Fn::ImportValue is not supported}.
 * The CLI prints it on stderr and exits 2; there is nothing to add, so it carries no stack trace.
 */
public final class TemplateException extends RuntimeException {
    public TemplateException(String message) {
        super(message, null, false, false);
    }
}
