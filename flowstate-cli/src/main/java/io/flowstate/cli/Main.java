package io.flowstate.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code flowstate} command: {@code run}, {@code validate}, {@code server}, {@code bench}. */
@Command(name = "flowstate", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Runs AWS Step Functions state machines (Amazon States Language) anywhere.",
        subcommands = {RunCommand.class, ValidateCommand.class, GraphCommand.class, BenchCommand.class, ServerCommand.class,
                LambdaCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        // "--input @file.json" is ours: picocli would otherwise read @file as more arguments.
        cli.setExpandAtFiles(false);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("flowstate: " + e.getMessage());
            return 2;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            e.getCommandLine().getErr().println("flowstate: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return 2;
        });
        return cli.execute(args);
    }
}
