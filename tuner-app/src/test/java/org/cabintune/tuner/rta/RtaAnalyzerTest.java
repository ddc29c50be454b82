package org.cabintune.tuner.rta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.hu.engine.TestSignalSource;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.MicCalibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analyser against signals whose band levels are known. */
class RtaAnalyzerTest {

    private static final int RATE = 48000;

    @TempDir
    Path dir;

    private static double[] sine(double amplitude, double hz, int frames) {
        double[] x = new double[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / RATE);
        }
        return x;
    }

    /** The head unit's own pink noise (what play-test-signal pink plays), one channel. */
    static double[] pink(double rmsDbfs, int frames, long seed) throws IOException {
        try (TestSignalSource source = TestSignals.pink(1, RATE, rmsDbfs, seed)) {
            int[][] block = new int[1][frames];
            source.read(block, frames);
            double[] x = new double[frames];
            for (int i = 0; i < frames; i++) {
                x[i] = block[0][i] / (double) Q824.ONE;
            }
            return x;
        }
    }

    private static RtaAnalyzer analyzer(int fraction, Averaging averaging, MicCalibration cal) {
        Bands bands = Bands.of(fraction, 20, 20_000);
        return new RtaAnalyzer(RATE, bands, RtaAnalyzer.fftSizeFor(bands, RATE), averaging, cal);
    }

    @ParameterizedTest(name = "1/{0} octave, band {1}")
    @CsvSource({"3,2", "3,17", "3,29", "6,5", "6,40", "12,3", "12,60", "12,118"})
    void aSineLandsInItsBandAtItsLevel(int fraction, int band) {
        RtaAnalyzer rta = analyzer(fraction, Averaging.LINEAR, null);
        double f = Bands.of(fraction, 20, 20_000).centres()[band];
        double[] x = sine(0.5, f, 3 * rta.fftSize());
        rta.accept(x, 0, x.length);
        Spectrum s = rta.spectrum();
        assertEquals(20 * Math.log10(0.5 / Math.sqrt(2)), s.db()[band], 0.02, "the band of " + f + " Hz");
        for (int b = 0; b < s.db().length; b++) {
            if (b != band) {
                assertTrue(s.db()[b] < s.db()[band] - 25, "band " + s.bands().label(b) + " reads " + s.db()[b]);
            }
        }
    }

    /**
     * Pink noise through the sedan's rear coaxial to the driver's head reads, band by band, the
     * cabin's true response averaged over the band (as power, with pink noise's 1/f weight): the
     * reading of the noise played is subtracted from the reading of the noise heard, so the test
     * holds the analyser's band sums, not the noise's own scatter.
     */
    @Test
    void pinkNoiseThroughTheCabinReadsItsTrueResponse() throws IOException {
        VirtualCabin cabin = new VirtualCabin(CabinReader.read(Path.of("../calibration/cabins/sedan.yaml")), RATE);
        String speaker = "rear-left-coaxial";
        int seconds = 12;
        double[] played = pink(-20, seconds * RATE, 1);
        double[] heard = cabin.play(new double[][] {played}, List.of(new VirtualCabin.Route(speaker, 0)), "driver", "center",
                new VirtualCabin.PlayOptions(-300.0, 0.0, 0.0, 1));
        int skip = RATE; // the cabin's impulse response filling up
        RtaAnalyzer in = analyzer(3, Averaging.LINEAR, null);
        RtaAnalyzer out = analyzer(3, Averaging.LINEAR, null);
        in.accept(played, skip, played.length - skip);
        out.accept(heard, skip, played.length - skip);
        Spectrum a = in.spectrum();
        Spectrum b = out.spectrum();
        double worst = 0;
        Bands bands = a.bands();
        double[] truths = CabinTruth.bandsDb(cabin, speaker, bands, 16_000);
        for (int i = 0; i < bands.size(); i++) {
            if (bands.centres()[i] < 25 || bands.centres()[i] > 16_000) {
                continue;
            }
            double truth = truths[i];
            double read = b.db()[i] - a.db()[i];
            worst = Math.max(worst, Math.abs(read - truth));
            assertEquals(truth, read, 0.5, "band " + bands.label(i));
        }
        System.out.printf("pink noise through the sedan's rear-left coaxial, 1/3 octave 25 Hz - 16 kHz: worst band"
                + " %.3f dB from the truth%n", worst);
        // The noise as played reads flat (pink noise has equal power per band), within three
        // standard deviations of a band power measured over B Hz for T s: 4.34 / sqrt(B T) dB.
        double mean = 0;
        int count = 0;
        for (int i = 0; i < bands.size(); i++) {
            if (bands.centres()[i] >= 50) {
                mean += a.db()[i];
                count++;
            }
        }
        mean /= count;
        for (int i = 0; i < bands.size(); i++) {
            if (bands.centres()[i] >= 50) {
                double spread = 3 * 4.34 / Math.sqrt((bands.upper()[i] - bands.lower()[i]) * a.seconds()) + 0.1;
                assertEquals(mean, a.db()[i], spread, "band " + bands.label(i) + " of the noise played");
            }
        }
    }

    @Test
    void exponentialAveragingFollowsAStepAndLinearKeepsTheMean() {
        double[] x = new double[20 * RATE];
        System.arraycopy(sine(0.1, 1000, 10 * RATE), 0, x, 0, 10 * RATE);
        System.arraycopy(sine(0.4, 1000, 10 * RATE), 0, x, 10 * RATE, 10 * RATE);
        RtaAnalyzer exp = analyzer(3, Averaging.parse("exp:1"), null);
        RtaAnalyzer linear = analyzer(3, Averaging.LINEAR, null);
        exp.accept(x, 0, x.length);
        linear.accept(x, 0, x.length);
        int band = 17;
        double quiet = 20 * Math.log10(0.1 / Math.sqrt(2));
        double loud = 20 * Math.log10(0.4 / Math.sqrt(2));
        assertEquals(loud, exp.spectrum().db()[band], 0.05, "8 time constants after the step");
        assertEquals(10 * Math.log10((Math.pow(10, quiet / 10) + Math.pow(10, loud / 10)) / 2), linear.spectrum().db()[band],
                0.3, "the power mean of both halves");
        assertEquals(loud, linear.spectrum().peakDb()[band], 0.02, "peak hold keeps the loudest frame");
    }

    @Test
    void theMicrophonesCalibrationIsTakenOut() throws IOException {
        MicCalibration cal = MicCalibration.read(Files.writeString(dir.resolve("mic.txt"), "20 0\n900 0\n1100 6\n20000 6\n"));
        RtaAnalyzer plain = analyzer(3, Averaging.LINEAR, null);
        RtaAnalyzer corrected = analyzer(3, Averaging.LINEAR, cal);
        for (double f : new double[] {500, 4000}) {
            double[] x = sine(0.3, f, 2 * plain.fftSize());
            plain.reset();
            corrected.reset();
            plain.accept(x, 0, x.length);
            corrected.accept(x, 0, x.length);
            int band = (int) Math.round(10 * Math.log10(f / 1000)) + 17;
            assertEquals(f > 1000 ? -6 : 0, corrected.spectrum().db()[band] - plain.spectrum().db()[band], 0.01, f + " Hz");
        }
    }

    @Test
    void anFftTooShortForTheBandsIsRefused() {
        Bands twelfth = Bands.of(12, 20, 20_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RtaAnalyzer(RATE, twelfth, 65536, Averaging.LINEAR, null));
        assertEquals("fftSize = 65536 is too short or odd: 1/12 octave from 20.5 Hz at 48000 Hz needs at least 131072",
                e.getMessage());
        assertEquals("band 19.4k Hz reaches 19953 Hz, above Nyquist (16000 Hz)", assertThrows(IllegalArgumentException.class,
                () -> new RtaAnalyzer(32000, twelfth, 131072, Averaging.LINEAR, null)).getMessage());
    }
}
