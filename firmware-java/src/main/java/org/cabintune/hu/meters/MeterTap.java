package org.cabintune.hu.meters;

import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.meter.Meter;
import org.cabintune.dsp.meter.MeterParams;
import org.cabintune.dsp.meter.MeterReading;

import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters' tap on the audio thread: the programme's loudness (ITU-R BS.1770-5 momentary,
 * short-term, integrated, loudness range, sample and true peak; {@link LoudnessMeter}) as it
 * enters the chain, and each DAC channel's peak and RMS ({@link Meter}) as the DAC gets it.
 *
 * <p>The source hands each period's programme to {@link #programme} ({@link TappedSource}),
 * which keeps a copy; the sink hands the output to {@link #output} ({@link TappedSink}), which
 * runs both meters and publishes them together. Real time: both allocate nothing, take no
 * lock and hold no string constant; the meters and the copy exist before the first period,
 * and the constructor runs them long enough for the JIT to have compiled them before a stream
 * uses them.
 *
 * <p>{@link #read()} gives, on any thread, the programme and output readings of one and the
 * same period: both meters publish lock-free on their own, and a version around
 * {@link #output} (odd while the meters run, even between; written only by the audio thread,
 * which never waits) tells a reader to retry when a period's publication overlapped its read.
 */
public final class MeterTap {

    /** Periods run at construction: enough for C2 to compile the meters' loops. */
    static final int WARMUP_PERIODS = 3000;

    private final LoudnessMeter loudness;
    private final Meter levels;
    private final int[][] programme;
    private int programmeFrames;
    private final AtomicLong version = new AtomicLong();

    /**
     * @param sampleRate the stream's rate, a multiple of 100 Hz
     * @param inputs     programme channels (the source's)
     * @param outputs    output channels (the sink's)
     * @param maxFrames  the longest block either side hands over
     */
    public MeterTap(int sampleRate, int inputs, int outputs, int maxFrames) {
        loudness = new LoudnessMeter(LoudnessParams.of(sampleRate, inputs));
        levels = new Meter(MeterParams.of(sampleRate, outputs));
        programme = new int[inputs][maxFrames];
        warmUp(maxFrames);
    }

    /** Keeps a copy of a period's programme for the next {@link #output}. Audio thread. */
    void programme(int[][] block, int frames) {
        int n = Math.min(frames, programme[0].length);
        for (int c = 0; c < programme.length; c++) {
            System.arraycopy(block[c], 0, programme[c], 0, n);
        }
        programmeFrames = n;
    }

    /** Measures the kept programme and a period's output, and publishes both at once. Audio thread. */
    void output(int[][] block, int frames) {
        long v = version.getPlain();
        version.setOpaque(v + 1);
        VarHandle.storeStoreFence();
        if (programmeFrames > 0) {
            loudness.process(programme, programmeFrames);
            programmeFrames = 0;
        }
        levels.process(block, frames);
        version.setRelease(v + 2);
    }

    /**
     * What the meters read at the end of one period.
     *
     * @param programme    the programme's loudness and peaks; its {@code frames} are the programme frames metered
     * @param outputs      per output channel, its peak (held 1 s, then falling 12 dB/s) and RMS (300 ms)
     * @param outputFrames output frames metered: the same as the programme's, since both come from one period
     */
    public record Readings(LoudnessReadings programme, List<MeterReading> outputs, long outputFrames) {
    }

    /** The readings of one period, any thread; retries only while a period is being published. */
    public Readings read() {
        List<MeterReading> outputs = new ArrayList<>(levels.channels());
        while (true) {
            long before = version.getAcquire();
            if ((before & 1) == 0) {
                LoudnessReadings p = loudness.readings();
                long n = levels.framesMetered();
                outputs.clear();
                for (int c = 0; c < levels.channels(); c++) {
                    outputs.add(levels.reading(c));
                }
                VarHandle.acquireFence();
                if (version.getAcquire() == before) {
                    return new Readings(p, List.copyOf(outputs), n);
                }
            }
            Thread.onSpinWait();
        }
    }

    /** Output channels metered. */
    public int outputs() {
        return levels.channels();
    }

    /** Runs both sides over a changing signal, so the JIT compiles them here, then clears the meters. */
    private void warmUp(int frames) {
        int[][] in = new int[programme.length][frames];
        int[][] out = new int[levels.channels()][frames];
        long state = 0x9E3779B97F4A7C15L;
        for (int p = 0; p < WARMUP_PERIODS; p++) {
            for (int[][] block : new int[][][] {in, out}) {
                for (int[] channel : block) {
                    for (int i = 0; i < frames; i++) {
                        state ^= state << 13;
                        state ^= state >>> 7;
                        state ^= state << 17;
                        channel[i] = p % 100 < 10 ? 0 : (int) (state >> 40);
                    }
                }
            }
            programme(in, frames);
            output(out, frames);
            if (p % 500 == 0) {
                read();
            }
        }
        loudness.reset();
        levels.reset();
    }
}
