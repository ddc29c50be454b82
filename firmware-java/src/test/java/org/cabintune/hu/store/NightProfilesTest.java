package org.cabintune.hu.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.testing.Music;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * Night mode's bus on music whose loudness drops by 20 LU and comes back, as from a loud track
 * to a quiet one and back, measured at the outputs with the head unit's own loudness meter.
 */
class NightProfilesTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;
    /** One passage: as long as the short-term loudness's window, so each reading hears one passage only. */
    private static final int SECTION = 3 * FS;
    private static final double LOUD_LUFS = -14;
    private static final double QUIET_LUFS = -34;

    /** Loud, quiet, loud, 3 s each: the same music, 20 LU apart. */
    private static final int[][] PROGRAMME = programme();

    private static int[][] programme() {
        double[][] music = Music.stereo(FS, 3 * SECTION, 11);
        int[][] q = {Signals.quantize(music[0]), Signals.quantize(music[1])};
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 2));
        meter.process(q, q[0].length);
        double lufs = meter.readings().integratedLufs();
        int[][] x = new int[2][3 * SECTION];
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < x[c].length; i++) {
                boolean quiet = i >= SECTION && i < 2 * SECTION;
                x[c][i] = Q824.fromDouble(Q824.dbToGain((quiet ? QUIET_LUFS : LOUD_LUFS) - lufs) * music[c][i]);
            }
        }
        return x;
    }

    /** Short-term loudness (last 3 s) at the end of each section, and the true peak over all. */
    private record Heard(double loud, double quiet, double loudAgain, double truePeakDbtp) {
        double swing() {
            return loud - quiet;
        }
    }

    private static Heard play(Profile profile) {
        ProcessingGraph graph = GraphCompiler.compile(profile, BLOCK);
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 2));
        int[][] in = new int[2][BLOCK];
        int[][] out = new int[graph.outputs()][BLOCK];
        double[] ends = new double[3];
        for (int start = 0; start < PROGRAMME[0].length; start += BLOCK) {
            for (int c = 0; c < 2; c++) {
                System.arraycopy(PROGRAMME[c], start, in[c], 0, BLOCK);
            }
            graph.process(in, out, BLOCK);
            meter.process(out, BLOCK);
            if ((start + BLOCK) % SECTION == 0) {
                ends[(start + BLOCK) / SECTION - 1] = meter.readings().shortTermLufs();
            }
        }
        return new Heard(ends[0], ends[1], ends[2], meter.readings().truePeakDbtp());
    }

    @Test
    void nightNarrowsTheSwingAndKeepsThePeaksUnderItsCeiling() {
        Profile driver = StoreProfiles.stereo("Driver", 0);
        Heard day = play(driver);
        Heard night = play(NightProfiles.forNight(driver));
        String report = String.format(Locale.ROOT, "day %.1f / %.1f / %.1f LUFS, night %.1f / %.1f / %.1f LUFS, peak %.2f dBTP",
                day.loud, day.quiet, day.loudAgain, night.loud, night.quiet, night.loudAgain, night.truePeakDbtp);
        assertEquals(20, day.swing(), 1, report);
        assertTrue(night.swing() < day.swing() / 3, "the 20 LU drop is a third of it at night: " + report);
        assertTrue(night.loud < day.loud - 6 && night.loudAgain < day.loudAgain - 6, "loud passages come down: " + report);
        assertTrue(night.quiet > day.quiet + 5, "a quiet passage comes up: " + report);
        assertEquals(night.loud, night.loudAgain, 0.5, "loud music comes back as loud as it was: " + report);
        assertEquals(-23, night.loud, 2, "-14 LUFS music plays near -23 LUFS: " + report);
        assertTrue(night.truePeakDbtp <= NightProfiles.CEILING_DBTP + 0.1, report);
    }

    @Test
    void theCorrectionThePreampAndTheCompensationStayTheProfiles() {
        Profile driver = StoreProfiles.stereo("Driver", -3);
        Profile withBus = new Profile(driver.format(), driver.name(), driver.sampleRate(), driver.inputs(),
                new Bus(-4, java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.of(new Bus.Limiter(-3, 1.5, 50)),
                        java.util.Optional.of(Bus.LoudnessCompensation.DEFAULT)), driver.outputs());
        Profile night = NightProfiles.forNight(withBus);
        assertEquals(withBus.outputs(), night.outputs());
        assertEquals(-4, night.bus().preampDb());
        assertEquals(withBus.bus().loudnessCompensation(), night.bus().loudnessCompensation());
        assertEquals(-3, night.bus().limiter().orElseThrow().ceilingDbtp(), "a lower ceiling of the profile's stays");
        assertEquals(withBus.bus().normalize(), night.bus().normalize());
        assertTrue(night.bus().multiband().isPresent());
        assertEquals(NightProfiles.CEILING_DBTP, NightProfiles.forNight(driver).bus().limiter().orElseThrow().ceilingDbtp());
    }
}
