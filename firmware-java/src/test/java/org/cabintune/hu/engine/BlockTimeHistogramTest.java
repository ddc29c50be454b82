package org.cabintune.hu.engine;

import org.cabintune.dsp.testing.Allocation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockTimeHistogramTest {

    @Test
    void everyValueLandsInABucketThatHoldsItWithin6Percent() {
        Random random = new Random(1);
        for (int k = 0; k < 100_000; k++) {
            long v = random.nextLong(1L << (1 + random.nextInt(40)));
            double mid = BlockTimeHistogram.value(BlockTimeHistogram.index(v));
            assertTrue(Math.abs(mid - v) <= Math.max(0.5, 0.0625 * v), v + " reads as " + mid);
        }
        assertEquals(0, BlockTimeHistogram.index(0));
        assertEquals(15, BlockTimeHistogram.index(15));
        assertEquals(BlockTimeHistogram.BUCKETS - 1, BlockTimeHistogram.index(Long.MAX_VALUE));
    }

    @Test
    void quantilesMatchTheSortedTimes() {
        BlockTimeHistogram h = new BlockTimeHistogram();
        assertTrue(Double.isNaN(h.quantile(0.5)));
        Random random = new Random(2);
        long[] times = new long[100_000];
        for (int i = 0; i < times.length; i++) {
            // Mostly 30-60 us, with a tail of rare long periods.
            times[i] = 30_000 + random.nextInt(30_000) + (i % 1000 == 0 ? 2_000_000 : 0);
            h.record(times[i]);
        }
        Arrays.sort(times);
        for (double q : new double[] {0.5, 0.99, 0.9999}) {
            long exact = times[(int) Math.ceil(q * times.length) - 1];
            assertEquals(exact, h.quantile(q), 0.0625 * exact, "quantile " + q);
        }
        h.clear();
        assertTrue(Double.isNaN(h.quantile(0.99)));
    }

    @Test
    void recordingAllocatesNothing() {
        BlockTimeHistogram h = new BlockTimeHistogram();
        long[] t = {0};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> h.record(t[0]++ * 7919), 100_000));
    }
}
