package org.cabintune.hu.engine;

/**
 * A consistent snapshot of the engine's counters, taken lock-free by {@link AudioEngine#stats()}.
 *
 * @param running                   true between the first period and the end of the stop ramp
 * @param sampleRate                frames per second
 * @param periodFrames              frames per period
 * @param periods                   periods written to the sink
 * @param framesProcessed           frames written to the sink
 * @param xruns                     sink underruns plus source overruns
 * @param deadlineMisses            periods whose processing finished after their deadline (one
 *                                  period after the sink accepted the previous one)
 * @param dspLoadMean               processing time over period time, averaged over all periods
 * @param dspLoadMax                the largest processing time of one period over the period time
 * @param minSlackNanos             the smallest time left before a deadline (negative: the worst
 *                                  miss); {@link Long#MAX_VALUE} before the first deadline
 * @param audioThreadAllocatedBytes heap bytes the audio thread had allocated at the end of the
 *                                  last period (HotSpot's per-thread counter), or -1 if unsupported
 * @param controlsApplied           queued commands applied at block boundaries
 * @param controlsRejected          commands refused because the queue was full
 * @param realtimePriority          the SCHED_FIFO priority the audio thread got, 0 for none
 * @param lastMissNanos             when the last deadline miss was seen ({@link System#nanoTime()}), 0 if none
 * @param failure                   why the audio thread stopped on its own, or null
 * @param blockNanosP50             the median processing time of a period, ns (to within 6.25 %),
 *                                  NaN before the first period
 * @param blockNanosP99             its 99th percentile
 * @param blockNanosP9999           its 99.99th percentile
 */
public record EngineStats(boolean running, int sampleRate, int periodFrames, long periods, long framesProcessed,
                          long xruns, long deadlineMisses, double dspLoadMean, double dspLoadMax, long minSlackNanos,
                          long audioThreadAllocatedBytes, long controlsApplied, long controlsRejected,
                          int realtimePriority, long lastMissNanos, String failure, double blockNanosP50,
                          double blockNanosP99, double blockNanosP9999) {

    /** The duration of one period in nanoseconds. */
    public double periodNanos() {
        return periodFrames * 1e9 / sampleRate;
    }
}
