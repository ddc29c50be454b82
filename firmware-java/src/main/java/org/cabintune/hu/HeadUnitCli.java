package org.cabintune.hu;

import org.cabintune.hu.render.RenderCommand;
import org.cabintune.hu.run.RunCommand;
import org.cabintune.hu.run.TrustCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./cabintune-hu}: the head unit's CLI and daemon. */
@Command(name = "cabintune-hu", mixinStandardHelpOptions = true, version = "CabinTune head unit 0.1.0",
        description = "CabinTune head unit: fixed-point car-audio chain, daemon and offline renderer.",
        subcommands = {RunCommand.class, RenderCommand.class, TrustCommand.class, CommandLine.HelpCommand.class})
public final class HeadUnitCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The CLI with its error handling, ready to {@code execute}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HeadUnitCli());
        // A failure the user can act on is one line, not a stack trace.
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
