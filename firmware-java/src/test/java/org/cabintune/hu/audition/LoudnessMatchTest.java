package org.cabintune.hu.audition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.engine.DecodedAudio;
import org.cabintune.hu.store.StoreProfiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The loudness match on the stereo board's real chain, offline: the louder side is trimmed
 * down to the quieter one, and each side played with its trim, through the same compile, reads
 * the same integrated loudness; also where the louder side's protection limiters work hard (they
 * go on working: the trim comes after them), and for a master at another rate than the
 * engine's, which plays resampled.
 */
class LoudnessMatchTest {

    static final int FS = 48000;
    static final int PERIOD = 128;
    /** How close the trimmed sides must read: the trim's Q5.27 rounding and nothing else. */
    static final double TOLERANCE_LU = 0.001;
    final BoardConfig board = StoreProfiles.stereoBoard();

    /** A stereo-board profile at {@code gainDb} with a tilt: bass up, treble down. */
    static Profile tilted(String name, double gainDb) throws ProfileException {
        return ProfileParser.parse("""
                {"format": "cabintune.profile/1", "name": "%s", "sampleRate": 48000, "inputs": ["L", "R"],
                 "outputs": [
                   {"name": "front-left", "role": "fullrange", "mix": {"L": 1.0}, "gainDb": %s,
                    "filters": [{"type": "highpass", "freqHz": 60, "order": 2},
                                {"type": "lowshelf", "freqHz": 250, "q": 0.7, "gainDb": 4},
                                {"type": "highshelf", "freqHz": 4000, "q": 0.7, "gainDb": -3}],
                    "protect": {"ceilingDbtp": -1}},
                   {"name": "front-right", "role": "fullrange", "mix": {"R": 1.0}, "gainDb": %s,
                    "filters": [{"type": "highpass", "freqHz": 60, "order": 2},
                                {"type": "lowshelf", "freqHz": 250, "q": 0.7, "gainDb": 4},
                                {"type": "highshelf", "freqHz": 4000, "q": 0.7, "gainDb": -3}],
                    "protect": {"ceilingDbtp": -1}}
                 ]}""".formatted(name, gainDb, gainDb));
    }

    private LoudnessMatch.Side side(Profile profile, Master master) {
        return trim -> BoardGraph.compile(board, profile, PERIOD, master.programme(), 0, trim).graph();
    }

    private static double lufs(Master master, ProcessingGraph graph) {
        return ChainLoudness.measure(master, graph, FS, PERIOD, 0, f -> { }).integratedLufs();
    }

    private static Master master(int rate, int[][] samples) {
        DecodedAudio audio = new DecodedAudio(samples, samples[0].length, rate, "test.wav");
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(rate, 2));
        meter.process(samples, samples[0].length);
        return new Master("test.wav", audio, meter.readings());
    }

    private static LoudnessMatch.Measure measure(Master master) {
        return (graph, progress) -> ChainLoudness.measure(master, graph, FS, PERIOD, 0, progress).integratedLufs();
    }

    @ParameterizedTest(name = "master at {0} Hz")
    @ValueSource(ints = {48000, 44100})
    void theLouderSideIsTrimmedDownToTheQuieterThroughItsOwnChain(int rate) throws Exception {
        Master master = master(rate, Masters.noise(rate, 1, 7, -20));
        LoudnessMatch.Side a = side(StoreProfiles.stereo("Plain", 0), master);
        LoudnessMatch.Side b = side(tilted("Tilted", 6), master);
        List<Double> told = new ArrayList<>();
        LoudnessMatch.Result r = LoudnessMatch.match(a, b, measure(master), told::add);
        assertNull(r.failure());
        assertEquals(0, r.aTrimDb());
        assertTrue(r.bLufs() - r.aLufs() > 3, "the tilted side is louder: " + r);
        assertEquals(r.aLufs() - r.bLufs(), r.bTrimDb(), 1e-12);
        assertEquals(r.aLufs(), lufs(master, a.compile(0)), 1e-9, "the same chain reads the same");
        assertEquals(r.aLufs(), lufs(master, b.compile(r.bTrimDb())), TOLERANCE_LU);
        assertEquals(1.0, told.getLast());
        assertTrue(told.size() >= 2, "progress told: " + told);
    }

    @Test
    void aLimitedSideIsTurnedDownAsItSoundsItsLimitersActingAsBefore() throws Exception {
        // Noise at -10 LUFS peaks near full scale; 12 dB more drives the -1 dBTP limiters hard.
        Master master = master(FS, Masters.noise(FS, 1, 11, -10));
        LoudnessMatch.Side plain = side(StoreProfiles.stereo("Plain", 0), master);
        LoudnessMatch.Side hot = side(StoreProfiles.stereo("Hot", 12), master);
        LoudnessMatch.Result r = LoudnessMatch.match(hot, plain, measure(master), f -> { });
        assertNull(r.failure());
        assertTrue(r.aLufs() - r.bLufs() < 11, "the limiters took some of the 12 dB: " + r);
        assertEquals(r.bLufs() - r.aLufs(), r.aTrimDb(), 1e-12);
        assertEquals(0, r.bTrimDb());
        LoudnessReadings untrimmed = ChainLoudness.measure(master, hot.compile(0), FS, PERIOD, 0, f -> { });
        LoudnessReadings trimmed = ChainLoudness.measure(master, hot.compile(r.aTrimDb()), FS, PERIOD, 0, f -> { });
        assertEquals(r.bLufs(), trimmed.integratedLufs(), TOLERANCE_LU);
        // The same sound, quieter: peak to loudness ratio unchanged, the limiter's work kept.
        assertEquals(untrimmed.truePeakDbtp() - untrimmed.integratedLufs(),
                trimmed.truePeakDbtp() - trimmed.integratedLufs(), 0.05);
    }

    @Test
    void aSilentSideCannotBeMatchedAndBothPlayAsTheyAre() throws Exception {
        Master master = master(FS, new int[2][FS / 2]);
        LoudnessMatch.Result r = LoudnessMatch.match(side(StoreProfiles.stereo("Plain", 0), master),
                side(tilted("Tilted", 6), master), measure(master), f -> { });
        assertNotNull(r.failure());
        assertTrue(r.failure().contains("silent"), r.failure());
        assertEquals(0, r.aTrimDb());
        assertEquals(0, r.bTrimDb());
    }
}
