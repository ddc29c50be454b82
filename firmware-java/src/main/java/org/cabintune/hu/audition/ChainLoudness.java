package org.cabintune.hu.audition;

import java.util.Arrays;
import java.util.function.DoubleConsumer;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.hu.engine.WavFileSource;

/**
 * The loudness of a master as one chain plays it, measured offline, off the audio thread, with
 * the very code that plays it: a player of the master (fade-in, resampling to the engine's
 * rate and all) read period by period into the compiled fixed-point graph, whose outputs a
 * loudness meter reads.
 *
 * <p><b>What is measured</b>: BS.1770-5 integrated loudness of the graph's outputs taken as
 * channels of weight 1.0, that is the K-weighted power summed over every speaker feed, gated.
 * Power rather than a signal sum, because the outputs meet in the cabin and not in a wire:
 * their delays and polarities (which differ between tunings) would comb a signal sum, while
 * the power sum follows what each speaker is fed. Bass shared by two subwoofer channels counts
 * twice, as two speakers play it.
 */
final class ChainLoudness {

    /** Silence after the master, s: the graph's and resampler's latency leave within it. */
    static final double TAIL_SECONDS = 0.1;

    private ChainLoudness() {
    }

    /**
     * Plays the master through {@code graph} (fresh or reset here, at {@code volumeDb} for its
     * loudness compensation) and reads its outputs.
     *
     * @param sampleRate the engine's rate, the graph's
     * @param period     frames per block, the engine's
     * @param progress   told the fraction done now and then
     */
    static LoudnessReadings measure(Master master, ProcessingGraph graph, int sampleRate, int period, double volumeDb,
                                    DoubleConsumer progress) {
        WavFileSource player = master.player(sampleRate);
        graph.setVolumeDb(volumeDb);
        graph.reset();
        double[] weights = new double[graph.outputs()];
        Arrays.fill(weights, 1.0);
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(sampleRate, weights));
        int[][] in = new int[graph.inputs()][period];
        int[][] out = new int[graph.outputs()][period];
        long length = master.audio().frames();
        long tail = Math.round(TAIL_SECONDS * sampleRate) + graph.warmupFrames();
        long blocks = 0;
        while (player.position() < length) {
            player.read(in, period);
            graph.process(in, out, period);
            meter.process(out, period);
            if (++blocks % 4096 == 0) {
                progress.accept(player.position() / (double) length);
            }
        }
        for (int[] channel : in) {
            Arrays.fill(channel, 0);
        }
        for (long done = 0; done < tail; done += period) {
            graph.process(in, out, period);
            meter.process(out, period);
        }
        progress.accept(1);
        return meter.readings();
    }
}
