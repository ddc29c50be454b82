package org.cabintune.tuner.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cabintune.tuner.measure.LogGrid;
import org.junit.jupiter.api.Test;

class UsableBandTest {

    private static final double[] HZ = LogGrid.of(20, 20_000, 48);

    /** A 2nd-order Butterworth band-pass, 100 Hz - 5 kHz, in dB, with an optional notch. */
    private static double[] bandPass(double notchHz, double notchOctaves, double notchDb) {
        double[] db = new double[HZ.length];
        for (int i = 0; i < HZ.length; i++) {
            double f = HZ[i];
            db[i] = -10 * Math.log10(1 + Math.pow(100 / f, 4)) - 10 * Math.log10(1 + Math.pow(f / 5000, 4));
            if (Math.abs(Math.log(f / notchHz) / Math.log(2)) <= notchOctaves / 2) {
                db[i] += notchDb;
            }
        }
        return db;
    }

    @Test
    void edgesAreWhereTheLevelIsTenDecibelsBelowTheInBandLevel() {
        double[] db = bandPass(1000, 0, 0);
        UsableBand band = UsableBand.find(HZ, db, null).orElseThrow();
        // The median of the points within 15 dB of the top: the flat part and some of the skirts.
        assertTrue(band.levelDb() > -1 && band.levelDb() < 0, band.toString());
        int low = java.util.Arrays.binarySearch(HZ, band.lowHz());
        int high = java.util.Arrays.binarySearch(HZ, band.highHz());
        double edge = band.levelDb() - UsableBand.EDGE_DB;
        assertTrue(db[low] >= edge && db[low - 1] < edge, band.toString());
        assertTrue(db[high] >= edge && db[high + 1] < edge, band.toString());
        // About 100 / sqrt(3) and 5000 sqrt(3), where a 2nd-order slope is 10 dB down.
        assertEquals(100 / Math.sqrt(3), band.lowHz(), 5);
        assertEquals(5000 * Math.sqrt(3), band.highHz(), 500);
    }

    @Test
    void aNotchNarrowerThanAThirdOfAnOctaveDoesNotEndTheBand() {
        UsableBand narrow = UsableBand.find(HZ, bandPass(1000, 0.25, -20), null).orElseThrow();
        assertTrue(narrow.lowHz() < 70 && narrow.highHz() > 8000, narrow.toString());
        UsableBand wide = UsableBand.find(HZ, bandPass(1000, 0.6, -20), null).orElseThrow();
        assertTrue(wide.highHz() < 1000 || wide.lowHz() > 1000, wide.toString());
    }

    @Test
    void nothingTenDecibelsAboveTheNoiseFloorIsNotHeard() {
        double[] db = bandPass(1000, 0, 0);
        double[] floor = db.clone();
        for (int i = 0; i < floor.length; i++) {
            floor[i] -= 8;
        }
        assertTrue(UsableBand.find(HZ, db, floor).isEmpty());
        for (int i = 0; i < floor.length; i++) {
            floor[i] = -40;
        }
        assertTrue(UsableBand.find(HZ, db, floor).isPresent());
    }
}
