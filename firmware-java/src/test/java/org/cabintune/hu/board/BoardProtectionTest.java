package org.cabintune.hu.board;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.dynamics.LimiterSignals;
import org.cabintune.dsp.dynamics.LimiterTruePeakProbe;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.testing.Phasor;
import org.cabintune.dsp.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The board's limits hold on top of any profile, measured through the compiled fixed-point
 * graph: bass never reaches a tweeter, no output passes its ceiling, and a profile that keeps
 * the limits already runs exactly as it would without a board.
 */
class BoardProtectionTest {

    private static final int FS = 48000;
    private static final int BLOCK = 128;

    /** The simulator board, with its tweeters' minimum highpass set to {@code tweeterMinHz}. */
    static BoardConfig simulator(double tweeterMinHz) throws Exception {
        String yaml = Files.readString(ShippedBoardsTest.BOARDS.resolve("simulator.yaml"))
                .replace("minHighpassHz: 2000", "minHighpassHz: " + tweeterMinHz);
        return BoardLoader.parse(yaml, "simulator.yaml");
    }

    /**
     * The simulator's eight speakers, each fed full range: tweeters behind nothing but a 20 Hz
     * highpass (what a careless or hostile profile could declare), the rest unfiltered, every
     * protection ceiling at {@code ceilingDbtp}.
     */
    static Profile fullRange(double ceilingDbtp) throws Exception {
        List<String> outputs = new ArrayList<>();
        for (BoardConfig.Output o : simulator(2000).outputs()) {
            String mix = o.speaker().contains("left") ? "{\"L\": 1.0}" : o.speaker().contains("right")
                    ? "{\"R\": 1.0}" : "{\"L\": 0.5, \"R\": 0.5}";
            boolean tweeter = o.role().equals("tweeter");
            outputs.add("""
                    {"name": "%s", "role": "%s", "mix": %s, "filters": [%s],
                     "protect": {%s"ceilingDbtp": %s}}""".formatted(o.speaker(), o.role(), mix,
                    tweeter ? "{\"type\": \"highpass\", \"freqHz\": 20, \"order\": 2}" : "",
                    tweeter ? "\"minHighpassHz\": 20, " : "", ceilingDbtp));
        }
        return ProfileParser.parse("""
                {"format": "cabintune.profile/1", "name": "Full range", "sampleRate": 48000, "inputs": ["L", "R"],
                 "outputs": [%s]}""".formatted(String.join(",\n", outputs)));
    }

    /** Runs {@code graph} over {@code in} in blocks of {@value #BLOCK}; [output][frame]. */
    static int[][] run(ProcessingGraph graph, int[][] in) {
        int frames = in[0].length;
        int[][] out = new int[graph.outputs()][frames];
        int[][] inBlock = new int[in.length][BLOCK];
        int[][] outBlock = new int[graph.outputs()][BLOCK];
        for (int at = 0; at < frames; at += BLOCK) {
            int n = Math.min(BLOCK, frames - at);
            for (int c = 0; c < in.length; c++) {
                System.arraycopy(in[c], at, inBlock[c], 0, n);
            }
            graph.process(inBlock, outBlock, n);
            for (int o = 0; o < out.length; o++) {
                System.arraycopy(outBlock[o], 0, out[o], at, n);
            }
        }
        return out;
    }

    /**
     * A full-range feed to a tweeter is down at 100 Hz by at least the added highpass's
     * design: 24 dB/octave below the minimum, 80 dB for the lowest minimum a board may give
     * a tweeter (1000 Hz) and 104 dB for the shipped boards' 2000 Hz.
     */
    @ParameterizedTest(name = "tweeter minimum {0} Hz: at least {1} dB down at 100 Hz")
    @CsvSource({"1000, 80.0", "2000, 104.0"})
    void bassNeverReachesATweeter(double minHz, double atLeastDb) throws Exception {
        BoardConfig board = simulator(minHz);
        Profile profile = fullRange(0);
        BoardGraph protectedGraph = BoardGraph.compile(board, profile, BLOCK);
        assertTrue(protectedGraph.added().contains("front-left-tweeter: highpass " + (int) minHz + " Hz, 4th-order"
                + " Butterworth, added (the board's minimum; the profile's filters have their highest highpass at 20 Hz)"),
                protectedGraph.added().toString());
        double[] tone = Signals.sine(FS, FS, 100, 0.5, 0);
        int[][] in = {Signals.quantize(tone), Signals.quantize(tone)};
        int[][] plain = run(GraphCompiler.compile(profile, BLOCK), in);
        int[][] guarded = run(protectedGraph.graph(), in);
        // Half a second to settle, then a whole number of cycles.
        Phasor before = Phasor.of(Signals.toDouble(plain[0]), FS, 100, FS / 2, FS / 2);
        Phasor after = Phasor.of(Signals.toDouble(guarded[0]), FS, 100, FS / 2, FS / 2);
        assertEquals(-6.02, Q824.gainToDb(before.magnitude()), 0.05, "without the board, 100 Hz reaches the tweeter");
        double attenuationDb = -after.gainDbRelativeTo(before);
        double designDb = 10 * Math.log10(1 + Math.pow(minHz / 100, 8));
        System.out.printf("tweeter minimum %.0f Hz: 100 Hz down %.2f dB (design %.2f dB)%n", minHz, attenuationDb, designDb);
        assertTrue(attenuationDb >= atLeastDb, "100 Hz is down " + attenuationDb + " dB");
        assertEquals(designDb, attenuationDb, 0.5, "the fixed-point graph realises the designed highpass");
        Phasor passband = Phasor.of(Signals.toDouble(run(protectedGraph.graph(), sine(8000))[0]), FS, 8000, FS / 2, FS / 2);
        assertEquals(-6.02, Q824.gainToDb(passband.magnitude()), 0.05, "the tweeter's own band still plays");
    }

    /**
     * A profile whose every ceiling is 0 dBTP, on the simulator (ceilings -1, -2 and -1.5 dBTP),
     * driven 12 dB over full scale by every adversarial signal of the limiter's own guarantee:
     * every output's true peak, read by the independent 8x probe, stays within 0.1 dB of the
     * board's ceiling. Without the board the same profile goes over it.
     */
    @Test
    void noOutputPassesTheBoardsCeiling() throws Exception {
        BoardConfig board = simulator(2000);
        Profile profile = fullRange(0);
        BoardGraph compiled = BoardGraph.compile(board, profile, BLOCK);
        ProcessingGraph plain = GraphCompiler.compile(profile, BLOCK);
        double worstOver = Double.NEGATIVE_INFINITY;
        double worstPlainOver = Double.NEGATIVE_INFINITY;
        String worst = "";
        for (String signal : LimiterSignals.CASES) {
            double[][] x = LimiterSignals.of(signal, FS, 4.0);
            int[][] in = {Signals.quantize(x[0]), Signals.quantize(x[1])};
            compiled.graph().reset();
            plain.reset();
            int[][] guarded = run(compiled.graph(), in);
            int[][] unguarded = run(plain, in);
            for (int o = 0; o < board.outputs().size(); o++) {
                double ceiling = board.outputs().get(o).ceilingDbtp();
                double over = Q824.gainToDb(LimiterTruePeakProbe.truePeak(Signals.toDouble(guarded[o]))) - ceiling;
                double plainOver = Q824.gainToDb(LimiterTruePeakProbe.truePeak(Signals.toDouble(unguarded[o]))) - ceiling;
                if (over > worstOver) {
                    worstOver = over;
                    worst = signal + " on " + board.outputs().get(o).speaker();
                }
                worstPlainOver = Math.max(worstPlainOver, plainOver);
            }
        }
        System.out.printf("board ceilings: worst output true peak %.3f dB from its ceiling (%s); without the board %.2f dB over%n",
                worstOver, worst, worstPlainOver);
        assertTrue(worstOver <= 0.1, "true peak " + worstOver + " dB over the board's ceiling: " + worst);
        assertTrue(worstPlainOver > 1, "without the board the profile's 0 dBTP lets it " + worstPlainOver + " dB over");
    }

    /** A profile's own ceiling below the board's is the one that holds. */
    @Test
    void aLowerProfileCeilingIsKept() throws Exception {
        BoardConfig board = simulator(2000);
        BoardGraph compiled = BoardGraph.compile(board, fullRange(-6), BLOCK);
        assertTrue(compiled.added().stream().noneMatch(a -> a.contains("ceiling")), compiled.added().toString());
        double[][] x = LimiterSignals.of("square-1kHz", FS, 4.0);
        int[][] out = run(compiled.graph(), new int[][] {Signals.quantize(x[0]), Signals.quantize(x[1])});
        for (int o = 0; o < out.length; o++) {
            double tp = Q824.gainToDb(LimiterTruePeakProbe.truePeak(Signals.toDouble(out[o])));
            assertTrue(tp <= -6 + 0.1, board.outputs().get(o).speaker() + " true peak " + tp);
        }
    }

    /**
     * The reference chain keeps every limit of the simulator: on the board it runs bit for bit
     * as compiled on its own, even with its outputs listed in another order than the board's,
     * on noise loud enough to work every limiter.
     */
    @Test
    void aProfileThatKeepsTheLimitsRunsUnchanged() throws Exception {
        BoardConfig board = simulator(2000);
        String json = Files.readString(ShippedBoardsTest.ROOT.resolve("calibration/profiles/reference-8ch.json"));
        Profile reference = ProfileParser.parse(json);
        List<String> names = reference.outputs().stream().map(o -> o.name()).toList();
        Profile reversed = new Profile(reference.format(), reference.name(), reference.sampleRate(), reference.inputs(),
                reference.bus(), reference.outputs().reversed());
        double[] loud = Signals.concat(Signals.whiteNoise(7, FS, 0), Signals.logSweep(FS, FS, 20, 20000, 2.0));
        double[] other = Signals.concat(Signals.whiteNoise(8, FS, -3), Signals.logSweep(FS, FS, 30, 18000, 1.5));
        int[][] in = {Signals.quantize(loud), Signals.quantize(other)};
        int[][] alone = run(GraphCompiler.compile(reference, BLOCK), in);
        for (Profile p : List.of(reference, reversed)) {
            BoardGraph compiled = BoardGraph.compile(board, p, BLOCK);
            assertEquals(List.of(), compiled.added());
            int[][] onBoard = run(compiled.graph(), in);
            for (int o = 0; o < board.outputs().size(); o++) {
                int mine = names.indexOf(board.outputs().get(o).speaker());
                assertArrayEquals(alone[mine], onBoard[o], board.outputs().get(o).speaker() + " is bit-exact");
            }
        }
    }

    private static int[][] sine(double hz) {
        int[] x = Signals.quantize(Signals.sine(FS, FS, hz, 0.5, 0));
        return new int[][] {x, x};
    }
}
