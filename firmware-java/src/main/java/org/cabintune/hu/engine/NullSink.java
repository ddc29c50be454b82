package org.cabintune.hu.engine;

/**
 * Discards every block, at the pace of a real DAC: {@link #write} parks until the previous
 * block has "played", so an engine feeding it runs exactly as it would on hardware, with real
 * deadlines, without hardware. A block handed over late is an underrun ({@link #xruns()}) and
 * its lateness is measured ({@link #maxLatenessNanos()}).
 */
public final class NullSink implements Sink {

    private final int channels;
    private final Pacer pacer;

    /** A paced null device of {@code channels} channels at {@code sampleRate}. */
    public NullSink(int channels, int sampleRate) {
        if (channels < 1 || channels > 32) {
            throw new IllegalArgumentException("channels = " + channels + " is outside 1..32");
        }
        if (sampleRate < 8000 || sampleRate > 384000) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate + " is outside 8000..384000");
        }
        this.channels = channels;
        this.pacer = new Pacer(sampleRate);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void write(int[][] block, int frames) {
        pacer.await(frames);
    }

    @Override
    public long nextDeadlineNanos() {
        return pacer.nextDue();
    }

    @Override
    public long xruns() {
        return pacer.underruns();
    }

    /** The latest a block has arrived after its slot, in nanoseconds; 0 if none was late. */
    public long maxLatenessNanos() {
        return pacer.maxLatenessNanos();
    }
}
