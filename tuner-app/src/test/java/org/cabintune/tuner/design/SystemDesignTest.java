package org.cabintune.tuner.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.Arrival;
import org.cabintune.tuner.measure.Transfer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The system plan held to the virtual cabins' truth: what the head unit makes of the plan's
 * profile (the compiled fixed-point graph's impulse responses) times the true responses at the
 * driver's seat. The outputs are measured perfectly here (the truth at the six microphone
 * positions); {@link MeasuredSystemDesignTest} measures them with sweeps.
 */
class SystemDesignTest {

    /** The truth responses of each car, and the plan from them with the default options, computed once. */
    private static final Map<String, List<OutputMeasurement>> TRUTH = new ConcurrentHashMap<>();
    private static final Map<String, SystemPlan> PLANS = new ConcurrentHashMap<>();

    static List<OutputMeasurement> truth(String name) {
        return TRUTH.computeIfAbsent(name, n -> {
            try {
                return CabinSystem.truth(CabinSystem.car(n));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The plan from a car's truth with the default options. */
    static SystemPlan plan(String name) {
        return PLANS.computeIfAbsent(name, n -> plan(truth(n)));
    }

    static SystemPlan plan(List<OutputMeasurement> outputs) {
        double[] hz = CabinSystem.grid();
        return SystemDesign.plan(outputs, hz, CabinSystem.target(hz), SystemDesign.Options.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void delaysAlignTheTrueArrivalsAtTheDriverSeatWithinTwentyMicroseconds(String name) throws Exception {
        SystemPlan plan = plan(name);
        String report = arrivals(CabinSystem.car(name), plan, 0.1e-6);
        assertFalse(report.contains("<--"), name + ":" + report + "\n" + plan.report());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void polarityProtectionAndMutingAreRight(String name) throws Exception {
        VirtualCabin car = CabinSystem.car(name);
        SystemPlan plan = plan(name);
        List<Output> outputs = plan.toProfileOutputs(Map.of());
        CabinSystem.profile(outputs);
        for (PlannedOutput p : plan.outputs()) {
            String speaker = CabinSystem.BOARD.get(p.index()).speaker();
            String at = name + " " + p.name();
            if (speaker == null) {
                assertTrue(p.muted() && p.mutedReason().contains("connected"), at + ": " + p.mutedReason());
                assertTrue(outputs.get(p.index()).mix().values().stream().allMatch(g -> g == 0.0), at);
                continue;
            }
            assertFalse(p.muted(), at + ": " + p.mutedReason());
            int truth = car.polarity(speaker);
            assertEquals(truth, p.measuredPolarity(), at);
            boolean flipped = plan.subwoofers().stream().anyMatch(s -> s.index() == p.index() && s.flipped());
            assertEquals(truth < 0 != flipped, p.invert(), at);
            double highpass = p.crossover().stream().filter(FilterSpec.HighPass.class::isInstance)
                    .mapToDouble(f -> ((FilterSpec.HighPass) f).freqHz()).max().orElse(0);
            assertTrue(highpass >= p.minHighpassHz().orElseThrow(), at + " high-pass " + highpass);
            if (p.role() == Role.TWEETER) {
                FilterSpec.HighPass h = (FilterSpec.HighPass) p.crossover().get(0);
                assertEquals(new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY), h.slope(), at);
            }
        }
        // Every cabin has its right mid-woofer wired inverted.
        assertTrue(plan.outputs().get(3).invert(), name);
    }

    /**
     * The sum of subwoofer and front mid-woofers over the octave around the crossover, as the
     * head unit plays the plan, against the same plan with the subwoofer unaligned (no delay of
     * its own against the fronts, its measured polarity corrected). As the cars are, the
     * subwoofers already sum well unaligned; with 4 ms more latency on the subwoofer (its own
     * amplifier's DSP, say) alignment must win back at least 1.5 dB. Either way the plan's own
     * figures must be the truth's within 0.1 dB.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void subwooferAlignmentRaisesTheSumAroundTheCrossover(String name) throws Exception {
        VirtualCabin car = CabinSystem.car(name);
        for (double lateSeconds : new double[] {0, 0.004}) {
            List<OutputMeasurement> outputs = new ArrayList<>(truth(name));
            OutputMeasurement sub = outputs.get(6);
            outputs.set(6, OutputMeasurement.of(sub.index(), sub.name(), sub.role(), sub.minHighpassHz(),
                    sub.ceilingDbtp(), sub.positions().stream().map(t -> t.delayed(lateSeconds)).toList(),
                    List.of()));
            SystemPlan plan = lateSeconds == 0 ? plan(name) : plan(outputs);
            SystemPlan.SubwooferSum sum = plan.subwoofers().get(0);
            List<Output> aligned = plan.toProfileOutputs(Map.of());
            List<Output> unaligned = new ArrayList<>(aligned);
            Output s = aligned.get(6);
            unaligned.set(6, new Output(s.name(), s.role(), s.mix(), s.filters(), sum.delayMs() - sum.relativeMs(),
                    s.gainDb(), plan.outputs().get(6).measuredPolarity() < 0, s.protect()));
            double alignedDb = trueSum(car, aligned, sum, lateSeconds);
            double unalignedDb = trueSum(car, unaligned, sum, lateSeconds);
            String at = String.format(Locale.ROOT, "%s, subwoofer %.0f ms late: %.2f dB aligned (plan %.2f), %.2f dB"
                            + " unaligned (plan %.2f), %+.2f ms against the fronts%s", name, lateSeconds * 1000,
                    alignedDb, sum.alignedDb(), unalignedDb, sum.unalignedDb(), sum.relativeMs(),
                    sum.flipped() ? ", flipped" : "");
            assertEquals(sum.alignedDb(), alignedDb, 0.1, at);
            assertEquals(sum.unalignedDb(), unalignedDb, 0.1, at);
            assertTrue(alignedDb - unalignedDb >= (lateSeconds > 0 ? 1.5 : 0), at);
        }
    }

    /**
     * A subwoofer's polarity read wrongly (as a car's can be, from one take to the next) must
     * not change what the head unit plays: the subwoofer's delay is the same and its output's
     * polarity, the measured correction and the alignment's flip together, is the same.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void aSubwooferPolarityReadWronglyChangesNothingThatPlays(String name) throws Exception {
        List<OutputMeasurement> outputs = new ArrayList<>(truth(name));
        OutputMeasurement sub = outputs.get(6);
        SystemPlan right = plan(outputs);
        outputs.set(6, new OutputMeasurement(sub.index(), sub.name(), sub.role(), sub.side(), sub.rear(),
                sub.minHighpassHz(), sub.ceilingDbtp(), sub.positions(), sub.noise(), sub.arrivalSeconds(),
                -sub.polarity()));
        SystemPlan misread = plan(outputs);
        Output a = right.toProfileOutputs(Map.of()).get(6);
        Output b = misread.toProfileOutputs(Map.of()).get(6);
        String at = name + ": read right " + right.subwoofers().get(0) + ", read wrongly " + misread.subwoofers().get(0);
        assertEquals(a.delayMs(), b.delayMs(), 1e-9, at);
        assertEquals(a.invert(), b.invert(), at);
    }

    /**
     * The true arrival (truth at the head's centre times the compiled graph's response, read by
     * {@link Arrival}) of every output but the subwoofers: their spread must stay within 20 us,
     * and each must be where the plan predicted it (within {@code predicted} seconds, after the
     * graph's own latency, which all outputs share). Rows that fail are marked.
     */
    static String arrivals(VirtualCabin car, SystemPlan plan, double predicted) throws ProfileException {
        Profile profile = CabinSystem.profile(plan.toProfileOutputs(Map.of()));
        Transfer[] realised = CabinSystem.realised(profile);
        double bin = (double) CabinSystem.RATE / CabinSystem.FFT;
        List<double[]> rows = new ArrayList<>();
        for (PlannedOutput p : plan.outputs()) {
            String speaker = CabinSystem.BOARD.get(p.index()).speaker();
            if (p.role() == Role.SUBWOOFER || speaker == null) {
                continue;
            }
            Transfer truth = car.transfer(speaker, CabinSystem.SEAT, "center", bin, CabinSystem.FFT / 2 + 1);
            double arrival = Arrival.of(CabinSystem.times(truth, realised[p.index()]));
            rows.add(new double[] {p.index(), arrival, arrival - p.predictedArrivalSeconds()});
        }
        double earliest = rows.stream().mapToDouble(r -> r[1]).min().orElseThrow();
        double latest = rows.stream().mapToDouble(r -> r[1]).max().orElseThrow();
        double latency = rows.get(0)[2];
        StringBuilder b = new StringBuilder();
        for (double[] r : rows) {
            boolean bad = latest - earliest > 20e-6 || Math.abs(r[2] - latency) > predicted;
            b.append(String.format(Locale.ROOT, "%n%-22s true arrival %.3f us (spread %.2f us), predicted off by"
                            + " %.3f us%s", plan.outputs().get((int) r[0]).name(), r[1] * 1e6,
                    (latest - earliest) * 1e6, (r[2] - latency) * 1e6, bad ? "  <--" : ""));
        }
        return b.toString();
    }

    /**
     * The level of the sum of the subwoofer and the front mid-woofers as the graph of
     * {@code outputs} plays them, at the six microphone positions, over the sum's octave:
     * the mean over 25 frequencies of the dB of the position-averaged power.
     */
    private static double trueSum(VirtualCabin car, List<Output> outputs, SystemPlan.SubwooferSum sum,
                                  double subLateSeconds) throws ProfileException {
        double[][] ir = CabinSystem.impulses(CabinSystem.profile(outputs));
        int[] summed = {2, 3, 6};
        int points = 25;
        double total = 0;
        for (int j = 0; j < points; j++) {
            double f = sum.lowHz() * Math.pow(sum.highHz() / sum.lowHz(), (double) j / (points - 1));
            double[][] chain = new double[summed.length][];
            for (int o = 0; o < summed.length; o++) {
                chain[o] = CabinSystem.at(ir[summed[o]], f);
            }
            double power = 0;
            List<CabinSpec.Mic> mics = car.spec().mics();
            for (CabinSpec.Mic mic : mics) {
                double re = 0;
                double im = 0;
                for (int o = 0; o < summed.length; o++) {
                    double[] h = car.transfer(CabinSystem.BOARD.get(summed[o]).speaker(), CabinSystem.SEAT, mic.name(), f);
                    double late = summed[o] == 6 ? -2 * Math.PI * f * subLateSeconds : 0;
                    double hr = h[0] * Math.cos(late) - h[1] * Math.sin(late);
                    double hi = h[0] * Math.sin(late) + h[1] * Math.cos(late);
                    re += hr * chain[o][0] - hi * chain[o][1];
                    im += hr * chain[o][1] + hi * chain[o][0];
                }
                power += (re * re + im * im) / mics.size();
            }
            total += 10 * Math.log10(power);
        }
        return total / points;
    }
}
