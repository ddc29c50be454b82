package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.unit.ConfigDir;
import org.cabintune.tuner.unit.LinkHeadUnit;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.UnitOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune calibrate}: the closed loop against a head unit over the link. The
 * microphone is a virtual car listening to the unit's DAC recording; a live microphone through
 * the desktop's audio comes with the tuner's desktop audio.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure every output of a head unit, design the correction, store it signed, measure again.",
        footer = {"", "The unit runs with its DAC recorded (cabintune-hu run ... --sink wav:FILE) and the virtual car",
                "plays that recording through its cabin to every microphone position around the seat.", "",
                "Example:", "  cabintune calibrate --mqtt tcp://127.0.0.1:1883 --credentials car.properties --unit car-7 \\",
                "      --board board-configs/simulator.yaml --virtual-car calibration/cabins/sedan.yaml \\",
                "      --dac-recording dac.wav --seat driver --out out/car-7", ""})
public final class CalibrateCommand implements Callable<Integer> {

    @Mixin
    LinkOptions link;

    @Mixin
    ConfigDir config;

    @Mixin
    UnitOption unit;

    @Option(names = "--board", paramLabel = "F.yaml", required = true, description = "The board file the unit runs.")
    Path board;

    @Option(names = "--virtual-car", paramLabel = "CABIN.yaml", required = true,
            description = "The virtual car to measure (calibration/cabins/*.yaml).")
    Path cabin;

    @Option(names = "--dac-recording", paramLabel = "FILE.wav", required = true,
            description = "The WAV file the unit records its DAC into (its --sink wav:FILE).")
    Path recording;

    @Option(names = "--seat", paramLabel = "NAME", defaultValue = "driver", description = "Seat to correct for (default: ${DEFAULT-VALUE}).")
    String seat;

    @Option(names = "--positions", paramLabel = "N", defaultValue = "6",
            description = "Microphone positions around the head (default: ${DEFAULT-VALUE}).")
    int positions;

    @Option(names = "--target", paramLabel = "T.txt", defaultValue = "calibration/targets/car-default.txt",
            description = "Target curve, REW house-curve text (default: ${DEFAULT-VALUE}).")
    Path target;

    @Option(names = "--sweep-seconds", paramLabel = "S", defaultValue = "3", description = "Sweep length (default: ${DEFAULT-VALUE} s).")
    double sweepSeconds;

    @Option(names = "--reference", paramLabel = "N", defaultValue = "0",
            description = "Output index that plays the timing markers (default: ${DEFAULT-VALUE}).")
    int reference;

    @Option(names = "--vehicle", paramLabel = "TEXT",
            description = "The vehicle as the report names it, e.g. \"2019 Golf, reg. AB-123\" (default: the cabin's description).")
    String vehicle;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/calibration",
            description = "Where the report, profile, measurements and exports go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BoardConfig boardConfig;
        try {
            boardConfig = BoardLoader.load(board);
        } catch (BoardConfigException e) {
            throw new CalibrationException(board + ": " + e.getMessage(), e);
        }
        CabinSpec car = CabinReader.read(cabin);
        PrintWriter err = spec.commandLine().getErr();
        try (LinkHeadUnit headUnit = LinkHeadUnit.open(link, unit, config);
             VirtualCar mic = new VirtualCar(car, headUnit.sampleRate(), headUnit.outputs(), recording, seat, positions, 1)) {
            CalibrationOptions options = new CalibrationOptions(seat, sweepSeconds, CalibrationOptions.LEVEL_DBFS, reference,
                    "calibrated-" + seat, "Calibrated " + seat, target);
            CalibrationResult result = new Calibration(headUnit, mic, boardConfig, options, line -> {
                err.println(line);
                err.flush();
            }).run(car.name(), vehicle != null ? vehicle : Demo.vehicleOf(car));
            Results.write(result, out);
            Results.printTable(result, spec.commandLine().getOut());
            spec.commandLine().getOut().println("report: " + out.resolve("report.html"));
        }
        return 0;
    }
}
