package org.cabintune.link.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CobsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The examples of Cheshire and Baker's encoding as commonly tabulated. */
    @ParameterizedTest
    @CsvSource({
            "00, 0101",
            "0000, 010101",
            "001100, 01021101",
            "11220033, 0311220233",
            "11223344, 0511223344",
            "11000000, 0211010101"})
    void encodesTheReferenceExamples(String data, String encoded) {
        byte[] raw = HEX.parseHex(data);
        assertEquals(encoded, HEX.formatHex(Cobs.encode(raw, 0, raw.length)));
        byte[] out = new byte[raw.length];
        assertEquals(raw.length, Cobs.decode(HEX.parseHex(encoded), encoded.length() / 2, out));
        assertArrayEquals(raw, out);
    }

    @Test
    void handlesFullBlocksAtTheEnds() {
        assertRun(1, 254, "ff" + range(1, 254));
        assertRun(0, 254, "01ff" + range(1, 254));
        assertRun(1, 255, "ff" + range(1, 254) + "02ff");
        assertRun(2, 256, "ff" + range(2, 255) + "0101");
    }

    @Test
    void roundTripsRandomBlocksWithoutZeros() {
        Random random = new Random(7);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] data = new byte[random.nextInt(1200)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (random.nextInt(4) == 0 ? 0 : random.nextInt(256));
            }
            byte[] encoded = Cobs.encode(data, 0, data.length);
            assertFalse(HEX.formatHex(encoded).matches("(..)*00(..)*"), "no zero byte in an encoding");
            assertEquals(true, encoded.length <= Cobs.maxEncodedLength(data.length));
            byte[] out = new byte[data.length];
            assertEquals(data.length, Cobs.decode(encoded, encoded.length, out));
            assertArrayEquals(data, out);
        }
    }

    @Test
    void reportsACutBlockAndAnOverlongOne() {
        byte[] encoded = HEX.parseHex("0511223344");
        assertEquals(Cobs.CUT_SHORT, Cobs.decode(encoded, 3, new byte[10]));
        assertEquals(Cobs.TOO_LONG, Cobs.decode(encoded, encoded.length, new byte[3]));
    }

    /** Bytes {@code from..to} of the sequence 00 01 02 ... encode to {@code expected}. */
    private static void assertRun(int from, int to, String expected) {
        byte[] data = new byte[to - from + 1];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (from + i);
        }
        assertEquals(expected, HEX.formatHex(Cobs.encode(data, 0, data.length)));
        byte[] out = new byte[data.length];
        assertEquals(data.length, Cobs.decode(HEX.parseHex(expected), expected.length() / 2, out));
        assertArrayEquals(data, out);
    }

    private static String range(int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i <= to; i++) {
            s.append(String.format("%02x", i & 0xff));
        }
        return s.toString();
    }
}
