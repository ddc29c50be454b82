package org.cabintune.tuner;

import org.cabintune.tuner.cabin.CabinCommand;
import org.cabintune.tuner.loudness.LoudnessCommand;
import org.cabintune.tuner.measure.AnalyzeCommand;
import org.cabintune.tuner.measure.SweepCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code ./cabintune}: the tuner's CLI. */
@Command(name = "cabintune", mixinStandardHelpOptions = true, version = "CabinTune tuner 0.1.0",
        description = "CabinTune tuner: measure a car, design its correction, push it to the head unit.",
        subcommands = {CommandLine.HelpCommand.class, LoudnessCommand.class, SweepCommand.class,
                AnalyzeCommand.class, CabinCommand.class})
public final class TunerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The CLI with its error handling: a failure the user can act on is one line, not a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TunerCli());
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }
}
