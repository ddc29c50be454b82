package org.cabintune.tuner.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.tuner.CliRun;
import org.cabintune.tuner.TunerCli;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sweep, cabin play and analyze commands end to end, as a user runs them. */
class MeasureCommandsTest {

    private static final String SEDAN = Path.of("..", "calibration", "cabins", "sedan.yaml").toString();

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        CliRun run = CliRun.of(TunerCli.commandLine(), args);
        stdout = run.out();
        stderr = run.err();
        return run.status();
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void sweepThenCabinThenAnalyzeWritesARewExportWithTheTrueDelay() throws IOException {
        assertEquals(0, run("sweep", "--out", file("s.wav"), "--length", "1"), stderr);
        assertTrue(stdout.contains("2 channels (markers, sweep)"), stdout);
        for (String mic : new String[] {"center", "left-ear"}) {
            assertEquals(0, run("cabin", "play", "--cabin", SEDAN, "--stimulus", file("s.wav"), "--speaker",
                    "front-right-midwoofer", "--seat", "driver", "--mic", mic, "--out", file(mic + ".wav")), stderr);
        }
        assertEquals(0, run("analyze", "--recording", file("center.wav"), "--stimulus", file("s.wav"), "--out",
                file("fr.txt"), "--smoothing", "1/12", "--ir", file("ir.wav"), "--distortion", file("thd.txt")), stderr);
        assertTrue(stdout.contains("polarity inverted"), stdout);

        RewText.Imported fr = RewText.read(dir.resolve("fr.txt"));
        VirtualCabin car = new VirtualCabin(CabinReader.read(Path.of(SEDAN)), 48_000);
        double[] marker = new SweepGenerator(SweepFile.read(dir.resolve("s.wav"))).marker();
        double truth = car.arrivalSeconds("front-right-midwoofer", "driver", "center")
                - TimingMarkers.referenceOf(car.impulse("front-left-tweeter", "driver", "center"), marker) / 48_000;
        assertEquals(truth, fr.delaySeconds(), 10e-6);
        assertTrue(fr.header().contains("Polarity: inverted"), fr.header().toString());
        assertTrue(fr.header().contains("Smoothing: 1/12 octave"), fr.header().toString());
        assertTrue(Files.size(dir.resolve("ir.wav")) > 48_000 * 4);
        assertTrue(Files.readString(dir.resolve("thd.txt")).contains("H2(dB) H3(dB) H4(dB)"));

        // A UMIK file 2 dB hot everywhere, 1 dB less sensitive than nominal: levels drop 2 dB and become
        // dB SPL with 94 dB SPL at -19 dBFS, so every line moves by 94 + 19 - 2 = 111 dB.
        Files.writeString(dir.resolve("umik.txt"), "\"Sens Factor =-1.000dB, SERNO: 7000001\"\n10 2.0\n30000 2.0\n");
        assertEquals(0, run("analyze", "--recording", file("center.wav"), "--stimulus", file("s.wav"), "--out",
                file("spl.txt"), "--smoothing", "1/12", "--mic-cal", file("umik.txt")), stderr);
        RewText.Imported spl = RewText.read(dir.resolve("spl.txt"));
        for (int i = 0; i < spl.response().size(); i++) {
            assertEquals(fr.response().db()[i] + 111, spl.response().db()[i], 0.0011);
        }
        assertTrue(spl.header().contains("Level: dB SPL (94 dB SPL reads -19.00 dBFS RMS)"), spl.header().toString());

        assertEquals(0, run("analyze", "--recording", file("center.wav"), "--recording", file("left-ear.wav"),
                "--average", "vector", "--stimulus", file("s.wav"), "--out", file("avg.txt")), stderr);
        assertTrue(RewText.read(dir.resolve("avg.txt")).header().contains("Average: vector of 2 recordings"
                + " (timing and noise from the first)"));
        assertEquals(0, run("analyze", "--recording", file("center.wav"), "--stimulus", file("s.wav"), "--fdw", "15",
                "--out", file("fdw.txt")), stderr);
    }

    @Test
    void mistakesAreOneLineNamingWhatIsWrong() {
        assertEquals(0, run("sweep", "--out", file("s.wav"), "--length", "1"));
        assertEquals(1, run("cabin", "play", "--cabin", SEDAN, "--stimulus", file("s.wav"), "--speaker", "dashboard",
                "--out", file("r.wav")));
        assertTrue(stderr.startsWith("cabintune cabin play: no speaker 'dashboard' in cabin sedan; speakers: ["), stderr);
        assertEquals(1, run("analyze", "--recording", file("s.wav"), "--stimulus", file("missing.wav"), "--out",
                file("fr.txt")));
        assertEquals("cabintune analyze: " + file("missing.wav") + ": no such file", stderr.strip());
        assertEquals(2, run("sweep", "--out", file("x.wav"), "--from", "20", "--to", "30000"));
        assertTrue(stderr.contains("endHz = 30000.0 Hz is outside the allowed range 4.0 .. 24000.0 Hz"), stderr);
    }
}
