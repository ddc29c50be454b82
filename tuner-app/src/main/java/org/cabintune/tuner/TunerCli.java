package org.cabintune.tuner;

import org.cabintune.tuner.audio.DevicesCommand;
import org.cabintune.tuner.audition.AuditionCommand;
import org.cabintune.tuner.cabin.CabinCommand;
import org.cabintune.tuner.calibrate.CalibrateCommand;
import org.cabintune.tuner.calibrate.DemoCommand;
import org.cabintune.tuner.correct.AutoEqCommand;
import org.cabintune.tuner.loudness.LoudnessCommand;
import org.cabintune.tuner.measure.AnalyzeCommand;
import org.cabintune.tuner.measure.SweepCommand;
import org.cabintune.tuner.rta.RtaCommand;
import org.cabintune.tuner.ui.GuiCommand;
import org.cabintune.tuner.unit.KeysCommand;
import org.cabintune.tuner.unit.MetersCommand;
import org.cabintune.tuner.unit.PushCommand;
import org.cabintune.tuner.unit.SelectCommand;
import org.cabintune.tuner.unit.UnitsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of {@code ./cabintune}: the tuner's CLI. */
@Command(name = "cabintune", mixinStandardHelpOptions = true, version = "CabinTune tuner 0.1.0",
        description = "CabinTune tuner: measure a car, design its correction, push it to the head unit.",
        subcommands = {CommandLine.HelpCommand.class, LoudnessCommand.class, SweepCommand.class,
                AnalyzeCommand.class, CabinCommand.class, AutoEqCommand.class, UnitsCommand.class, PushCommand.class,
                SelectCommand.class, MetersCommand.class, KeysCommand.class, CalibrateCommand.class, DemoCommand.class,
                DevicesCommand.class, RtaCommand.class, GuiCommand.class, AuditionCommand.class})
public final class TunerCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The CLI with its error handling, ready to {@code execute}. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new TunerCli());
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            line.getErr().flush();
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        // Paho logs lost sockets itself; the commands say what went wrong in one line instead.
        Logger.getLogger("org.eclipse.paho").setLevel(Level.OFF);
        System.exit(commandLine().execute(args));
    }
}
