package org.cabintune.tuner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.hu.engine.TestSignalSource;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.hu.engine.WavFileSink;
import org.cabintune.hu.engine.WavFiles;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live virtual car, block by block from a DAC recording the head unit's own WAV sink is
 * writing, hears what the whole-take virtual car hears of the same samples.
 */
class LiveVirtualCarTest {

    private static final int RATE = 48000;

    @TempDir
    Path dir;

    @Test
    void blockByBlockItHearsWhatTheWholeTakeHears() throws IOException {
        CabinSpec sedan = CabinReader.read(Path.of("../calibration/cabins/sedan.yaml"));
        List<String> outputs = List.of("rear-left-coaxial", "nothing-here", "subwoofer-1");
        Path dac = dir.resolve("dac.wav");
        int frames = 3 * RATE;
        int[][] played = new int[3][frames];
        try (TestSignalSource pink = TestSignals.pink(3, RATE, -20, 5)) {
            pink.read(played, frames);
        }
        try (WavFileSink unit = WavFiles.recorder(dac, 3, RATE, 32, false)) {
            unit.write(played, frames);
        }
        double[] heardLive = new double[frames];
        try (LiveVirtualCar car = LiveVirtualCar.open(sedan, outputs, dac, "driver", "center", 4800, -300.0, 1, true)) {
            double[] block = new double[car.blockFrames()];
            for (int at = 0; at + block.length <= frames; at += block.length) {
                assertEquals(block.length, car.read(block));
                System.arraycopy(block, 0, heardLive, at, block.length);
            }
        }
        double[][] x = new double[3][frames];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < frames; i++) {
                x[c][i] = played[c][i] / (double) Q824.ONE;
            }
        }
        double[] heardWhole = new VirtualCabin(sedan, RATE).play(x, List.of(new VirtualCabin.Route("rear-left-coaxial", 0),
                new VirtualCabin.Route("subwoofer", 2)), "driver", "center", new VirtualCabin.PlayOptions(-300.0, 0.0, 0.0, 1));
        // The whole take carries the unit's latency (10 ms, 480 samples, in the sedan); the live car leaves it out.
        int latency = (int) Math.round(sedan.clock().latencyMs() / 1000 * RATE);
        double error = 0;
        double power = 0;
        for (int i = 0; i < frames; i++) {
            double d = heardLive[i] - heardWhole[i + latency];
            error += d * d;
            power += heardLive[i] * heardLive[i];
        }
        double db = 10 * Math.log10(error / power);
        System.out.printf("live virtual car against the whole take: difference %.1f dB below the signal%n", -db);
        assertTrue(power > 0);
        assertTrue(db < -80, "live and whole differ by " + db + " dB");
    }
}
