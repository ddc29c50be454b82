package org.cabintune.dsp.flac;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged FLAC: every truncation and bit flip of a real file either decodes to exactly the
 * original audio (a flip in a block the decoder skips) or fails with a
 * {@link FlacFormatException} that says where; never another exception, never a hang.
 */
class FlacCorruptionTest {

    private static final FlacFixtures.Case CASE = FlacFixtures.CASES.stream()
            .filter(c -> c.name().equals("s16-stereo-level5")).findFirst().orElseThrow();

    private static int[][] decodeAll(byte[] bytes) throws IOException {
        try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(bytes))) {
            return FlacReaderTest.decode(reader, 777);
        }
    }

    /** Decodes, and returns the format error, or null when the audio came out exactly as expected. */
    private static FlacFormatException outcome(byte[] bytes, int[][] expected, String what) {
        try {
            int[][] decoded = decodeAll(bytes);
            for (int c = 0; c < expected.length; c++) {
                assertArrayEquals(expected[c], decoded[c], what + ": decoded without an error, so it must be exact");
            }
            return null;
        } catch (FlacFormatException e) {
            String m = e.getMessage();
            assertTrue(m.contains("byte") || m.contains("MD5") || m.startsWith("not a FLAC stream"), what + ": " + m);
            return e;
        } catch (Throwable t) {
            fail(what + ": " + t, t);
            return null;
        }
    }

    @Test
    void everyTruncationIsAnErrorNamingWhere() throws IOException {
        byte[] file = FlacReaderTest.bytes(CASE.name());
        int[][] expected = FlacReaderTest.expectedQ824(CASE);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int length = 0; length < file.length; length += length < 64 ? 1 : 97) {
                FlacFormatException e = outcome(Arrays.copyOf(file, length), expected, "cut to " + length + " bytes");
                assertTrue(e != null, "cut to " + length + " bytes decoded as if complete");
                assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("empty")
                        || length == 0, "cut to " + length + ": " + e.getMessage());
            }
        });
    }

    @Test
    void bitFlipsAreCaughtOrHarmless() throws IOException {
        byte[] file = FlacReaderTest.bytes(CASE.name());
        int[][] expected = FlacReaderTest.expectedQ824(CASE);
        Random random = new Random(1);
        int[] caught = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int k = 0; k < 600; k++) {
                byte[] damaged = file.clone();
                int at = k < 100 ? k : random.nextInt(file.length);
                int bit = random.nextInt(8);
                damaged[at] ^= (byte) (1 << bit);
                FlacFormatException e = outcome(damaged, expected, "bit " + bit + " of byte " + at + " flipped");
                caught[e == null ? 0 : 1]++;
            }
        });
        // Flips in the frames are all caught by the CRCs; those in skipped metadata (the seek table,
        // STREAMINFO's frame-size hints) change nothing.
        assertTrue(caught[1] > 500, "flips caught: " + caught[1] + ", harmless: " + caught[0]);
    }

    @Test
    void aCorruptFrameIsNamedWithItsNumberAndOffset() throws IOException {
        byte[] file = FlacReaderTest.bytes(CASE.name());
        byte[] damaged = file.clone();
        damaged[damaged.length - 100] ^= 0x10;
        FlacFormatException e = assertThrows(FlacFormatException.class, () -> decodeAll(damaged));
        assertTrue(e.getMessage().matches("frame \\d+ at byte \\d+: .*"), e.getMessage());
        assertTrue(e.frame() >= 0 && e.offset() > 0 && e.offset() < file.length, e.getMessage());
    }

    @Test
    void theFramesBeforeAnErrorComeFirst() throws IOException {
        byte[] file = FlacReaderTest.bytes(CASE.name());
        byte[] cut = Arrays.copyOf(file, file.length - 300);
        try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(cut))) {
            int[][] block = new int[2][CASE.frames()];
            int n = reader.read(block, CASE.frames());
            assertTrue(n > 0 && n < CASE.frames(), "read " + n);
            FlacFormatException e = assertThrows(FlacFormatException.class, () -> reader.read(block, 16));
            assertTrue(e.getMessage().startsWith("the stream ends at byte " + cut.length + " in the audio of frame "),
                    e.getMessage());
        }
    }

    @Test
    void refusesWhatIsNotFlac() {
        FlacFormatException wav = assertThrows(FlacFormatException.class,
                () -> FlacReader.open(new ByteArrayInputStream("RIFF....WAVEfmt ".getBytes())));
        assertEquals("not a FLAC stream: it starts with 0x52494646, not 'fLaC'", wav.getMessage());
        FlacFormatException empty = assertThrows(FlacFormatException.class,
                () -> FlacReader.open(new ByteArrayInputStream(new byte[0])));
        assertEquals("not a FLAC stream: it is empty", empty.getMessage());
    }

    @Test
    void aWrongMd5IsReportedAtTheEnd() throws IOException {
        byte[] file = FlacReaderTest.bytes(CASE.name());
        // STREAMINFO's MD5 is its last 16 bytes: 4 (marker) + 4 (block header) + 18.
        file[4 + 4 + 18] ^= 1;
        FlacFormatException e = assertThrows(FlacFormatException.class, () -> decodeAll(file));
        assertTrue(e.getMessage().startsWith("the MD5 of the decoded audio ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("): the audio is corrupt"), e.getMessage());
    }

    @Test
    void skipsAnId3v2TagInFront() throws IOException {
        byte[] file = FlacReaderTest.bytes(CASE.name());
        byte[] tag = new byte[10 + 300];
        tag[0] = 'I';
        tag[1] = 'D';
        tag[2] = '3';
        tag[3] = 4;
        tag[8] = 300 >> 7;
        tag[9] = 300 & 0x7F;
        byte[] tagged = Arrays.copyOf(tag, tag.length + file.length);
        System.arraycopy(file, 0, tagged, tag.length, file.length);
        assertArrayEquals(FlacReaderTest.expectedQ824(CASE)[1], decodeAll(tagged)[1]);
    }

    @Test
    void frameReadsAllocateNothing() throws IOException {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] file = FlacReaderTest.bytes("s16-block65535");
        int[][] dest = new int[1][128];
        long[] allocated = new long[7];
        for (int pass = 0; pass < allocated.length; pass++) {
            try (FlacReader reader = FlacReader.open(new ByteArrayInputStream(file))) {
                long before = threads.getCurrentThreadAllocatedBytes();
                while (reader.read(dest, 128) > 0) {
                    // a render loop would process the block here
                }
                allocated[pass] = threads.getCurrentThreadAllocatedBytes() - before;
            }
        }
        // Two passes warm the JIT up; the JVM's own bookkeeping may then still charge a few
        // bytes now and then, far less than one allocation per block would.
        long[] measured = Arrays.copyOfRange(allocated, 2, allocated.length);
        assertEquals(0, Arrays.stream(measured).min().orElseThrow(), Arrays.toString(allocated));
        assertTrue(Arrays.stream(measured).max().orElseThrow() < 1024, Arrays.toString(allocated));
    }
}
