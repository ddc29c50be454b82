package org.cabintune.dsp.loudness;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;

/**
 * The K-weighting of ITU-R BS.1770-5: a high shelf (about +4 dB above 2 kHz, modelling the
 * head) followed by the "RLB" high-pass (about 38 Hz). The Recommendation tabulates the two
 * sections for 48 kHz only; here they are derived for any rate from their analog prototypes
 * by the bilinear transform, pre-warped at each corner, as libebur128 does. The prototype
 * parameters below are the ones that reproduce the 48 kHz table to about 1e-10, so at 48 kHz
 * this is the table, and at other rates it is the same analog filter.
 */
public final class KWeighting {

    /** Shelf corner in Hz. */
    public static final double SHELF_HZ = 1681.974450955533;
    /** Shelf gain at high frequencies in dB. */
    public static final double SHELF_GAIN_DB = 3.999843853973347;
    /** Shelf quality factor. */
    public static final double SHELF_Q = 0.7071752369554196;
    /**
     * Exponent giving the shelf's mid-band gain {@code Vb = Vh^e}: the fitted prototype is not
     * quite the symmetric RBJ shelf (which would have e = 0.5).
     */
    private static final double SHELF_MID_EXPONENT = 0.4996667741545416;
    /** High-pass corner in Hz. */
    public static final double HIGHPASS_HZ = 38.13547087602444;
    /** High-pass quality factor. */
    public static final double HIGHPASS_Q = 0.5003270373238773;

    private KWeighting() {
    }

    /** Both stages in order: shelf, then high-pass. */
    public static List<BiquadCoefficients> design(double sampleRate) {
        return List.of(shelf(sampleRate), highpass(sampleRate));
    }

    /** Stage 1, the high shelf, at {@code sampleRate}. */
    public static BiquadCoefficients shelf(double sampleRate) {
        double k = Math.tan(Math.PI * SHELF_HZ / sampleRate);
        double vh = Math.pow(10.0, SHELF_GAIN_DB / 20.0);
        double vb = Math.pow(vh, SHELF_MID_EXPONENT);
        double a0 = 1.0 + k / SHELF_Q + k * k;
        return new BiquadCoefficients(
                (vh + vb * k / SHELF_Q + k * k) / a0,
                2.0 * (k * k - vh) / a0,
                (vh - vb * k / SHELF_Q + k * k) / a0,
                2.0 * (k * k - 1.0) / a0,
                (1.0 - k / SHELF_Q + k * k) / a0);
    }

    /**
     * Stage 2, the RLB high-pass, at {@code sampleRate}. The numerator stays {@code 1, -2, 1}
     * as in the Recommendation's table (not scaled by {@code 1/a0}), so its high-frequency gain
     * is slightly above 1 (+0.04 dB at 48 kHz), exactly as the standard filter has it.
     */
    public static BiquadCoefficients highpass(double sampleRate) {
        double k = Math.tan(Math.PI * HIGHPASS_HZ / sampleRate);
        double a0 = 1.0 + k / HIGHPASS_Q + k * k;
        return new BiquadCoefficients(1.0, -2.0, 1.0,
                2.0 * (k * k - 1.0) / a0,
                (1.0 - k / HIGHPASS_Q + k * k) / a0);
    }
}
