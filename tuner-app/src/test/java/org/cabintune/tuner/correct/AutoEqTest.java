package org.cabintune.tuner.correct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.tuner.measure.LogGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AutoEqTest {

    private static final AutoEq.Limits LIMITS = AutoEq.Limits.DEFAULT;

    private static HouseCurve carDefault() throws IOException {
        return HouseCurve.read(Path.of("..", "calibration", "targets", "car-default.txt"));
    }

    /** Each cabin's front mid-woofer, tweeter and rear coaxial at the driver's seat, in the speaker's usable band. */
    @ParameterizedTest(name = "{0} {1} {2}-{3} Hz")
    @CsvSource({
        "hatchback, front-left-midwoofer, 60, 5000", "hatchback, front-left-tweeter, 2500, 18000",
        "hatchback, rear-left-coaxial, 90, 16000",
        "sedan, front-left-midwoofer, 60, 5000", "sedan, front-left-tweeter, 2500, 18000",
        "sedan, rear-left-coaxial, 90, 16000",
        "suv, front-left-midwoofer, 60, 5000", "suv, front-left-tweeter, 2500, 18000",
        "suv, rear-left-coaxial, 90, 16000"})
    void fitsEveryCabinsSpeakersToTheCarTarget(String cabin, String speaker, double low, double high) throws Exception {
        CabinPositions pos = CabinPositions.of(cabin, speaker, "driver");
        AutoEq.Problem problem = new AutoEq.Problem(CabinPositions.RATE, pos.hz(), pos.db(), pos.phase(),
                carDefault().on(pos.hz()), low, high, List.of(), LIMITS);
        long t0 = System.nanoTime();
        AutoEq.Result fit = AutoEq.fit(problem);
        double ms = (System.nanoTime() - t0) / 1e6;
        AutoEq.Result baseline = GreedyBaseline.fit(problem);
        double boost = assertSummedWithinLimits(fit.filters(), CabinPositions.RATE, low, high);
        System.out.printf(Locale.ROOT, "%s %s: AutoEq %.3f / %.2f dB, baseline %.3f / %.2f dB, %d filters,"
                + " summed boost %.2f dB, %d of %d null points, %.0f ms%n", cabin, speaker, fit.residualRmsDb(),
                fit.residualMaxDb(), baseline.residualRmsDb(), baseline.residualMaxDb(), fit.filters().size(),
                boost, fit.nullCount(), inBand(fit.hz(), low, high), ms);

        assertTrue(fit.residualRmsDb() <= 1.5, "residual RMS " + fit.residualRmsDb() + " dB");
        // At least as good as the AutoEq project's greedy placement and bounded least squares.
        assertTrue(fit.residualRmsDb() <= baseline.residualRmsDb(),
                "AutoEq " + fit.residualRmsDb() + " dB vs baseline " + baseline.residualRmsDb() + " dB");
        if (speaker.endsWith("midwoofer")) {
            assertTrue(fit.nullCount() > 0, "the door woofer's floor and door reflections leave nulls");
        }
        assertNoBoostAtNulls(fit);
        assertWithinLimits(fit.filters(), low, high);
        assertNoDuplicates(fit.filters());
        // The filters make a profile the head unit accepts.
        String json = ProfileWriter.write(EqExport.profile("fit", CabinPositions.RATE, "out", List.of(), fit.filters()));
        assertEquals(fit.filters(), ProfileParser.parse(json).outputs().getFirst().filters());
    }

    private static void assertNoBoostAtNulls(AutoEq.Result fit) {
        for (int i = 0; i < fit.hz().length; i++) {
            if (fit.nullMask()[i]) {
                assertTrue(fit.eqDb()[i] <= 0.1, "EQ adds " + fit.eqDb()[i] + " dB at the null at " + fit.hz()[i] + " Hz");
            }
        }
    }

    /**
     * The filters together, from their quantised coefficients, add at most maxBoostDb anywhere from
     * 10 Hz to 0.49 fs and take away at most maxCutDb inside the band (0.05 dB tolerance), on a
     * 192-per-octave grid; returns the largest summed gain there.
     */
    private static double assertSummedWithinLimits(List<FilterSpec> filters, double rate, double low, double high) {
        double[] hz = LogGrid.of(10, 0.49 * rate, 192);
        double[] sum = Magnitude.cascadeDb(SectionDesign.quantize(filters, rate), hz, rate);
        for (int i = 0; i < hz.length; i++) {
            assertTrue(sum[i] <= LIMITS.maxBoostDb() + 0.05, "the filters together add " + sum[i] + " dB at "
                    + hz[i] + " Hz: " + filters);
            if (hz[i] >= low && hz[i] <= high) {
                assertTrue(sum[i] >= LIMITS.maxCutDb() - 0.05, "the filters together take away " + sum[i]
                        + " dB at " + hz[i] + " Hz: " + filters);
            }
        }
        return max(sum);
    }

    /** No two filters of one type sit within 1/12 octave of each other with Q within a factor of 2. */
    private static void assertNoDuplicates(List<FilterSpec> filters) {
        for (int a = 0; a < filters.size(); a++) {
            for (int b = a + 1; b < filters.size(); b++) {
                FilterSpec fa = filters.get(a);
                FilterSpec fb = filters.get(b);
                if (fa.getClass() != fb.getClass()) {
                    continue;
                }
                double[] va = params(fa);
                double[] vb = params(fb);
                double octaves = Math.abs(Math.log(va[0] / vb[0]) / Math.log(2));
                double qRatio = Math.max(va[2], vb[2]) / Math.min(va[2], vb[2]);
                assertTrue(octaves >= 1.0 / 12 || qRatio >= 2, "duplicate filters " + fa + " and " + fb);
            }
        }
    }

    /** {frequency, gain, Q} of a peaking or shelving filter. */
    private static double[] params(FilterSpec f) {
        return switch (f) {
            case FilterSpec.Peaking p -> new double[] {p.freqHz(), p.gainDb(), p.q()};
            case FilterSpec.LowShelf s -> new double[] {s.freqHz(), s.gainDb(), s.q()};
            case FilterSpec.HighShelf s -> new double[] {s.freqHz(), s.gainDb(), s.q()};
            default -> throw new AssertionError("unexpected filter " + f);
        };
    }

    private static void assertWithinLimits(List<FilterSpec> filters, double low, double high) {
        assertTrue(filters.size() <= LIMITS.maxFilters());
        for (FilterSpec f : filters) {
            double[] v = params(f);
            assertTrue(v[0] >= low * 0.999 && v[0] <= high * 1.001, "frequency " + f);
            assertTrue(v[1] >= LIMITS.maxCutDb() && v[1] <= LIMITS.maxBoostDb(), "gain " + f);
            assertTrue(v[2] >= LIMITS.minQ() && v[2] <= LIMITS.maxQ(), "Q " + f);
        }
    }

    /**
     * The prediction is the quantised cascade's response: crossover and EQ run by the fixed-point
     * kernel on steady sines match predicted - average within 0.01 dB.
     */
    @Test
    void predictionIsTheFixedPointCascadesResponse() throws Exception {
        CabinPositions pos = CabinPositions.of("sedan", "front-left-midwoofer", "driver");
        List<FilterSpec> crossover = List.of(
                new FilterSpec.HighPass(50, new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY)),
                new FilterSpec.LowPass(4000, new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY)));
        AutoEq.Result fit = AutoEq.fit(new AutoEq.Problem(CabinPositions.RATE, pos.hz(), pos.db(), pos.phase(),
                carDefault().on(pos.hz()), 60, 3000, crossover, LIMITS));
        List<FilterSpec> chain = new ArrayList<>(crossover);
        chain.addAll(fit.filters());
        for (double f : new double[] {70, 180, 450, 1200, 2800}) {
            int i = FitData.nearest(fit.hz(), f);
            double predicted = fit.predictedDb()[i] - fit.averageDb()[i];
            double measured = fixedPointGainDb(SectionDesign.quantize(chain, CabinPositions.RATE), fit.hz()[i]);
            assertEquals(predicted, measured, 0.01, "at " + fit.hz()[i] + " Hz");
        }
    }

    /** Gain of the fixed-point cascade for a steady sine: least-squares amplitude over the last half second of two. */
    private static double fixedPointGainDb(List<org.cabintune.dsp.filter.QuantizedBiquad> sections, double hz) {
        int frames = 2 * CabinPositions.RATE;
        double amplitude = 0.25;
        int[] buffer = new int[frames];
        for (int n = 0; n < frames; n++) {
            buffer[n] = Q824.fromDouble(amplitude * Math.sin(2 * Math.PI * hz * n / CabinPositions.RATE));
        }
        BiquadCascade.mono(sections).process(0, buffer, frames);
        double ss = 0, cc = 0, sc = 0, ys = 0, yc = 0;
        for (int n = frames / 2; n < frames; n++) {
            double w = 2 * Math.PI * hz * n / CabinPositions.RATE;
            double s = Math.sin(w), c = Math.cos(w), y = Q824.toDouble(buffer[n]);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += y * s;
            yc += y * c;
        }
        double det = ss * cc - sc * sc;
        double a = (ys * cc - yc * sc) / det;
        double b = (yc * ss - ys * sc) / det;
        return 20 * Math.log10(Math.hypot(a, b) / amplitude);
    }

    /**
     * Every position dips 20 dB near 1 kHz, each at a different frequency: the
     * average sags there, the positions disagree, and AutoEq must leave it alone where the
     * baseline boosts into it.
     */
    @Test
    void neverBoostsADipThatMovesBetweenPositions() {
        double[] hz = LogGrid.of(20, 20_000, 48);
        double[][] db = new double[6][hz.length];
        double[] centres = {960, 980, 1000, 1020, 1040, 1060};
        for (int p = 0; p < centres.length; p++) {
            for (int i = 0; i < hz.length; i++) {
                double octaves = Math.log(hz[i] / centres[p]) / Math.log(2);
                db[p][i] = -20 * Math.exp(-0.5 * Math.pow(octaves / (1.0 / 36), 2));
            }
        }
        AutoEq.Problem problem = new AutoEq.Problem(48_000, hz, db, null, new double[hz.length], 100, 10_000,
                List.of(), LIMITS);
        AutoEq.Result fit = AutoEq.fit(problem);
        AutoEq.Result baseline = GreedyBaseline.fit(problem);
        int at1k = FitData.nearest(hz, 1000);
        assertTrue(fit.nullMask()[at1k], "1 kHz is a null");
        assertNoBoostAtNulls(fit);
        assertTrue(baseline.eqDb()[at1k] > 0.5, "the baseline boosts the null: " + baseline.eqDb()[at1k]);
    }

    /**
     * Every position dips 14 dB over half an octave around 6 kHz, nearly in the same place: not
     * a null (the positions agree), and deeper than one filter may boost. Before the summed limit
     * was enforced, the fit put two copies of one +6 dB peak on it. The filters together add at
     * most the limit, and no two of them are copies of one filter.
     */
    @Test
    void neverStacksFiltersPastTheBoostLimit() {
        double[] hz = LogGrid.of(20, 20_000, 48);
        double[][] db = new double[6][hz.length];
        for (int p = 0; p < db.length; p++) {
            double centre = 6000 * (1 + 0.01 * (p - 2.5));
            for (int i = 0; i < hz.length; i++) {
                double octaves = Math.log(hz[i] / centre) / Math.log(2);
                db[p][i] = -14 * Math.exp(-0.5 * Math.pow(octaves / (1.0 / 8), 2));
            }
        }
        AutoEq.Problem problem = new AutoEq.Problem(48_000, hz, db, null, new double[hz.length], 2500, 18_000,
                List.of(), LIMITS);
        AutoEq.Result fit = AutoEq.fit(problem);
        int at6k = FitData.nearest(hz, 6000);
        assertTrue(!fit.nullMask()[at6k], "6 kHz is not a null");
        // The dip is still filled in shape, within the limit: the rest comes down instead.
        double at = fit.predictedDb()[at6k] + fit.levelOffsetDb();
        assertTrue(Math.abs(at) <= 1.5 && fit.residualRmsDb() <= 1, "6 kHz sits " + at + " dB from the target, RMS "
                + fit.residualRmsDb() + " dB: " + fit.filters());
        assertSummedWithinLimits(fit.filters(), 48_000, 2500, 18_000);
        assertNoDuplicates(fit.filters());
    }

    /**
     * The stacked pair a sedan calibration once produced (two peaks at 5974.5 Hz, +6 dB, Q 6.46,
     * about +12 dB together): the projection brings the quantised sum to the limit, both losing
     * the same share, and the pair counts as one filter twice.
     */
    @Test
    void projectionTakesAStackedPairDownToTheLimit() {
        double[] hz = LogGrid.of(20, 20_000, 48);
        AutoEq.Problem problem = new AutoEq.Problem(48_000, hz, new double[][] {new double[hz.length]}, null,
                new double[hz.length], 3500, 19_000, List.of(), LIMITS);
        FitData data = FitData.of(problem, true);
        EqFit model = new EqFit(data, LIMITS, true, true, true);
        double[] x = {0};
        for (int k = 0; k < 2; k++) {
            model.add(EqFit.Kind.PEAK);
            x = AutoEq.append(x, model.encode(5974.5, 6, 6.46));
        }
        assertTrue(Duplicates.same(model, x, 0, 1));
        assertTrue(max(Magnitude.cascadeDb(SectionDesign.quantize(model.specs(x), 48_000), hz, 48_000)) > 11.5);

        boolean[] moved = SumLimits.of(data, LIMITS).project(model, x);

        assertTrue(moved[0] && moved[1]);
        assertEquals(x[2], x[5], 1e-12, "both lose the same share");
        double boost = assertSummedWithinLimits(model.specs(x), 48_000, 3500, 19_000);
        assertEquals(LIMITS.maxBoostDb() - SumLimits.MARGIN_DB, boost, 0.02);
    }

    @Test
    void bandwidthIsTheInverseOfQOfOctaves() {
        for (double octaves : new double[] {0.1, 1.0 / 3, 1, 2.5}) {
            assertEquals(octaves, Duplicates.bandwidthOctaves(Candidates.qOfOctaves(octaves)), 1e-12);
        }
    }

    /** A cancellation seen at one position only: a deep dip whose phase turns half a cycle within it. */
    @Test
    void findsACancellationFromPhaseWithOnePosition() {
        double[] hz = LogGrid.of(20, 20_000, 48);
        // The comb of a direct sound and an equal reflection 1 ms later nulls at 500 Hz, 1.5 kHz, ...
        double[] db = new double[hz.length];
        double[] phase = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            double w = 2 * Math.PI * hz[i] * 0.001;
            double re = 1 + 0.97 * Math.cos(w);
            double im = -0.97 * Math.sin(w);
            db[i] = 10 * Math.log10(re * re + im * im);
            phase[i] = Math.toDegrees(Math.atan2(im, re));
        }
        AutoEq.Result fit = AutoEq.fit(new AutoEq.Problem(48_000, hz, new double[][] {db}, new double[][] {phase},
                new double[hz.length], 200, 1000, List.of(), LIMITS));
        assertTrue(fit.nullMask()[FitData.nearest(hz, 500)], "500 Hz is a null");
        assertNoBoostAtNulls(fit);
    }

    @Test
    void magnitudeMatchesTheComplexResponse() {
        BiquadCoefficients c = FilterDesign.peaking(96_000, 20, 10, -12);
        double[] hz = {10, 19, 20, 21, 100, 10_000};
        double[] phi = Magnitude.phi(hz, 96_000);
        for (int i = 0; i < hz.length; i++) {
            assertEquals(c.magnitudeDb(hz[i], 96_000), Magnitude.db(c, phi[i]), 1e-6, "at " + hz[i]);
        }
    }

    @Test
    void refusesABandOutsideTheMeasurementNamingIt() {
        double[] hz = LogGrid.of(100, 10_000, 12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new AutoEq.Problem(48_000, hz,
                new double[][] {new double[hz.length]}, null, new double[hz.length], 50, 5000, List.of(), LIMITS));
        assertTrue(e.getMessage().startsWith("band 50.0 .. 5000.0 Hz reaches outside the measured"), e.getMessage());
        IllegalArgumentException limits = assertThrows(IllegalArgumentException.class,
                () -> new AutoEq.Limits(10, 20, -12, 0.5, 10, true, LIMITS.smoothing()));
        assertEquals("maxBoostDb = 20.0 is outside the allowed range 0.0 .. 18.0", limits.getMessage());
    }

    private static int inBand(double[] hz, double low, double high) {
        int n = 0;
        for (double f : hz) {
            n += f >= low && f <= high ? 1 : 0;
        }
        return n;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
