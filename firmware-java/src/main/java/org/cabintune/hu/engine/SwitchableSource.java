package org.cabintune.hu.engine;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * The engine's source when something may replace the programme mid-stream: it plays the
 * programme, or a test signal or a master's player {@linkplain #play published} from another
 * thread; transport commands reach whichever plays. The switch is
 * taken at block boundaries on the audio thread, with a linear ramp down of the old source to
 * silence and up of the new one ({@code rampFrames} each), so no step reaches a speaker.
 *
 * <p>Lock-free and allocation-free on the audio thread: the signal is built off-thread and
 * published through a volatile field. While a test signal plays, a {@linkplain #paced() paced}
 * programme (capture; {@code behind}) is still read, into a buffer made here, and dropped, so its device keeps
 * its clock and does not overrun; a file player simply waits where it was.
 */
public final class SwitchableSource extends ForwardingSource {

    private static final int STEADY = 0;
    private static final int DOWN = 1;
    private static final int UP = 2;

    private final int rampFrames;
    private final int[][] drain;
    /** What should play; written by the control side, read by the audio thread at each block. */
    private volatile Source wanted;
    /** What the audio thread reads; written only by it, read by anyone. */
    private volatile Source playing;
    private int state = STEADY;
    /** The ramp's gain, in frames out of {@code rampFrames}. */
    private int gain;

    /**
     * @param programme  the programme (closed with this source)
     * @param rampFrames the length of each ramp, frames
     * @param maxFrames  the largest block the engine reads
     */
    public SwitchableSource(Source programme, int rampFrames, int maxFrames) {
        super(programme);
        Checks.switchFrames(rampFrames, maxFrames);
        this.rampFrames = rampFrames;
        this.drain = programme.paced() ? new int[programme.channels()][maxFrames] : new int[0][];
        this.wanted = programme;
        this.playing = programme;
        this.gain = rampFrames;
    }

    /**
     * Plays {@code signal} instead of the programme, from the next block, ramped. Any thread
     * but the audio thread; the signal must be fully built and is not read by anyone else.
     */
    public void play(Source signal) {
        Checks.testSignal(behind.channels(), signal);
        wanted = signal;
    }

    /** Goes back to the programme, ramped. Any thread. */
    public void stop() {
        wanted = behind;
    }

    /**
     * Waits on a control thread until {@code taken} holds (the audio thread took a switch) or
     * {@code timeoutNanos} have passed; true when it held. Polls every millisecond.
     */
    public static boolean await(BooleanSupplier taken, long timeoutNanos) throws InterruptedException {
        long end = System.nanoTime() + timeoutNanos;
        while (!taken.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** True once the programme is what plays (at full level or ramping up). */
    public boolean programmePlays() {
        return playing == behind;
    }

    /** True once {@code signal} is what plays (ramping up or at full level). */
    public boolean plays(Source signal) {
        return playing == signal;
    }

    @Override
    public int channels() {
        return behind.channels();
    }

    /** Transport commands go to what plays: the programme, or a file player put in its place. */
    @Override
    public void control(Control command, long a, long b) {
        playing.control(command, a, b);
    }

    @Override
    public int read(int[][] block, int frames) throws IOException {
        Source target = wanted;
        Source now = playing;
        if (state == STEADY && target == now) {
            drainProgramme(now, frames);
            return now.read(block, frames);
        }
        if (target != now && state != DOWN) {
            state = DOWN;
        }
        drainProgramme(now, frames);
        int n = now.read(block, frames);
        // What the engine would play after a short read: silence (filled here, so the ramp covers the block).
        for (int c = 0; c < behind.channels(); c++) {
            for (int i = Math.max(0, n); i < frames; i++) {
                block[c][i] = 0;
            }
        }
        if (state == DOWN) {
            gain = ramp(block, frames, gain, -1);
            if (gain == 0) {
                playing = wanted;
                state = UP;
            }
        } else {
            gain = ramp(block, frames, gain, 1);
            if (gain == rampFrames) {
                state = STEADY;
            }
        }
        return frames;
    }

    /** Scales the block by gain/rampFrames, the gain moving one frame's step per frame toward 0 or rampFrames. */
    private int ramp(int[][] block, int frames, int from, int step) {
        int channels = behind.channels();
        int g = from;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                block[c][i] = (int) ((long) block[c][i] * g / rampFrames);
            }
            if (g + step >= 0 && g + step <= rampFrames) {
                g += step;
            }
        }
        return g;
    }

    private void drainProgramme(Source now, int frames) throws IOException {
        if (now != behind && drain.length > 0) {
            behind.read(drain, frames);
        }
    }

    @Override
    public void rehearse(int[][] block, int frames) {
        behind.rehearse(block, frames);
        // The ramp's code too, so a switch mid-stream runs compiled code.
        ramp(block, frames, ramp(block, frames, rampFrames, -1), 1);
    }
}
