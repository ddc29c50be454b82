package org.cabintune.dsp.loudness;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Hands a meter's readings from the audio thread to any number of reader threads without
 * locks: a sequence lock (seqlock), written by exactly one thread.
 *
 * <p><b>Writer</b> ({@link #publish}, audio thread): makes the sequence odd, stores the
 * fields, makes it even again. It never waits, allocates or calls into the JVM: a few plain
 * stores and two fences (on x86 no fence costs an instruction; on AArch64 a {@code dmb ishst}
 * and an {@code stlr}).
 *
 * <p><b>Reader</b> ({@link #read}): reads the sequence, the fields, the sequence again; if the
 * two differ or were odd, a publish overlapped and it retries. A reader never blocks the
 * writer; it retries only while a publish is in flight (tens of nanoseconds), so it always
 * gets one whole period's readings, never a mix of two.
 *
 * <p><b>Why that is correct under the Java memory model.</b> The fields are plain, so a reader
 * races with the writer, and may even see a {@code double} torn in two halves (JLS 17.7); the
 * sequence check makes it discard any such read. The orderings it relies on are the ones
 * {@link java.util.concurrent.locks.StampedLock} optimistic reads rely on:
 * <ul>
 *   <li>writer: the odd sequence store is followed by a store-store fence, so no field store
 *       becomes visible before the sequence says "in progress"; the even sequence is a
 *       release store, so every field store is visible before it;</li>
 *   <li>reader: the first sequence load is an acquire, so the field loads cannot move before
 *       it; an acquire fence after the field loads keeps them before the second sequence
 *       load. If both loads see the same even value, no store of a later publish can have
 *       been seen, and every store of that publish was.</li>
 * </ul>
 */
final class ReadingsPublisher {

    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(ReadingsPublisher.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Even when stable, odd while a publish is in flight; accessed through {@link #SEQUENCE}. */
    @SuppressWarnings("unused")
    private long sequence;
    private double momentary;
    private double shortTerm;
    private double integratedLufs = Double.NEGATIVE_INFINITY;
    private double rangeLu = Double.NaN;
    private double samplePeak;
    private double truePeak;
    private double maxMomentary;
    private double maxShortTerm;
    private long frames;

    /**
     * Publishes one period's readings. Single writer only. Levels are linear: mean squares and
     * peak amplitudes in full-scale units; the reader converts to dB.
     */
    void publish(LoudnessIntegrator integrator, double samplePeakValue, double truePeakValue, long framesValue) {
        long s = (long) SEQUENCE.getOpaque(this);
        SEQUENCE.setOpaque(this, s + 1);
        VarHandle.storeStoreFence();
        momentary = integrator.momentary();
        shortTerm = integrator.shortTerm();
        integratedLufs = integrator.integratedLufs();
        rangeLu = integrator.rangeLu();
        samplePeak = samplePeakValue;
        truePeak = truePeakValue;
        maxMomentary = integrator.maxMomentary();
        maxShortTerm = integrator.maxShortTerm();
        frames = framesValue;
        SEQUENCE.setRelease(this, s + 2);
    }

    /** The latest published readings; any thread, lock-free, allocates the result. */
    LoudnessReadings read() {
        while (true) {
            long before = (long) SEQUENCE.getAcquire(this);
            double m = momentary;
            double st = shortTerm;
            double i = integratedLufs;
            double lra = rangeLu;
            double sp = samplePeak;
            double tp = truePeak;
            double maxM = maxMomentary;
            double maxS = maxShortTerm;
            long n = frames;
            VarHandle.acquireFence();
            long after = (long) SEQUENCE.getAcquire(this);
            if (before == after && (before & 1) == 0) {
                return new LoudnessReadings(Loudness.lufs(m), Loudness.lufs(st), i, lra, Loudness.db(sp),
                        Loudness.db(Math.max(sp, tp)), Loudness.lufs(maxM), Loudness.lufs(maxS), n);
            }
            Thread.onSpinWait();
        }
    }
}
