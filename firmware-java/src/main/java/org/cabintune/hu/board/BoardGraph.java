package org.cabintune.hu.board;

import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.GraphPlan;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;

import java.util.Arrays;
import java.util.List;

/**
 * A profile compiled for a board: its graph, with the board's protection laid over it
 * ({@link BoardProtection}), and which DAC channel plays which graph output. The graph has one
 * output per board output, in the board's order, so every profile compiled for the same
 * board has the same shape and the same channel map, and the engine can cross-fade between
 * any two.
 *
 * @param graph      ready to run
 * @param channelMap for each DAC channel, the graph output it plays, or -1 for silence
 * @param added      one line per protection the board added to the profile (empty when the
 *                   profile already kept every limit)
 */
public record BoardGraph(ProcessingGraph graph, int[] channelMap, List<String> added) {

    /**
     * Compiles {@code profile} for {@code board}, off the audio thread.
     *
     * @param maxFrames the largest block the graph will be asked to process
     * @throws ProfileException when the profile cannot play on the board (another sample rate,
     *     a speaker the board does not have, a driver of another kind), one line per reason
     */
    public static BoardGraph compile(BoardConfig board, Profile profile, int maxFrames) throws ProfileException {
        return compile(board, profile, maxFrames, null);
    }

    /**
     * As {@link #compile(BoardConfig, Profile, int)}, with static loudness normalisation from
     * {@code programme}: the measured loudness of what is about to play (null when unknown).
     */
    public static BoardGraph compile(BoardConfig board, Profile profile, int maxFrames, ProgrammeLoudness programme)
            throws ProfileException {
        return compile(board, profile, maxFrames, programme, 0, 0);
    }

    /**
     * As {@link #compile(BoardConfig, Profile, int, ProgrammeLoudness)}, with {@code busDb} more
     * on the bus gain stage (a playback gain in front of the chain) and a trim of {@code trimDb}
     * (0 or below) on every output after the board's protection ({@link GraphPlan#withGains}).
     *
     * @throws IllegalArgumentException when a gain stage would leave its range (+24 dB at most)
     */
    public static BoardGraph compile(BoardConfig board, Profile profile, int maxFrames, ProgrammeLoudness programme,
                                     double busDb, double trimDb) throws ProfileException {
        List<String> problems = BoardProfiles.problems(board, profile);
        if (!problems.isEmpty()) {
            throw new ProfileException(problems);
        }
        BoardProtection.Laid laid = BoardProtection.lay(board, profile, programme);
        GraphPlan plan = busDb == 0 && trimDb == 0 ? laid.plan() : laid.plan().withGains(busDb, trimDb);
        return new BoardGraph(GraphCompiler.compile(plan, maxFrames), channelMap(board), laid.added());
    }

    /** For each DAC channel, its output of a graph compiled for the board: the board's order. */
    static int[] channelMap(BoardConfig board) {
        int[] map = new int[board.dac().channels()];
        Arrays.fill(map, -1);
        for (int i = 0; i < board.outputs().size(); i++) {
            map[board.outputs().get(i).channel()] = i;
        }
        return map;
    }

    @Override
    public int[] channelMap() {
        return channelMap.clone();
    }
}
