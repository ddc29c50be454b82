package org.cabintune.tuner.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.junit.jupiter.api.Test;

/**
 * The system plan from real simulated measurements: sweeps recorded in the sedan with its road
 * noise, clock drift and random starts at two microphone positions, analysed by the
 * tuner's own analyser, and the result held to the cabin's truth as in {@link SystemDesignTest}.
 */
class MeasuredSystemDesignTest {

    @Test
    void planFromSweepsAlignsTheTrueArrivalsAndGetsPolarityAndMutingRight() throws Exception {
        VirtualCabin car = CabinSystem.car("sedan");
        List<OutputMeasurement> outputs = CabinSystem.measured(car, List.of("center", "right-ear"), 21);
        SystemPlan plan = SystemDesignTest.plan(outputs);
        // Predicted from measured responses: each arrival reads the road noise in its envelope's
        // 3 dB top, a few tenths of a microsecond for a mid-woofer through its crossovers.
        String report = SystemDesignTest.arrivals(car, plan, 1e-6);
        assertFalse(report.contains("<--"), report + "\n" + plan.report());
        for (PlannedOutput p : plan.outputs()) {
            String speaker = CabinSystem.BOARD.get(p.index()).speaker();
            if (speaker == null) {
                assertTrue(p.muted() && p.mutedReason().contains("noise floor"), p.name() + ": " + p.mutedReason());
                continue;
            }
            assertFalse(p.muted(), p.name() + ": " + p.mutedReason());
            assertEquals(car.polarity(speaker), p.measuredPolarity(), p.name());
            boolean flipped = plan.subwoofers().stream().anyMatch(s -> s.index() == p.index() && s.flipped());
            assertEquals(car.polarity(speaker) < 0 != flipped, p.invert(), p.name());
            if (p.role() == Role.TWEETER) {
                double highpass = ((FilterSpec.HighPass) p.crossover().get(0)).freqHz();
                assertTrue(highpass >= 2000, p.name() + " high-pass " + highpass);
            }
        }
    }
}
