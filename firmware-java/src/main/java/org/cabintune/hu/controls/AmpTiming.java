package org.cabintune.hu.controls;

/**
 * The waits of the amplifier sequence ({@link AmpSequencer}), ns.
 *
 * @param dacSettleNanos    DAC unmuted to amplifier on
 * @param ampSettleNanos    amplifier on to its mute released and the output playing
 * @param outputSilentNanos output held to amplifier off: the stream's ramp to silence plus the
 *                          device buffer still to play
 * @param ampOffNanos       amplifier off to DAC muted and the stream free to stop
 */
public record AmpTiming(long dacSettleNanos, long ampSettleNanos, long outputSilentNanos, long ampOffNanos) {

    /** The DAC's output settles after an unmute (the PCM512x ramps its soft mute over ~20 ms). */
    public static final long DAC_SETTLE_MS = 50;
    /** Car amplifiers soft-start over a few hundred ms after their remote input rises. */
    public static final long AMP_SETTLE_MS = 500;
    /** The amplifier's output stage has gone quiet after its remote input falls. */
    public static final long AMP_OFF_MS = 100;
    /** Added to the stream's ramp and buffer for the output to be silent at the DAC. */
    public static final long SILENCE_MARGIN_MS = 5;

    public AmpTiming {
        if (dacSettleNanos < 0 || ampSettleNanos < 0 || outputSilentNanos < 0 || ampOffNanos < 0) {
            throw new IllegalArgumentException("amplifier sequence waits must not be negative: " + this);
        }
    }

    /**
     * The waits for a stream whose output ramps over {@code rampMs} and whose device holds
     * {@code periods} periods of {@code periodFrames} at {@code sampleRate}: a hold takes effect
     * at the next period, ramps, then the buffered periods still play out.
     */
    public static AmpTiming forStream(double rampMs, int periodFrames, int periods, int sampleRate) {
        double bufferedMs = 1000.0 * (periods + 1) * periodFrames / sampleRate;
        long silentMs = (long) Math.ceil(rampMs + bufferedMs) + SILENCE_MARGIN_MS;
        return new AmpTiming(ControlClock.ms(DAC_SETTLE_MS), ControlClock.ms(AMP_SETTLE_MS),
                ControlClock.ms(silentMs), ControlClock.ms(AMP_OFF_MS));
    }
}
