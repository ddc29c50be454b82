package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cabintune demo}: the whole calibration loop on a virtual car against a real head-unit process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Calibrate the virtual sedan end to end: a real head unit, the real link, a report.",
        footer = {"", "Starts cabintune-hu run on the simulator board with its embedded MQTT broker, measures every",
                "output through the virtual car, designs and pushes the correction signed, measures again, and",
                "writes report.html, profile.json, measurements/ and exports/ under --out.", ""})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--car", paramLabel = "NAME", defaultValue = "sedan",
            description = "Virtual car: hatchback, sedan or suv (default: ${DEFAULT-VALUE}).")
    String car;

    @Option(names = "--seat", paramLabel = "NAME", defaultValue = "driver", description = "Seat (default: ${DEFAULT-VALUE}).")
    String seat;

    @Option(names = "--positions", paramLabel = "N", defaultValue = "6",
            description = "Microphone positions around the head (default: ${DEFAULT-VALUE}).")
    int positions;

    @Option(names = "--sweep-seconds", paramLabel = "S", defaultValue = "2", description = "Sweep length (default: ${DEFAULT-VALUE} s).")
    double sweepSeconds;

    @Option(names = "--target", paramLabel = "T.txt", description = "Target curve (default: calibration/targets/car-default.txt).")
    Path target;

    @Option(names = "--vehicle", paramLabel = "TEXT",
            description = "The vehicle as the report names it (default: the virtual car's description).")
    String vehicle;

    @Option(names = "--keep-recording", description = "Keep the unit's DAC recording (out/demo/unit/dac.wav, large).")
    boolean keepRecording;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Path home = Path.of(System.getProperty("cabintune.home", ".")).toAbsolutePath().normalize();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        Demo.Settings settings = new Demo.Settings(home, out.toAbsolutePath(), car,
                target != null ? target : home.resolve("calibration/targets/car-default.txt"), seat, positions,
                sweepSeconds, keepRecording, vehicle);
        CalibrationResult result = Demo.run(settings, UnitRunner.process(home), line -> {
            err.printf("[%5.1f s] %s%n", (System.nanoTime() - start) / 1e9, line);
            err.flush();
        });
        Results.printTable(result, spec.commandLine().getOut());
        spec.commandLine().getOut().println("report: " + out.resolve("report.html") + "  profile: " + out.resolve("profile.json"));
        return 0;
    }
}
