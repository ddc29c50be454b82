package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.tuner.audio.SoundCardInput;
import org.cabintune.tuner.audio.SoundCardMicrophone;
import org.cabintune.tuner.audio.TerminalPrompt;
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
 * microphone is a measurement microphone on the desktop's sound card ({@code --mic}), moved by
 * hand from position to position, or a virtual car listening to the unit's DAC recording
 * ({@code --virtual-car}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure every output of a head unit, design the correction, store it signed, measure again.",
        footer = {"", "With --mic the tuner records from that capture device (cabintune devices lists them) at the",
                "unit's rate and asks, before each position's measurements, for the microphone to be moved there.",
                "With --virtual-car the unit runs with its DAC recorded (cabintune-hu run ... --sink wav:FILE) and the",
                "virtual car plays that recording through its cabin to every microphone position around the seat.", "",
                "Examples:", "  cabintune calibrate --mqtt ssl://car.local:8883 --credentials tuner.properties --unit car-7 \\",
                "      --board board-configs/rpi5-hifiberry-dac8x.yaml --mic \"UMIK-1\" --mic-cal umik1_90deg.txt",
                "  cabintune calibrate --mqtt tcp://127.0.0.1:1883 --credentials car.properties --unit car-7 \\",
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

    @Mixin
    MicrophoneOptions microphone;

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
        CommandLine cli = spec.commandLine();
        microphone.check(cli);
        BoardConfig boardConfig;
        try {
            boardConfig = BoardLoader.load(board);
        } catch (BoardConfigException e) {
            throw new CalibrationException(board + ": " + e.getMessage(), e);
        }
        CabinSpec car = microphone.car();
        SoundCardInput input = microphone.soundCard();
        PrintWriter err = cli.getErr();
        Consumer<String> log = line -> {
            err.println(line);
            err.flush();
        };
        try (LinkHeadUnit headUnit = LinkHeadUnit.open(link, unit, config);
             Microphone mic = car != null
                     ? new VirtualCar(car, headUnit.sampleRate(), headUnit.outputs(), microphone.recording(),
                             microphone.seat(), positions, 1)
                     : SoundCardMicrophone.open(input, headUnit.sampleRate(), positions, microphone.seat(),
                             TerminalPrompt.terminal(err), log);
             ExitGuard guard = guard(headUnit)) {
            String seat = microphone.seat();
            CalibrationOptions options = new CalibrationOptions(seat, sweepSeconds, CalibrationOptions.LEVEL_DBFS, reference,
                    "calibrated-" + seat, "Calibrated " + seat, target);
            CalibrationResult result = new Calibration(headUnit, mic, boardConfig, options, log)
                    .run(car != null ? car.name() : "unit " + headUnit.id(),
                            vehicle != null ? vehicle : car != null ? Demo.vehicleOf(car) : "unit " + headUnit.id());
            Results.write(result, out);
            Results.printTable(result, cli.getOut());
            cli.getOut().println("report: " + out.resolve("report.html"));
        }
        return 0;
    }

    /** Stops the stimulus and plays again what played before, should the tuner be ended mid-way. */
    private static ExitGuard guard(LinkHeadUnit headUnit) {
        String previous = headUnit.activeProfile();
        return ExitGuard.arm("stopping the test signal on unit " + headUnit.id()
                + (previous != null ? " and selecting " + previous + " again" : ""), () -> headUnit.restore(previous),
                System.err);
    }
}
