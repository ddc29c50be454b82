package org.cabintune.tuner.rta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** IEC 61260-1 base-ten bands: middles, edges and the nominal names. */
class BandsTest {

    private static List<String> labels(Bands b) {
        return IntStream.range(0, b.size()).mapToObj(b::label).toList();
    }

    @Test
    void thirdOctavesCarryTheirNominalNames() {
        Bands b = Bands.of(3, 20, 20_000);
        assertEquals(List.of("20", "25", "31.5", "40", "50", "63", "80", "100", "125", "160", "200", "250", "315", "400",
                "500", "630", "800", "1k", "1.25k", "1.6k", "2k", "2.5k", "3.15k", "4k", "5k", "6.3k", "8k", "10k", "12.5k",
                "16k", "20k"), labels(b));
        // Exact middles are powers of 10^(1/10) around 1 kHz: "31.5" is 31.62 Hz.
        assertEquals(1000 * Math.pow(10, -1.5), b.centres()[2], 1e-9);
        assertEquals(1000, b.centres()[17], 1e-9);
    }

    @Test
    void octavesAreEveryThirdThirdOctave() {
        assertEquals(List.of("31.5", "63", "125", "250", "500", "1k", "2k", "4k", "8k", "16k"), labels(Bands.of(1, 25, 20_000)));
    }

    @Test
    void evenFractionsStraddleTheReference() {
        Bands sixth = Bands.of(6, 900, 1200);
        // b even: 1000 G^((2x+1)/(2b)), so 1 kHz is an edge, not a middle.
        assertEquals(List.of(944.1, 1059.3, 1188.5), IntStream.range(0, sixth.size())
                .mapToObj(i -> Math.round(sixth.centres()[i] * 10) / 10.0).toList());
        assertEquals(1000, sixth.upper()[0], 1e-9);
        assertEquals(List.of("944", "1.06k", "1.19k"), labels(sixth));
    }

    @Test
    void bandsTileTheSpectrum() {
        for (int fraction : Bands.FRACTIONS) {
            Bands b = Bands.of(fraction, 20, 20_000);
            for (int i = 0; i < b.size(); i++) {
                assertEquals(Math.pow(Bands.G, 1.0 / fraction), b.upper()[i] / b.lower()[i], 1e-12);
                assertEquals(b.centres()[i], Math.sqrt(b.lower()[i] * b.upper()[i]), 1e-9);
                if (i > 0) {
                    assertEquals(b.upper()[i - 1], b.lower()[i], 1e-9);
                }
            }
            int expected = switch (fraction) {
                case 1 -> 10; // 31.5 .. 16k
                case 3 -> 31; // 20 .. 20k
                default -> 10 * fraction; // middles between the third-octave ones
            };
            assertEquals(expected, b.size(), "1/" + fraction + " octave, 20 Hz - 20 kHz");
        }
    }

    @Test
    void refusesOtherFractions() {
        assertEquals("fraction 1/5 is not one of 1/1, 1/3, 1/6, 1/12, 1/24",
                assertThrows(IllegalArgumentException.class, () -> Bands.of(5, 20, 20_000)).getMessage());
    }
}
