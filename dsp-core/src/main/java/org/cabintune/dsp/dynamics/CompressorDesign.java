package org.cabintune.dsp.dynamics;

/**
 * The design math of one band's compressor, in double precision, shared by the fixed-point
 * {@link GainComputer} (which rounds these numbers to its formats) and the double twin
 * {@link MultibandCompressorReference} (which runs them as they are).
 *
 * <p>Levels and gains live in the log domain in <em>bits</em> (log2 units, 1 bit =
 * 20 log10 2 = 6.0206 dB) rather than dB, because the fixed-point path takes logarithms and
 * powers of two; the static curve is linear in either unit, so the shapes are the same.
 *
 * <p>Static curve: the soft-knee gain computer of D. Giannoulis, M. Massberg and J. D. Reiss,
 * "Digital Dynamic Range Compressor Design - A Tutorial and Analysis", JAES 60(6), 2012,
 * eq. (4), written as the gain reduction {@code r = x - y(x) >= 0} for input level {@code x},
 * threshold {@code T}, knee width {@code W} and ratio {@code R}:
 * <pre>
 *   r = 0                                  2 (x - T) &lt;= -W
 *   r = (1 - 1/R) (x - T + W/2)^2 / (2W)   |2 (x - T)| &lt; W
 *   r = (1 - 1/R) (x - T)                  2 (x - T) &gt;= W
 * </pre>
 * Ballistics: the reduction is smoothed in the log domain by a one-pole filter that uses the
 * attack coefficient while the reduction rises and the release coefficient while it falls
 * (the "smooth branching" detector of the same paper, placed after the gain computer as it
 * recommends), so a step in reduction settles exponentially with time constant
 * {@code attackMs} or {@code releaseMs}.
 *
 * @param thresholdBits T, bits (dBFS / 6.02)
 * @param kneeBits      W, bits; 0 for a hard knee
 * @param slope         {@code 1 - 1/R}, 0 .. 0.95: reduction per bit above the knee
 * @param attackStep    {@code 1 - exp(-1 / (attack * fs))}: the share of the distance the
 *                      smoothed reduction moves per sample while rising
 * @param releaseStep   the same for {@code releaseMs}, while falling
 * @param makeupBits    makeup gain, bits
 */
public record CompressorDesign(double thresholdBits, double kneeBits, double slope,
                               double attackStep, double releaseStep, double makeupBits) {

    /** 20 log10(2): decibels per bit (per doubling of amplitude). */
    public static final double DB_PER_BIT = 20.0 * StrictMath.log10(2.0);

    /**
     * Knees narrower than this run as hard knees: the curves differ by at most {@code W/8}
     * (0.00125 dB here), and it keeps the knee coefficient {@code slope / 2W} bounded for the
     * fixed-point format.
     */
    public static final double MIN_KNEE_DB = 0.01;

    /**
     * The design of one band at {@code sampleRate}. StrictMath, so the numbers (and the
     * fixed-point path built from them) are the same on every JVM.
     */
    public static CompressorDesign of(CompressorParams band, int sampleRate) {
        double knee = band.kneeDb() < MIN_KNEE_DB ? 0.0 : band.kneeDb() / DB_PER_BIT;
        return new CompressorDesign(band.thresholdDb() / DB_PER_BIT, knee, 1.0 - 1.0 / band.ratio(),
                step(band.attackMs(), sampleRate), step(band.releaseMs(), sampleRate),
                band.makeupDb() / DB_PER_BIT);
    }

    /** {@code 1 - exp(-1 / (tau fs))}, via expm1 so long times keep their precision. */
    static double step(double timeMs, int sampleRate) {
        return -StrictMath.expm1(-1000.0 / (timeMs * sampleRate));
    }

    /** The static curve: gain reduction in bits (&gt;= 0) for an input level in bits. */
    public double reductionBits(double levelBits) {
        double over = levelBits - thresholdBits;
        if (2 * over <= -kneeBits) {
            return 0.0;
        }
        if (2 * over >= kneeBits) {
            return slope * over;
        }
        double into = over + kneeBits / 2;
        return slope * into * into / (2 * kneeBits);
    }

    /** The lowest level that can be reduced: the bottom of the knee, bits. */
    public double kneeStartBits() {
        return thresholdBits - kneeBits / 2;
    }
}
