package org.cabintune.dsp.flac;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Decodes every file the reference encoder made ({@code src/test/resources/flac}, see
 * {@link FlacFixtures}) and compares it with the regenerated signal, sample for sample.
 */
class FlacReaderTest {

    static Stream<FlacFixtures.Case> cases() {
        return Stream.concat(FlacFixtures.CASES.stream(), Stream.of(FlacFixtures.VARIABLE));
    }

    static byte[] bytes(String name) throws IOException {
        try (InputStream in = FlacReaderTest.class.getResourceAsStream("/flac/" + name + ".flac")) {
            if (in == null) {
                throw new IOException("test file /flac/" + name + ".flac is missing; run regenerate.sh beside it");
            }
            return in.readAllBytes();
        }
    }

    /** Decodes all of a stream in blocks of {@code block}, as Q8.24. */
    static int[][] decode(FlacReader reader, int block) throws IOException {
        int channels = reader.channels();
        List<int[]> parts = new ArrayList<>();
        int[][] buf = new int[channels][block];
        int total = 0;
        int n;
        while ((n = reader.read(buf, block)) > 0) {
            for (int c = 0; c < channels; c++) {
                parts.add(java.util.Arrays.copyOf(buf[c], n));
            }
            total += n;
        }
        int[][] out = new int[channels][total];
        int at = 0;
        for (int p = 0; p < parts.size(); p += channels) {
            int len = parts.get(p).length;
            for (int c = 0; c < channels; c++) {
                System.arraycopy(parts.get(p + c), 0, out[c], at, len);
            }
            at += len;
        }
        return out;
    }

    /** The signal as Q8.24, as the reader delivers it: exact up to 25 bits, rounded above. */
    static int[][] expectedQ824(FlacFixtures.Case c) {
        int[][] pcm = c.pcm();
        for (int[] ch : pcm) {
            for (int i = 0; i < ch.length; i++) {
                ch[i] = c.bits() <= 25 ? ch[i] << (25 - c.bits()) : (int) (((long) ch[i] + (1L << (c.bits() - 26))) >> (c.bits() - 25));
            }
        }
        return pcm;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesTheReferenceEncodersOutputExactly(FlacFixtures.Case c) throws IOException {
        try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(bytes(c.name())))) {
            StreamInfo info = reader.streamInfo();
            assertEquals(c.rate(), info.sampleRate());
            assertEquals(c.channels(), info.channels());
            assertEquals(c.bits(), info.bitsPerSample());
            assertEquals(c.frames(), info.totalSamples());
            assertTrue(info.hasMd5(), "the encoder stored the MD5, so the reader checked it");
            int[][] decoded = decode(reader, 1000);
            int[][] expected = expectedQ824(c);
            for (int ch = 0; ch < c.channels(); ch++) {
                assertEquals(c.frames(), decoded[ch].length, "frames of channel " + ch);
                for (int i = 0; i < c.frames(); i++) {
                    if (expected[ch][i] != decoded[ch][i]) {
                        assertEquals(expected[ch][i], decoded[ch][i], c.name() + " channel " + ch + " frame " + i);
                    }
                }
            }
            assertEquals(-1, reader.read(new int[c.channels()][16], 16));
            assertEquals(c.frames(), reader.framePosition());
        }
    }

    @Test
    void theFilesCoverEveryPartOfTheFormat() throws IOException {
        FlacFeatures all = new FlacFeatures();
        for (FlacFixtures.Case c : cases().toList()) {
            try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(bytes(c.name())))) {
                decode(reader, 4096);
                all.add(reader.features);
            }
        }
        String seen = all.toString();
        assertTrue(all.constant > 0, seen);
        assertTrue(all.verbatim > 0, seen);
        assertTrue(all.fixed > 0, seen);
        assertTrue(all.lpc > 0, seen);
        assertTrue(all.maxLpcOrder > 12, "--lax orders beyond the subset's 12: " + seen);
        assertTrue(all.wastedBits > 0, seen);
        assertTrue(all.leftSide > 0 && all.rightSide > 0 && all.midSide > 0, seen);
        assertTrue(all.rice > 0 && all.rice2 > 0, seen);
        assertTrue(all.variableBlockSize > 0, seen);
        System.out.println(seen);
    }
}
