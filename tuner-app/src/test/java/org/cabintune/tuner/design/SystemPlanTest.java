package org.cabintune.tuner.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Output.Role;
import org.junit.jupiter.api.Test;

/** The plan's profile outputs, its options and its inputs' checks. */
class SystemPlanTest {

    private static double highpass(PlannedOutput p) {
        return p.crossover().stream().filter(FilterSpec.HighPass.class::isInstance)
                .mapToDouble(f -> ((FilterSpec.HighPass) f).freqHz()).max().orElse(Double.NaN);
    }

    private static double lowpass(PlannedOutput p) {
        return p.crossover().stream().filter(FilterSpec.LowPass.class::isInstance)
                .mapToDouble(f -> ((FilterSpec.LowPass) f).freqHz()).min().orElse(Double.NaN);
    }

    @Test
    void profileOutputsCarryCrossoverThenEqMixAndTheBoardsProtection() throws Exception {
        SystemPlan plan = SystemDesignTest.plan("sedan");
        FilterSpec eq = new FilterSpec.Peaking(2400, 3, -4);
        List<Output> outputs = plan.toProfileOutputs(Map.of(2, List.of(eq)));
        CabinSystem.profile(outputs);
        assertEquals(Map.of("L", 1.0), outputs.get(0).mix());
        assertEquals(Map.of("R", 1.0), outputs.get(3).mix());
        assertEquals(Map.of("L", 0.5, "R", 0.5), outputs.get(6).mix());
        assertEquals(Map.of("L", 0.0, "R", 0.0), outputs.get(7).mix());
        Output woofer = outputs.get(2);
        assertEquals(plan.outputs().get(2).crossover(), woofer.filters().subList(0, 2));
        assertEquals(eq, woofer.filters().get(2));
        assertEquals(new Output.Protect(OptionalDouble.of(50), -1.0), woofer.protect());
        assertEquals(new Output.Protect(OptionalDouble.of(60), -2.0), outputs.get(4).protect());
        for (int i = 0; i < outputs.size(); i++) {
            PlannedOutput p = plan.outputs().get(i);
            assertEquals(p.delayMs(), outputs.get(i).delayMs(), p.name());
            assertEquals(p.gainDb(), outputs.get(i).gainDb(), p.name());
            assertEquals(p.invert(), outputs.get(i).invert(), p.name());
            assertEquals(p.delayMs() / 1000 * 343 * 100, p.delayCm(), 1e-9, p.name());
        }
        var unknown = assertThrows(IllegalArgumentException.class, () -> plan.toProfileOutputs(Map.of(9, List.of(eq))));
        assertTrue(unknown.getMessage().startsWith("eqByOutput[9] names no output of the plan"), unknown.getMessage());
    }

    @Test
    void crossoversMeetAndTheSubwooferCrossoverCanBeGiven() {
        List<OutputMeasurement> outputs = SystemDesignTest.truth("suv");
        double[] hz = CabinSystem.grid();
        SystemPlan auto = SystemDesignTest.plan("suv");
        List<PlannedOutput> p = auto.outputs();
        assertEquals(highpass(p.get(0)), lowpass(p.get(2)), "tweeter meets mid-woofer");
        assertEquals(highpass(p.get(1)), lowpass(p.get(3)));
        assertEquals(highpass(p.get(0)), highpass(p.get(1)), "one frequency for both sides");
        double sub = auto.subCrossoverHz();
        assertTrue(sub >= 60 && sub <= 100, "subwoofer crossover " + sub);
        for (int i : new int[] {2, 3, 4, 5}) {
            assertEquals(sub, highpass(p.get(i)), p.get(i).name());
        }
        assertEquals(sub, lowpass(p.get(6)));
        SystemPlan fixed = SystemDesign.plan(outputs, hz, CabinSystem.target(hz),
                SystemDesign.Options.DEFAULT.withSubCrossoverHz(90));
        assertEquals(90, fixed.subCrossoverHz());
        assertEquals(90, lowpass(fixed.outputs().get(6)));
        assertEquals(90, highpass(fixed.outputs().get(4)));
    }

    @Test
    void withoutASubwooferTheDoorsPlayDownToTheirProtection() {
        List<OutputMeasurement> outputs = SystemDesignTest.truth("hatchback").subList(0, 6);
        SystemPlan plan = SystemDesignTest.plan(outputs);
        assertTrue(Double.isNaN(plan.subCrossoverHz()));
        assertTrue(plan.subwoofers().isEmpty());
        // The doors reach 20 Hz in the cabin: the subsonic high-pass is their protection minimum.
        assertEquals(50, highpass(plan.outputs().get(2)));
        assertEquals(60, highpass(plan.outputs().get(4)));
    }

    @Test
    void rearFillSitsTheAskedLevelBelowTheFront() {
        List<OutputMeasurement> outputs = SystemDesignTest.truth("sedan");
        double[] hz = CabinSystem.grid();
        SystemPlan level = SystemDesign.plan(outputs, hz, CabinSystem.target(hz),
                SystemDesign.Options.DEFAULT.withRearLevelDb(0));
        SystemPlan down = SystemDesignTest.plan("sedan");
        // Level against the target plus gain: what each output plays at against the target.
        double frontShift = played(down.outputs().get(2)) - played(level.outputs().get(2));
        for (int i = 0; i < 7; i++) {
            PlannedOutput a = level.outputs().get(i);
            PlannedOutput b = down.outputs().get(i);
            assertEquals(a.rear() ? -3 : 0, played(b) - played(a) - frontShift, 1e-9, a.name());
        }
    }

    private static double played(PlannedOutput p) {
        return p.levelDb() + p.gainDb();
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        var speed = assertThrows(IllegalArgumentException.class,
                () -> SystemDesign.Options.DEFAULT.withSpeedOfSound(400));
        assertEquals("speedOfSound = 400.0 m/s is outside the allowed range 300.0 .. 360.0 m/s", speed.getMessage());
        var tweeter = assertThrows(IllegalArgumentException.class, () -> OutputMeasurement.of(0, "front-left-tweeter",
                Role.TWEETER, OptionalDouble.empty(), -1, List.of(), List.of()));
        assertTrue(tweeter.getMessage().startsWith("outputs[front-left-tweeter].minHighpassHz is missing"),
                tweeter.getMessage());
        List<OutputMeasurement> outputs = SystemDesignTest.truth("sedan");
        var target = assertThrows(IllegalArgumentException.class,
                () -> SystemDesign.plan(outputs, CabinSystem.grid(), new double[3], SystemDesign.Options.DEFAULT));
        assertTrue(target.getMessage().contains("they must match"), target.getMessage());
    }

    @Test
    void sideAndRearComeFromTheName() {
        assertEquals(Side.LEFT, Side.fromName("front-left-tweeter"));
        assertEquals(Side.RIGHT, Side.fromName("rear_right_coaxial"));
        assertEquals(Side.CENTRE, Side.fromName("center-midrange"));
        assertEquals(Side.CENTRE, Side.fromName("subwoofer-1"));
        assertTrue(Side.rearFromName("rear-left-coaxial"));
        assertTrue(!Side.rearFromName("front-left-tweeter"));
    }
}
