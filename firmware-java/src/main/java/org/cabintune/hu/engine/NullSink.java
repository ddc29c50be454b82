package org.cabintune.hu.engine;

/**
 * Discards every block, at the pace of a real DAC with an ALSA buffer of a number of periods
 * ({@link Pacer}): {@link #write} parks until the buffer has room, so an engine feeding it runs
 * exactly as it would on hardware, with real deadlines, without hardware. A block handed over
 * after the device would have run dry is an underrun ({@link #xruns()}) and its lateness is
 * measured ({@link #maxLatenessNanos()}).
 */
public final class NullSink implements Sink {

    private final int channels;
    private final Pacer pacer;

    /** A paced null device with the tightest usual buffer: two periods, one playing and one queued. */
    public NullSink(int channels, int sampleRate) {
        this(channels, sampleRate, 2);
    }

    /**
     * A paced null device of {@code channels} channels at {@code sampleRate} whose buffer holds
     * {@code periods} periods (2..16), as an ALSA device opened with that many periods.
     */
    public NullSink(int channels, int sampleRate, int periods) {
        Checks.channels(channels);
        Checks.sampleRate(sampleRate);
        this.channels = channels;
        this.pacer = new Pacer(sampleRate, periods);
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
