package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Block reads and writes run in the render loop, so after construction they allocate nothing.
 *
 * <p>Each case runs several measured passes after a warm-up. The JVM now and then charges a
 * few dozen bytes of its own (deoptimisation, code installation) to whichever thread is
 * running, so the proof is: at least one full pass allocated exactly nothing, and no pass
 * allocated anything like a per-block amount (thousands of blocks per pass).
 */
class WavAllocationTest {

    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int BLOCK = 128;
    private static final int PASSES = 5;
    /** Far less than one allocation per block: a pass covers at least 1500 blocks. */
    private static final long JVM_NOISE_BYTES = 1024;

    @ParameterizedTest(name = "{0} {1}-bit x {2}")
    @CsvSource({"PCM, 16, 2", "PCM, 24, 8", "PCM, 32, 2", "IEEE_FLOAT, 32, 2", "IEEE_FLOAT, 64, 1", "PCM, 8, 1"})
    void blockReadsAllocateNothing(WavEncoding encoding, int bits, int channels) throws IOException {
        WavFormat format = new WavFormat(48000, channels, bits, encoding, -1);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (WavWriter w = WavWriter.create(file, format, null)) {
            int[][] block = WavRoundTripTest.gridSignal(format, BLOCK, 1);
            for (int i = 0; i < 1500; i++) {
                w.write(block, BLOCK);
            }
        }
        int[][] dest = new int[channels][BLOCK];
        long[] allocated = new long[PASSES + 1];
        for (int pass = 0; pass <= PASSES; pass++) {
            try (WavReader r = WavReader.open(new ByteArrayInputStream(file.toByteArray()))) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                while (r.read(dest, BLOCK) > 0) {
                    // a render loop would process the block here
                }
                allocated[pass] = THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        }
        assertAllocationFree(allocated);
    }

    @Test
    void blockReadsFromAFileChannelAllocateNothing(@TempDir Path dir) throws IOException {
        WavFormat format = WavFormat.pcm(48000, 2, 24);
        Path path = dir.resolve("channel.wav");
        try (WavWriter w = WavWriter.create(FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), format, new Dither(1))) {
            int[][] block = WavRoundTripTest.gridSignal(format, BLOCK, 1);
            for (int i = 0; i < 3000; i++) {
                w.write(block, BLOCK);
            }
        }
        int[][] dest = new int[2][BLOCK];
        long[] allocated = new long[PASSES + 1];
        for (int pass = 0; pass <= PASSES; pass++) {
            try (WavReader r = WavReader.open(FileChannel.open(path))) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                while (r.read(dest, BLOCK) > 0) {
                    // a render loop would process the block here
                }
                allocated[pass] = THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        }
        assertAllocationFree(allocated);
    }

    @Test
    void ditheredBlockWritesAllocateNothing() throws IOException {
        WavFormat format = WavFormat.pcm(48000, 8, 24);
        int[][] block = WavRoundTripTest.gridSignal(WavFormat.ieeeFloat(48000, 8, 32), BLOCK, 2);
        long[] allocated = new long[PASSES + 1];
        for (int pass = 0; pass <= PASSES; pass++) {
            try (WavWriter w = WavWriter.create(OutputStream.nullOutputStream(), format, new Dither(pass))) {
                long before = THREADS.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 3000; i++) {
                    w.write(block, BLOCK);
                }
                allocated[pass] = THREADS.getCurrentThreadAllocatedBytes() - before;
            }
        }
        assertAllocationFree(allocated);
    }

    /** Pass 0 warms the JIT up and is not judged. */
    private static void assertAllocationFree(long[] allocated) {
        long[] measured = Arrays.copyOfRange(allocated, 1, allocated.length);
        String passes = "bytes allocated per pass: " + Arrays.toString(allocated);
        assertEquals(0, Arrays.stream(measured).min().orElseThrow(), passes);
        assertTrue(Arrays.stream(measured).max().orElseThrow() < JVM_NOISE_BYTES, passes);
    }
}
