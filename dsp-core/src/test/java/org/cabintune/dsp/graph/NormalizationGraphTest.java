package org.cabintune.dsp.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.testing.Music;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;

/**
 * Static loudness normalisation through the compiled graph, measured as a user would: the
 * programme through the head unit's meter, the gain from that, the output through the meter again.
 */
class NormalizationGraphTest {

    private static final int FS = 48000;
    private static final int BLOCK = 512;
    /** Six seconds of music (-15 dBFS RMS, peaks near +3 dBFS) at an integrated loudness of -26 LUFS. */
    private static final int[][] PROGRAMME = at(-26, Music.stereo(FS, 6 * FS, 3));

    private static int[][] at(double lufs, double[][] x) {
        int[][] q = {Signals.quantize(x[0]), Signals.quantize(x[1])};
        double gain = Q824.dbToGain(lufs - measure(q).integratedLufs());
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < x[c].length; i++) {
                q[c][i] = Q824.fromDouble(gain * x[c][i]);
            }
        }
        return q;
    }

    private static LoudnessReadings measure(int[][] x) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 2));
        meter.process(x, x[0].length);
        return meter.readings();
    }

    private static LoudnessReadings normalised(String bus, int[][] programme, ProgrammeLoudness measured) {
        Profile profile = Profiles.stereoBus(FS, bus);
        return measure(Graphs.run(GraphCompiler.compile(profile, measured, BLOCK), programme));
    }

    @Test
    void theProgrammeReachesTheTargetWhenItsPeaksAllow() {
        ProgrammeLoudness measured = ProgrammeLoudness.of(measure(PROGRAMME));
        assertEquals(-26.0, measured.integratedLufs(), 0.01);
        LoudnessReadings out = normalised("\"preampDb\": -2, \"normalize\": {\"mode\": \"static\", \"targetLufs\": -20}",
                PROGRAMME, measured);
        assertEquals(-20.0, out.integratedLufs(), 0.1);
        assertTrue(out.truePeakDbtp() <= -1.0, "under the ceiling: " + out.truePeakDbtp());
    }

    @Test
    void withoutALimiterTheCeilingHoldsTheGain() {
        ProgrammeLoudness measured = ProgrammeLoudness.of(measure(PROGRAMME));
        // -14 LUFS wants +12 dB; the peaks allow less before they pass -1 dBTP.
        LoudnessReadings out = normalised("\"normalize\": {\"mode\": \"static\", \"targetLufs\": -14, \"maxBoostDb\": 18}",
                PROGRAMME, measured);
        assertEquals(-1.0, out.truePeakDbtp(), 0.05, "peaks land on the ceiling");
        double allowed = -1.0 - measured.truePeakDbtp();
        assertEquals(measured.integratedLufs() + allowed, out.integratedLufs(), 0.05, "loudness rises by the allowed gain");
        assertTrue(out.integratedLufs() < -14.5);
    }

    @Test
    void withALimiterTheTargetIsReachedAndTheLimiterTakesThePeaks() {
        ProgrammeLoudness measured = ProgrammeLoudness.of(measure(PROGRAMME));
        LoudnessReadings out = normalised("\"normalize\": {\"mode\": \"static\", \"targetLufs\": -14, \"maxBoostDb\": 18}, "
                + "\"limiter\": {\"ceilingDbtp\": -1}", PROGRAMME, measured);
        assertTrue(out.truePeakDbtp() <= -0.9, "limited: " + out.truePeakDbtp());
        // +12 dB puts this music's true peak (-9.4 dBTP) 3.7 dB over the ceiling; limiting costs 0.8 LU.
        assertTrue(out.integratedLufs() <= -14.0 && out.integratedLufs() >= -15.0, "loudness " + out.integratedLufs());
    }

    @Test
    void anAlbumGetsOneGainAndKeepsItsBalance() {
        // Two tracks 8 dB apart, measured as one programme: both move by the same gain.
        int[][] loud = at(-20, Music.stereo(FS, 4 * FS, 4));
        int[][] quiet = at(-28, Music.stereo(FS, 4 * FS, 5));
        int[][] album = new int[2][8 * FS];
        for (int c = 0; c < 2; c++) {
            System.arraycopy(loud[c], 0, album[c], 0, 4 * FS);
            System.arraycopy(quiet[c], 0, album[c], 4 * FS, 4 * FS);
        }
        ProgrammeLoudness measured = ProgrammeLoudness.of(measure(album));
        String bus = "\"normalize\": {\"mode\": \"album\", \"targetLufs\": -23}";
        double louder = normalised(bus, loud, measured).integratedLufs();
        double quieter = normalised(bus, quiet, measured).integratedLufs();
        assertEquals(8.0, louder - quieter, 0.02, "the tracks keep their 8 LU");
        assertEquals(-23.0, normalised(bus, album, measured).integratedLufs(), 0.1);
    }

    @Test
    void withoutAMeasurementTheGainIsZeroAndTheCompilerSaysSo() {
        ProcessingGraph graph = GraphCompiler.compile(Profiles.stereoBus(FS,
                "\"normalize\": {\"mode\": \"static\", \"targetLufs\": -14}"), BLOCK);
        assertEquals(java.util.List.of("bus.normalize is static but the programme's loudness was not measured: "
                + "its gain is 0 dB"), graph.notes());
        assertEquals(-26.0, measure(Graphs.run(graph, PROGRAMME)).integratedLufs(), 0.01);
    }
}
