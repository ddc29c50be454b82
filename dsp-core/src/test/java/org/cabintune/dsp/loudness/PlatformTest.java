package org.cabintune.dsp.loudness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void spotifyLeavesOneDecibelOfHeadroomWhenRaising() {
        // The example on Spotify's own page: -20 LUFS, true peak -5 dBFS: lifted to -16 LUFS only.
        Platform.Preview p = Platform.SPOTIFY.preview(-20, -5, -5.5);
        assertEquals(4.0, p.gainDb(), 1e-9);
        assertEquals(-16.0, p.resultLufs(), 1e-9);
        assertEquals(-1.0, p.truePeakDbtp(), 1e-9);
        assertFalse(p.limiter());
        // Loud masters are turned down in full, whatever their peaks.
        assertEquals(-7.0, Platform.SPOTIFY.preview(-7, 0.5, 0).gainDb(), 1e-9);
    }

    @Test
    void spotifyLoudReachesItsTargetAndLimitsSampleValuesAtMinusOne() {
        Platform.Preview p = Platform.SPOTIFY_LOUD.preview(-20, -5, -5.5);
        assertEquals(9.0, p.gainDb(), 1e-9);
        assertEquals(-11.0, p.resultLufs(), 1e-9);
        assertTrue(p.limiter());
        // Samples held at -1 dBFS; the 0.5 dB inter-sample overshoot stays.
        assertEquals(-0.5, p.truePeakDbtp(), 1e-9);
        assertFalse(Platform.SPOTIFY_LOUD.preview(-20, -12, -12).limiter());
    }

    @Test
    void downOnlyPlatformsNeverRaise() {
        for (Platform p : List.of(Platform.YOUTUBE, Platform.TIDAL)) {
            assertEquals(0.0, p.preview(-20, -5, -5).gainDb(), 0.0, p.id());
            assertEquals(-6.0, p.preview(-8, 0, 0).gainDb(), 1e-9, p.id());
        }
    }

    @Test
    void broadcastTruePeakLimitsEngageAboveTheirMaximum() {
        Platform.Preview ebu = Platform.EBU_R128.preview(-30, -4, -4.5);
        assertEquals(7.0, ebu.gainDb(), 1e-9);
        assertTrue(ebu.limiter());
        assertEquals(-1.0, ebu.truePeakDbtp(), 1e-9);
        Platform.Preview atsc = Platform.ATSC.preview(-20, -1, -1.2);
        assertEquals(-4.0, atsc.gainDb(), 1e-9);
        assertFalse(atsc.limiter());
        assertEquals(-5.0, atsc.truePeakDbtp(), 1e-9);
    }

    @Test
    void raisingWithoutALimiterPastFullScaleIsFlaggedAsClipping() {
        Platform.Preview apple = Platform.APPLE.preview(-24, -3, -3);
        assertEquals(8.0, apple.gainDb(), 1e-9);
        assertTrue(apple.clips());
        assertFalse(apple.limiter());
    }

    @Test
    void commandLineNamesAreUniqueAndFoundCaseInsensitively() {
        assertEquals(Platform.values().length, Platform.ids().split(", ").length);
        assertEquals(Platform.EBU_R128, Platform.byId(" EBU-R128 ").orElseThrow());
        assertTrue(Platform.byId("off").isEmpty());
    }
}
