package org.cabintune.tuner.correct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.tuner.CliRun;
import org.cabintune.tuner.TunerCli;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.RewText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutoEqCommandTest {

    private static final String TARGET = Path.of("..", "calibration", "targets", "car-default.txt").toString();

    @TempDir
    static Path dir;

    private static final List<String> MEASUREMENTS = new ArrayList<>();

    /** The sedan's front-left tweeter at the driver's seat, one REW text file per microphone position. */
    @BeforeAll
    static void measure() throws Exception {
        CabinPositions pos = CabinPositions.of("sedan", "front-left-tweeter", "driver");
        double[] none = new double[pos.hz().length];
        Arrays.fill(none, Double.NaN);
        for (int m = 0; m < CabinPositions.MICS.length; m++) {
            Path file = dir.resolve(CabinPositions.MICS[m] + ".txt");
            RewText.write(file, List.of("virtual sedan, " + CabinPositions.MICS[m]),
                    new FrequencyResponse(pos.hz(), pos.db()[m], pos.phase()[m], none));
            MEASUREMENTS.add("--measurement");
            MEASUREMENTS.add(file.toString());
        }
    }

    private static CliRun run(String... args) {
        List<String> all = new ArrayList<>();
        all.add("autoeq");
        all.addAll(List.of(args));
        return CliRun.of(TunerCli.commandLine(), all.toArray(String[]::new));
    }

    private static String[] with(String... args) {
        List<String> all = new ArrayList<>(MEASUREMENTS);
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    void writesAMinimalProfileAndPrintsTheTable() throws Exception {
        Path out = dir.resolve("eq.json");
        CliRun r = run(with("--target", TARGET, "--from", "2500", "--to", "18000", "--out", out.toString()));
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("6 position(s), band 2500-18000 Hz, target car-default.txt"), r.out());
        assertTrue(r.out().contains(" #  type        freq Hz   gain dB      Q"), r.out());
        assertTrue(r.out().matches("(?s).*predicted residual: RMS 0\\.\\d\\d dB, max \\d+\\.\\d\\d dB; nulls excluded: \\d+ of \\d+ points.*"),
                r.out());
        Profile p = ProfileParser.parse(out);
        assertEquals(48_000, p.sampleRate());
        assertTrue(p.outputs().getFirst().filters().size() >= 3);
    }

    @Test
    void correctsOneOutputOfABaseProfile() throws Exception {
        Path out = dir.resolve("car.json");
        Path base = Path.of("..", "calibration", "profiles", "reference-8ch.json");
        CliRun r = run(with("--target", TARGET, "--from", "2500", "--to", "18000", "--base", base.toString(),
                "--output", "front-left-tweeter", "--max-filters", "6", "--out", out.toString()));
        assertEquals(0, r.status(), r.err());
        Output tweeter = EqExport.output(ProfileParser.parse(out), "front-left-tweeter");
        assertEquals(FilterSpec.Type.HIGHPASS, tweeter.filters().getFirst().type());
        assertTrue(tweeter.filters().size() <= 7, tweeter.filters().toString());
        Profile before = ProfileParser.parse(base);
        assertEquals(EqExport.output(before, "front-right-tweeter"), EqExport.output(ProfileParser.parse(out),
                "front-right-tweeter"));
    }

    @Test
    void writesEveryOtherFormat() throws Exception {
        String[][] cases = {{"apo", "Filter 1: ON "}, {"rew", "Filter Settings file"}, {"camilladsp", "filters:"},
                {"minidsp", "biquad1,"}};
        for (String[] c : cases) {
            Path out = dir.resolve("eq." + c[0]);
            CliRun r = run(with("--target", TARGET, "--from", "2500", "--to", "18000", "--max-filters", "4",
                    "--format", c[0], "--out", out.toString()));
            assertEquals(0, r.status(), c[0] + ": " + r.err());
            assertTrue(Files.readString(out).contains(c[1]), c[0] + ": " + Files.readString(out));
        }
    }

    @Test
    void badInputIsOneClearLine() {
        String[][] cases = {
            {"--measurement", dir.resolve("missing.txt").toString(), "--target", TARGET, "--out", "x.json"},
            {"--measurement", MEASUREMENTS.get(1), "--target", TARGET, "--format", "wav", "--out", "x"},
            {"--measurement", MEASUREMENTS.get(1), "--target", TARGET, "--base", "p.json", "--out", "x"},
            {"--measurement", MEASUREMENTS.get(1), "--target", TARGET, "--from", "5", "--out", "x"}};
        String[] expected = {"missing.txt: no such file", "--format: 'wav' is not one of profile, apo, rew, camilladsp, minidsp",
                "--base needs --output NAME", "must rise within 10 .. 23520.0 Hz (0.49 x sampleRate)"};
        for (int i = 0; i < cases.length; i++) {
            CliRun r = run(cases[i]);
            assertTrue(r.status() != 0, String.join(" ", cases[i]));
            String firstLine = r.err().lines().findFirst().orElse("");
            assertTrue(firstLine.contains(expected[i]), r.err());
        }
    }

    @Test
    void helpListsTheOptions() {
        CliRun r = run("--help");
        assertEquals(0, r.status());
        for (String option : List.of("--measurement", "--target", "--max-filters", "--max-boost", "--max-cut", "--from",
                "--to", "--smoothing", "--sample-rate", "--base", "--output", "--format")) {
            assertTrue(r.out().contains(option), option);
        }
    }
}
