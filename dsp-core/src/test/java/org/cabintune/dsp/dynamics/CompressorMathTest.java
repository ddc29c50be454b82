package org.cabintune.dsp.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompressorMathTest {

    private static final double UNIT = CompressorMath.ONE_BIT;

    @Test
    void log2IsWithinTheDocumentedBoundAndNeverAbove() {
        SplittableRandom random = new SplittableRandom(11);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            // Every magnitude a detector measure can have: 1 .. 2^62.
            long v = 1 + (random.nextLong() >>> (1 + random.nextInt(63)));
            double exact = Math.log(v) / Math.log(2.0);
            double error = CompressorMath.log2(v) / UNIT - exact;
            assertTrue(error <= 1e-12, "log2(" + v + ") above the exact value by " + error);
            worst = Math.max(worst, -error);
        }
        assertTrue(worst <= 1.72e-7, "log2 error " + worst + " bit");
        assertTrue(worst >= 1.0e-7, "the bound is tight, not loose: " + worst);
    }

    @Test
    void log2OfPowersOfTwoIsExact() {
        for (int k = 0; k < 63; k++) {
            assertEquals((long) k << CompressorMath.LOG_FRAC, CompressorMath.log2(1L << k), "2^" + k);
        }
    }

    @Test
    void exp2IsWithinTheDocumentedBoundOverTheGainRange() {
        SplittableRandom random = new SplittableRandom(12);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            // -16 .. +3.99 bit: every gain a band can apply (about -96 .. +24 dB).
            long bits = (long) ((random.nextDouble() * 19.99 - 16) * UNIT);
            double exact = Math.pow(2.0, bits / UNIT);
            double actual = CompressorMath.exp2(bits) / (double) (1 << 27);
            // Rounding to Q5.27 adds up to 2^-28 absolute, so weigh it out before the ratio.
            double relative = (actual - exact) / exact;
            double roundingShare = 0x1p-28 / exact;
            assertTrue(relative >= -roundingShare - 1e-15, "exp2 below exact: " + relative);
            worst = Math.max(worst, Math.abs(relative) - roundingShare);
        }
        assertTrue(worst <= 1.16e-7, "exp2 error " + worst);
    }

    @Test
    void exp2SaturatesAboveSixteenAndUnderflowsToZero() {
        assertEquals(1 << 27, CompressorMath.exp2(0));
        assertEquals(Integer.MAX_VALUE, CompressorMath.exp2(4L << CompressorMath.LOG_FRAC));
        assertEquals(Integer.MAX_VALUE, CompressorMath.exp2(40L << CompressorMath.LOG_FRAC));
        assertEquals(0, CompressorMath.exp2(-40L << CompressorMath.LOG_FRAC));
        assertEquals(1, CompressorMath.exp2(-27L << CompressorMath.LOG_FRAC));
    }
}
