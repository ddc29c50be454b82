package org.cabintune.dsp.loudness;

import java.util.Arrays;

/**
 * The time structure shared by {@link LoudnessMeter} and its twin: everything after the
 * channel-weighted mean square of each 10 ms sub-block, in double.
 *
 * <ul>
 *   <li><b>Momentary</b> (400 ms) and <b>short-term</b> (3 s) loudness are the means of the
 *       last 40 and 300 sub-blocks, updated every 10 ms, so their maxima are found to 10 ms
 *       (EBU Tech 3341 cases 13 and 14 need that: with 100 ms updates a 400 ms burst can be
 *       read up to 0.6 dB low). Before the first 400 ms or 3 s, the window is filled with
 *       silence, as if the meter had been running.</li>
 *   <li><b>Integrated loudness</b> (BS.1770-5): every 100 ms a complete 400 ms block, so
 *       consecutive blocks overlap by 75 %, goes into a {@link GatingHistogram}; gates
 *       -70 LUFS absolute and -10 LU relative.</li>
 *   <li><b>Loudness range</b> (EBU Tech 3342): every 100 ms a complete 3 s block goes into a
 *       second histogram; gates -70 LUFS absolute and -20 LU relative, range from the 10th to
 *       the 95th percentile.</li>
 * </ul>
 *
 * The windows are summed afresh from the ring every 10 ms (340 additions), so no running sum
 * can drift over hours. Allocates in the constructor only.
 */
final class LoudnessIntegrator {

    static final int MOMENTARY_SUB_BLOCKS = 40;
    static final int SHORT_TERM_SUB_BLOCKS = 300;
    /** Gating blocks start every 100 ms: 75 % overlap for 400 ms blocks. */
    static final int STEP_SUB_BLOCKS = 10;
    static final double INTEGRATED_RELATIVE_GATE_LU = 10.0;
    static final double RANGE_RELATIVE_GATE_LU = 20.0;
    static final double RANGE_LOW_PERCENTILE = 0.10;
    static final double RANGE_HIGH_PERCENTILE = 0.95;

    /** Mean squares of the last 300 sub-blocks, written round-robin; zeros before the start. */
    private final double[] ring = new double[SHORT_TERM_SUB_BLOCKS];
    private final GatingHistogram momentaryBlocks = new GatingHistogram();
    private final GatingHistogram shortTermBlocks = new GatingHistogram();
    private long count;
    private double momentary;
    private double shortTerm;
    private double maxMomentary;
    private double maxShortTerm;
    private double integratedLufs = Double.NEGATIVE_INFINITY;
    private double rangeLu = Double.NaN;

    /** Adds one 10 ms sub-block by its channel-weighted mean square (full-scale units). */
    void add(double meanSquare) {
        int newest = (int) (count % SHORT_TERM_SUB_BLOCKS);
        ring[newest] = meanSquare;
        count++;
        double m = 0;
        for (int i = 0; i < MOMENTARY_SUB_BLOCKS; i++) {
            m += ring[Math.floorMod(newest - i, SHORT_TERM_SUB_BLOCKS)];
        }
        double s = 0;
        for (double v : ring) {
            s += v;
        }
        momentary = m / MOMENTARY_SUB_BLOCKS;
        shortTerm = s / SHORT_TERM_SUB_BLOCKS;
        maxMomentary = Math.max(maxMomentary, momentary);
        maxShortTerm = Math.max(maxShortTerm, shortTerm);
        if (count % STEP_SUB_BLOCKS == 0) {
            if (count >= MOMENTARY_SUB_BLOCKS) {
                momentaryBlocks.add(momentary);
                integratedLufs = momentaryBlocks.gatedLufs(INTEGRATED_RELATIVE_GATE_LU);
            }
            if (count >= SHORT_TERM_SUB_BLOCKS) {
                shortTermBlocks.add(shortTerm);
                rangeLu = shortTermBlocks.rangeLu(RANGE_RELATIVE_GATE_LU, RANGE_LOW_PERCENTILE,
                        RANGE_HIGH_PERCENTILE);
            }
        }
    }

    /** Mean square of the last 400 ms. */
    double momentary() {
        return momentary;
    }

    /** Mean square of the last 3 s. */
    double shortTerm() {
        return shortTerm;
    }

    /** Largest momentary mean square so far. */
    double maxMomentary() {
        return maxMomentary;
    }

    /** Largest short-term mean square so far. */
    double maxShortTerm() {
        return maxShortTerm;
    }

    /** Integrated loudness in LUFS of the blocks completed so far; -inf when none passed. */
    double integratedLufs() {
        return integratedLufs;
    }

    /** Loudness range in LU of the 3 s blocks completed so far; NaN when none passed. */
    double rangeLu() {
        return rangeLu;
    }

    /** Sub-blocks added so far. */
    long subBlocks() {
        return count;
    }

    /** Back to the state of a new meter. */
    void reset() {
        Arrays.fill(ring, 0);
        momentaryBlocks.reset();
        shortTermBlocks.reset();
        count = 0;
        momentary = 0;
        shortTerm = 0;
        maxMomentary = 0;
        maxShortTerm = 0;
        integratedLufs = Double.NEGATIVE_INFINITY;
        rangeLu = Double.NaN;
    }
}
