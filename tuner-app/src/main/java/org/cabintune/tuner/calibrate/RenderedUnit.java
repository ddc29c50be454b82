package org.cabintune.tuner.calibrate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepLayout;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.hu.store.TestProfiles;

/**
 * A head unit's chain run in this process instead of on a unit: profiles are compiled for the
 * board exactly as the unit compiles them ({@link BoardGraph}, the board's protection laid
 * over), a test stimulus plays through the same test profile the unit builds
 * ({@link TestProfiles}), and what would reach the DAC is kept for a {@link VirtualCar} to
 * hear, as fast as the machine renders it rather than in real time. For rehearsing a
 * calibration and for testing the loop on every virtual car; a car on the road needs the unit.
 */
public final class RenderedUnit implements HeadUnit, Dac {

    private static final int BLOCK = 1024;

    private final BoardConfig board;
    private final List<BoardConfig.Output> outs;
    private final Map<String, Profile> store = new HashMap<>();
    private String playing;
    /**
     * Frames rendered so far, written after the take it counts: a recorder following the unit
     * from another thread that sees the new count sees the take.
     */
    private volatile long frames;
    private long lastStart;
    private double[][] last;

    public RenderedUnit(BoardConfig board) {
        this.board = board;
        this.outs = MeasurementProfile.outputs(board);
    }

    @Override
    public String id() {
        return board.id() + "-rendered";
    }

    @Override
    public int sampleRate() {
        return board.stream().sampleRate();
    }

    @Override
    public List<String> outputs() {
        return outs.stream().map(BoardConfig.Output::speaker).toList();
    }

    @Override
    public String activeProfile() {
        return playing;
    }

    @Override
    public void install(String id, Profile profile) {
        compile(profile);
        store.put(id, profile);
        playing = id;
    }

    @Override
    public void select(String id) {
        if (!store.containsKey(id)) {
            throw new CalibrationException("no profile " + id + " is stored");
        }
        playing = id;
    }

    @Override
    public void playSweep(SweepSpec spec, List<Integer> outputs, int reference) {
        if (playing == null) {
            throw new CalibrationException("no profile plays");
        }
        Set<String> names = new HashSet<>();
        outputs.forEach(i -> names.add(outs.get(i).speaker()));
        BoardGraph g = compile(TestProfiles.forTest(store.get(playing), names, outs.get(reference).speaker(), false));
        SweepGenerator generator = new SweepGenerator(spec);
        SweepLayout layout = generator.layout();
        int total = layout.total();
        int[][] in = new int[g.graph().inputs()][BLOCK];
        int[][] out = new int[g.graph().outputs()][BLOCK];
        int[] map = g.channelMap();
        double[][] dac = new double[board.dac().channels()][total];
        for (int pos = 0; pos < total; pos += BLOCK) {
            int n = Math.min(BLOCK, total - pos);
            generator.fill(0, pos, in[TestSignals.MARKER_INPUT], n);
            generator.fill(layout.sweepChannel(), pos, in[TestSignals.SWEEP_INPUT], n);
            g.graph().process(in, out, n);
            for (int c = 0; c < dac.length; c++) {
                if (map[c] >= 0) {
                    for (int i = 0; i < n; i++) {
                        dac[c][pos + i] = out[map[c]][i] / (double) Q824.ONE;
                    }
                }
            }
        }
        lastStart = frames;
        last = dac;
        frames += total;
    }

    @Override
    public void awaitStimulus(double seconds) {
        // Rendered already: nothing to wait for.
    }

    @Override
    public void stopSignal() {
        // A rendered stimulus plays once.
    }

    private BoardGraph compile(Profile profile) {
        try {
            return BoardGraph.compile(board, profile, BLOCK);
        } catch (ProfileException e) {
            throw new CalibrationException("profile \"" + profile.name() + "\" cannot play on board " + board.id() + ": "
                    + String.join("; ", e.problems()), e);
        }
    }

    @Override
    public long frames() {
        return frames;
    }

    @Override
    public double[][] read(long from, long to) {
        double[][] out = new double[board.dac().channels()][Math.toIntExact(to - from)];
        for (int c = 0; c < out.length; c++) {
            for (long f = from; f < to; f++) {
                long k = f - lastStart;
                if (last != null && k >= 0 && k < last[c].length) {
                    out[c][(int) (f - from)] = last[c][(int) k];
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        // Nothing held.
    }
}
