package org.cabintune.dsp.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepGeneratorTest {

    @AcrossSampleRates
    void sweepMatchesTheTextbookFormulaBetweenTheFades(int rate) {
        SweepSpec spec = SweepSpec.defaults(rate);
        double[] sweep = new SweepGenerator(spec).sweep();
        double[] textbook = Signals.logSweep(rate, spec.sweepFrames(), spec.startHz(), spec.endHz(), spec.amplitude());
        int from = sweep.length / 4;
        int to = sweep.length * 3 / 4;
        for (int n = from; n < to; n++) {
            assertEquals(textbook[n], sweep[n], 1e-9, "frame " + n);
        }
    }

    @AcrossSampleRates
    void instantaneousFrequencyRisesByTheSameRatioPerSecond(int rate) {
        SweepSpec spec = SweepSpec.defaults(rate);
        double[] x = new SweepGenerator(spec).sweep();
        double seconds = spec.sweepFrames() / (double) rate;
        for (double at : new double[] {0.3, 0.5, 0.7}) {
            double expected = spec.startHz() * Math.exp(at * seconds / spec.rateSeconds());
            // Count zero crossings over about 40 periods around the instant (one crossing is 1.25 %).
            int half = (int) Math.round(20 * rate / expected);
            int centre = (int) Math.round(at * spec.sweepFrames());
            int crossings = 0;
            for (int n = centre - half; n < centre + half; n++) {
                if ((x[n] >= 0) != (x[n + 1] >= 0)) {
                    crossings++;
                }
            }
            double measured = crossings / 2.0 / (2.0 * half / rate);
            // The mean of an exponential over a symmetric window of +-a time constants is sinh(a)/a times its centre.
            double a = half / (double) rate / spec.rateSeconds();
            assertEquals(expected * Math.sinh(a) / a, measured, expected * 0.02, "at " + at + " of the sweep");
        }
    }

    @Test
    void fadesStartAndEndAtSilenceAndThePeakIsTheLevel() {
        SweepSpec spec = new SweepSpec(48_000, 20, 20_000, 2, -6, false);
        double[] x = new SweepGenerator(spec).sweep();
        assertEquals(0, x[0], 0);
        assertEquals(0, x[x.length - 1], 1e-12);
        double peak = 0;
        for (double v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertEquals(spec.amplitude(), peak, spec.amplitude() * 1e-4);
        // The first frame after the fade-in (half an octave of ~10) is at full amplitude envelope.
        int fadeIn = (int) Math.round(x.length * 0.5 / (Math.log(1000) / Math.log(2)));
        assertTrue(Math.abs(x[fadeIn / 4]) < spec.amplitude() * 0.2, "quiet early in the fade-in");
    }

    @Test
    void defaultLayoutAt48kIsDocumented() {
        SweepLayout layout = SweepSpec.defaults(48_000).layout();
        // lead 0.25 s, marker 0.1 s, gap 0.5 s, sweep 3 s, tail 1 s, marker 0.1 s, end 0.25 s.
        assertEquals(new SweepLayout(12_000, 40_800, 184_800, 232_800, 249_600), layout);
        assertEquals(2, layout.channels());
        assertEquals(1, layout.sweepChannel());
        SweepLayout plain = new SweepSpec(44_100, 20, 20_000, 1, -12, false).layout();
        assertEquals(new SweepLayout(-1, 11_025, 55_125, -1, 99_225), plain);
        assertEquals(1, plain.channels());
    }

    @Test
    void renderPutsMarkersOnTheReferenceChannelAndTheSweepOnTheOther() {
        SweepGenerator g = new SweepGenerator(new SweepSpec(48_000, 20, 20_000, 1, -12, true));
        SweepLayout l = g.layout();
        double[][] x = g.render();
        double[] marker = g.marker();
        double[] sweep = g.sweep();
        for (int n = 0; n < marker.length; n++) {
            assertEquals(marker[n], x[0][l.markerA() + n], 0);
            assertEquals(marker[n], x[0][l.markerB() + n], 0);
        }
        for (int n = 0; n < sweep.length; n++) {
            assertEquals(sweep[n], x[1][l.sweepStart() + n], 0);
            assertEquals(0, x[0][l.sweepStart() + n], 0);
        }
        assertEquals(0, x[1][l.markerA() + marker.length / 2], 0);
    }

    @Test
    void streamingInOddBlocksEqualsOneRender() {
        SweepGenerator g = new SweepGenerator(new SweepSpec(44_100, 15, 20_000, 0.7, -3, true));
        double[][] whole = g.render();
        for (int c = 0; c < whole.length; c++) {
            double[] streamed = new double[whole[c].length + 500];
            double[] block = new double[777];
            for (int at = 0; at < streamed.length; at += block.length) {
                int n = Math.min(block.length, streamed.length - at);
                g.fill(c, at, block, n);
                System.arraycopy(block, 0, streamed, at, n);
            }
            assertArrayEquals(whole[c], java.util.Arrays.copyOf(streamed, whole[c].length), 0);
            for (int n = whole[c].length; n < streamed.length; n++) {
                assertEquals(0, streamed[n], 0, "silence after the end");
            }
        }
    }

    @Test
    void q824StreamIsTheRoundedDoublesAndAllocatesNothing() {
        SweepGenerator g = new SweepGenerator(new SweepSpec(48_000, 20, 20_000, 0.5, -1, true));
        double[][] whole = g.render();
        int[] block = new int[128];
        for (int c = 0; c < whole.length; c++) {
            for (int at = 0; at < whole[c].length; at += block.length) {
                int n = Math.min(block.length, whole[c].length - at);
                g.fill(c, at, block, n);
                for (int i = 0; i < n; i++) {
                    assertEquals(Q824.fromDouble(whole[c][at + i]), block[i], "channel " + c + " frame " + (at + i));
                }
            }
        }
        long[] position = {0};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            g.fill(1, position[0], block, block.length);
            position[0] = (position[0] + block.length) % whole[1].length;
        }, 2000));
    }

    @Test
    void rateConstantIsLengthOverLogRatio() {
        SweepSpec spec = new SweepSpec(48_000, 10, 22_800, 3, -12, true);
        assertEquals(3 / Math.log(2280), spec.rateSeconds(), 1e-12);
        assertEquals(12_000, SweepSpec.defaults(96_000).markerEndHz(), 0);
        assertEquals(22_800, SweepSpec.defaults(48_000).endHz(), 1e-9);
        assertEquals(44_100 * 0.475, SweepSpec.defaults(44_100).endHz(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "48000 | 10 | 30000 | 3 | -12 | endHz = 30000.0 Hz is outside the allowed range 4.0 .. 24000.0 Hz",
        "48000 | 10 | 30 | 3 | -12 | startHz = 10.0 Hz is outside the allowed range 1.0 .. 7.5 Hz",
        "48000 | 10 | 20000 | 0.1 | -12 | seconds = 0.1 s is outside the allowed range 0.5 .. 60.0 s",
        "48000 | 10 | 20000 | 3 | 3 | levelDbfs = 3.0 dBFS is outside the allowed range -60.0 .. 0.0 dBFS",
        "4000 | 10 | 1000 | 3 | -12 | sampleRate = 4000 Hz is outside the allowed range 8000 .. 192000 Hz",
    })
    void refusesParametersOutsideTheirRange(int rate, double from, double to, double seconds, double level,
                                            String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(rate, from, to, seconds, level, true));
        assertEquals(message, e.getMessage());
    }
}
