package org.cabintune.dsp.meter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.AcrossSampleRates;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.SampleRates;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.testing.Twins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeterTest {

    static Stream<Arguments> ratesAndSignals() {
        return SampleRates.crossedWith("noise", "sweep", "quiet sine");
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("ratesAndSignals")
    void passesSignalThroughAndReadsLikeTwin(int rate, String kind) {
        double[] signal = switch (kind) {
            case "noise" -> Signals.whiteNoise(31, rate / 2, -12.0);
            case "sweep" -> Signals.logSweep(rate, rate / 2, 20, 20_000, 0.5);
            default -> Signals.sine(rate, rate / 2, 1000, Q824.dbToGain(-80), 0);
        };
        MeterParams params = MeterParams.of(rate, 2);
        Meter meter = new Meter(params);
        MeterReference twin = new MeterReference(params);
        int[][] input = Twins.onChannels(signal, 2);
        Twins.Outputs out = Twins.run(meter, twin, input);
        assertArrayEquals(input, out.fixed(), "a tap never changes the signal");
        for (int c = 0; c < 2; c++) {
            MeterReading fixed = meter.reading(c);
            MeterReading reference = twin.reading(c);
            assertEquals(reference.peakDbfs(), fixed.peakDbfs(), 0.0001, "peak " + kind);
            assertEquals(reference.rmsDbfs(), fixed.rmsDbfs(), 0.0001, "rms " + kind);
        }
    }

    @AcrossSampleRates
    void sineReadsItsPeakAndRms(int rate) {
        Meter meter = new Meter(MeterParams.of(rate, 1));
        // 1 kHz has whole cycles in a 300 ms window at all three rates, and a phase of pi/2
        // puts a crest on a sample at least every 10 ms, so sample peak = true peak.
        int[] x = Signals.quantize(Signals.sine(rate, rate, 1000, Q824.dbToGain(-20), Math.PI / 2));
        meter.process(new int[][] {x}, x.length);
        assertEquals(-20.0, meter.peakDbfs(0), 0.001);
        assertEquals(-20.0 - 10 * Math.log10(2), meter.rmsDbfs(0), 0.001);
        assertEquals(rate, meter.framesMetered());
    }

    @AcrossSampleRates
    void peakHoldsThenFallsAtTheDecayRate(int rate) {
        MeterParams params = new MeterParams(rate, 1, 50, 500, 20);
        Meter meter = new Meter(params);
        int[] click = new int[rate / 10];
        click[0] = Q824.fromDouble(0.5);
        meter.process(new int[][] {click}, click.length);
        assertEquals(-6.0206, meter.peakDbfs(0), 0.0001, "held");
        int[] silence = new int[rate];
        // Up to the end of the hold (0.5 s after the click) it stays.
        meter.process(new int[][] {silence}, params.holdSamples() - click.length + 1);
        assertEquals(-6.0206, meter.peakDbfs(0), 0.0001, "still held");
        meter.process(new int[][] {silence}, rate);
        assertEquals(-6.0206 - 20, meter.peakDbfs(0), 0.001, "one second of 20 dB/s fall");
        assertEquals(Double.NEGATIVE_INFINITY, meter.rmsDbfs(0), "window holds only silence");
    }

    @AcrossSampleRates
    void silenceReadsMinusInfinityAndPassesExactZeros(int rate) {
        Meter meter = new Meter(MeterParams.of(rate, 2));
        int[][] x = new int[2][rate / 10];
        meter.process(x, x[0].length);
        assertArrayEquals(new int[2][rate / 10], x);
        assertEquals(new MeterReading(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY),
                meter.reading(1));
    }

    @Test
    void fullScaleExtremesAreMeasuredWithoutOverflow() {
        Meter meter = new Meter(new MeterParams(48_000, 1, 1000, 0, 0));
        int[] x = new int[48_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? Q824.MIN : Q824.MAX;
        }
        meter.process(new int[][] {x}, x.length);
        assertEquals(20 * Math.log10(128), meter.peakDbfs(0), 0.0001);
        assertEquals(20 * Math.log10(128), meter.rmsDbfs(0), 0.0001);
    }

    /** Peak and RMS are published as one atomic long: a reader never sees a mix of periods. */
    @Test
    void concurrentReaderSeesConsistentPairs() throws Exception {
        int period = 128;
        // Window of exactly one period, no hold: RMS is the period's level, peak >= it.
        Meter meter = new Meter(new MeterParams(48_000, 1, period * 1000.0 / 48_000, 0, 1000));
        int[][] loud = {new int[period]};
        int[][] soft = {new int[period]};
        Arrays.fill(loud[0], Q824.fromDouble(0.5));
        Arrays.fill(soft[0], Q824.fromDouble(0.25));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread reader = Thread.ofPlatform().start(() -> {
            while (!done.get()) {
                MeterReading r = meter.reading(0);
                boolean known = r.rmsDbfs() == Double.NEGATIVE_INFINITY
                        || Math.abs(r.rmsDbfs() + 6.0206) < 1e-3 || Math.abs(r.rmsDbfs() + 12.0412) < 1e-3;
                if (!known || r.peakDbfs() < r.rmsDbfs() - 1e-6) {
                    failure.compareAndSet(null, r.toString());
                }
            }
        });
        for (int i = 0; i < 200_000; i++) {
            meter.process(i % 3 == 0 ? loud : soft, period);
        }
        done.set(true);
        reader.join();
        assertEquals(null, failure.get());
    }

    @Test
    void processAllocatesNothing() {
        Meter meter = new Meter(MeterParams.of(48_000, 2));
        int[][] buffer = Twins.onChannels(Signals.whiteNoise(1, 128, -12), 2);
        assertEquals(0, Allocation.bytesAllocatedBy(() -> meter.process(buffer, 128), 20_000));
    }

    @Test
    void rejectsParametersOutOfRange() {
        var window = assertThrows(IllegalArgumentException.class,
                () -> new MeterParams(48_000, 2, 0.5, 1000, 12));
        assertEquals("rmsWindowMs = 0.5 ms is outside the allowed range 1.0 .. 1000.0 ms",
                window.getMessage());
        var decay = assertThrows(IllegalArgumentException.class,
                () -> new MeterParams(48_000, 2, 300, 1000, -1));
        assertEquals("peakDecayDbPerSecond = -1.0 dB/s is outside the allowed range 0.0 .. "
                + "1000.0 dB/s", decay.getMessage());
    }
}
