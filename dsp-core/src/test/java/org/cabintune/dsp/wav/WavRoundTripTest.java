package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.cabintune.dsp.Q824;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class WavRoundTripTest {

    /** Where the writer puts its bytes: a real file it can patch, or a stream it cannot. */
    enum Sink { SEEKABLE_FILE, STREAM_KNOWN_LENGTH, STREAM_UNKNOWN_LENGTH }

    static final List<WavFormat> FORMATS = List.of(
            WavFormat.pcm(48000, 1, 8), WavFormat.pcm(48000, 1, 16), WavFormat.pcm(44100, 1, 24),
            WavFormat.pcm(96000, 1, 32), WavFormat.ieeeFloat(48000, 1, 32), WavFormat.ieeeFloat(48000, 1, 64));
    static final int[] CHANNELS = {1, 2, 3, 6, 8, 9, 32};

    @TempDir
    Path dir;

    static Stream<Arguments> everyFormatChannelCountAndSink() {
        List<Arguments> cases = new ArrayList<>();
        for (WavFormat f : FORMATS) {
            for (int channels : CHANNELS) {
                for (Sink sink : Sink.values()) {
                    cases.add(Arguments.of(f.encoding() + " " + f.bitsPerSample(), withChannels(f, channels), sink));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} x {1} channels to {2}")
    @MethodSource("everyFormatChannelCountAndSink")
    void roundTripIsBitExactOnTheFormatsGrid(String name, WavFormat format, Sink sink) throws IOException {
        int frames = 1001 + format.channels();
        int[][] signal = gridSignal(format, frames, 42 + format.channels());
        byte[] file = write(format, signal, frames, sink);

        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            WavFormat read = r.format();
            assertEquals(format.sampleRate(), read.sampleRate());
            assertEquals(format.channels(), read.channels());
            assertEquals(format.bitsPerSample(), read.bitsPerSample());
            assertEquals(format.encoding(), read.encoding());
            assertEquals(sink == Sink.STREAM_UNKNOWN_LENGTH ? -1 : frames, read.frameCount());
            boolean extensible = format.channels() > 2 || format.bitsPerSample() > 16;
            assertEquals(extensible ? WavWriter.defaultChannelMask(format.channels()) : 0, r.channelMask());
            int[][] back = WavBytes.readAll(r);
            for (int c = 0; c < format.channels(); c++) {
                assertArrayEquals(signal[c], back[c], "channel " + c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16, 24, 32})
    void integerPcmSaturatesToFullScaleMinusOneLsb(int bits) throws IOException {
        int lsb = bits >= 25 ? 1 : 1 << (25 - bits);
        int[] in = {Q824.ONE, -Q824.ONE, Q824.MAX, Q824.MIN, Q824.ONE - 1, 3 * Q824.ONE / 2, -3 * Q824.ONE / 2};
        int top = bits == 32 ? Q824.ONE : Q824.ONE - lsb; // 32-bit 1 - 2^-31 reads back as 1.0
        int[] expected = {top, -Q824.ONE, top, -Q824.ONE, bits == 32 ? Q824.ONE - 1 : top, top, -Q824.ONE};
        byte[] file = write(WavFormat.pcm(48000, 1, bits), new int[][] {in}, in.length, Sink.SEEKABLE_FILE);
        assertArrayEquals(expected, WavBytes.decode(file)[0]);
    }

    @Test
    void floatKeepsTheHeadroomOfQ824() throws IOException {
        int[] in = {100 * Q824.ONE, -128 * Q824.ONE, 3 * Q824.ONE / 2, Q824.ONE};
        byte[] file = write(WavFormat.ieeeFloat(48000, 1, 32), new int[][] {in}, in.length, Sink.SEEKABLE_FILE);
        assertArrayEquals(in, WavBytes.decode(file)[0]);
    }

    @Test
    void twentyFourBitWriteOfQ824ValuesIsExactOnTheTwentyFourBitGrid() throws IOException {
        // Q8.24 has one more fraction bit than a 24-bit word: even values (all that a 24-bit
        // source or a 24-bit-aligned block produces) are exact, odd ones round to nearest.
        int[] even = new int[4096];
        int[] odd = new int[even.length];
        Random random = new Random(7);
        for (int i = 0; i < even.length; i++) {
            even[i] = random.nextInt(-Q824.ONE / 2, Q824.ONE / 2) * 2;
            odd[i] = even[i] + 1;
        }
        even[0] = -Q824.ONE;
        even[1] = Q824.ONE - 2;
        byte[] file = write(WavFormat.pcm(48000, 2, 24), new int[][] {even, odd}, even.length, Sink.SEEKABLE_FILE);
        int[][] back = WavBytes.decode(file);
        assertArrayEquals(even, back[0]);
        for (int i = 0; i < odd.length; i++) {
            assertEquals(odd[i], back[1][i], 1.0, "an odd value rounds to a neighbour");
        }
        int dataStart = file.length - even.length * 6;
        assertEquals(0x00, file[dataStart] & 0xFF, "-1.0 is 0x800000 little-endian");
        assertEquals(0x80, file[dataStart + 2] & 0xFF);
    }

    @Test
    void manySmallBlocksCrossTheWritersBufferWithoutLoss() throws IOException {
        WavFormat format = WavFormat.pcm(48000, 2, 16);
        int frames = 100_003;
        int[][] signal = gridSignal(format, frames, 3);
        byte[] file = write(format, signal, frames, Sink.SEEKABLE_FILE);
        int[][] back = WavBytes.decode(file);
        assertArrayEquals(signal[0], back[0]);
        assertArrayEquals(signal[1], back[1]);
    }

    @Test
    void headerStartsAtTheChannelsPositionAndSizesArePatchedThere() throws IOException {
        Path path = dir.resolve("offset.wav");
        int[][] signal = {{1 << 9, -(1 << 9), 0}};
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3}));
            try (WavWriter w = WavWriter.create(ch, WavFormat.pcm(8000, 1, 16), null)) {
                w.write(signal, 3);
            }
        }
        byte[] all = Files.readAllBytes(path);
        byte[] wav = java.util.Arrays.copyOfRange(all, 3, all.length);
        assertEquals(44 + 6, wav.length);
        assertEquals(wav.length - 8, WavBytes.decodeU32(wav, 4));
        assertEquals(6, WavBytes.decodeU32(wav, 40));
        assertArrayEquals(signal[0], WavBytes.decode(wav)[0]);
    }

    @Test
    void oddDataSizeGetsAPadByteOutsideTheDataSize() throws IOException {
        byte[] file = write(WavFormat.pcm(8000, 1, 8), new int[][] {{0, 1 << 17, -(1 << 17)}}, 3, Sink.SEEKABLE_FILE);
        assertEquals(44 + 3 + 1, file.length);
        assertEquals(3, WavBytes.decodeU32(file, 40));
        assertEquals(file.length - 8, WavBytes.decodeU32(file, 4));
        assertArrayEquals(new int[] {0, 1 << 17, -(1 << 17)}, WavBytes.decode(file)[0]);
    }

    @Test
    void streamWithDeclaredLengthRefusesMoreFramesAndReportsFewer() throws IOException {
        WavFormat format = WavFormat.pcm(48000, 1, 16).withFrameCount(4);
        WavWriter more = WavWriter.create(new ByteArrayOutputStream(), format, null);
        assertThrows(IllegalStateException.class, () -> more.write(new int[1][5], 5));
        WavWriter fewer = WavWriter.create(new ByteArrayOutputStream(), format, null);
        fewer.write(new int[1][3], 3);
        IOException e = assertThrows(IOException.class, fewer::close);
        assertEquals("the header declared 4 frames but 3 were written; the file is incomplete", e.getMessage());
    }

    @Test
    void explicitChannelMaskIsStoredAndReadBack() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WavWriter w = WavWriter.create(out, WavFormat.pcm(48000, 8, 24), null, 0)) {
            w.write(new int[8][10], 10);
        }
        try (WavReader r = WavReader.open(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(0, r.channelMask());
        }
        assertThrows(IllegalArgumentException.class,
                () -> WavWriter.create(new ByteArrayOutputStream(), WavFormat.pcm(48000, 2, 24), null, 0x7));
    }

    /** Writes {@code signal} in uneven blocks, the way a render loop with a short last block would. */
    private byte[] write(WavFormat format, int[][] signal, int frames, Sink sink) throws IOException {
        int[] blocks = {1, 127, 128, 1000};
        int[][] block = new int[format.channels()][1000];
        Path path = dir.resolve("out-" + System.nanoTime() + ".wav");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        WavWriter w = switch (sink) {
            case SEEKABLE_FILE -> WavWriter.create(FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), format, null);
            case STREAM_KNOWN_LENGTH -> WavWriter.create(stream, format.withFrameCount(frames), null);
            case STREAM_UNKNOWN_LENGTH -> WavWriter.create(stream, format, null);
        };
        try (w) {
            int done = 0;
            for (int b = 0; done < frames; b++) {
                int n = Math.min(blocks[b % blocks.length], frames - done);
                for (int c = 0; c < format.channels(); c++) {
                    System.arraycopy(signal[c], done, block[c], 0, n);
                }
                w.write(block, n);
                done += n;
            }
        }
        return sink == Sink.SEEKABLE_FILE ? Files.readAllBytes(path) : stream.toByteArray();
    }

    /** Random Q8.24 samples that the format represents exactly, with both extremes first. */
    static int[][] gridSignal(WavFormat format, int frames, long seed) {
        Random random = new Random(seed);
        int bits = format.bitsPerSample();
        boolean isFloat = format.encoding() == WavEncoding.IEEE_FLOAT;
        int shift = isFloat || bits >= 25 ? 0 : 25 - bits;
        int min = -Q824.ONE;
        int maxExclusive = isFloat ? Q824.ONE + 1 : Q824.ONE;
        int[][] s = new int[format.channels()][frames];
        for (int[] channel : s) {
            for (int i = 0; i < frames; i++) {
                channel[i] = (random.nextInt(min, maxExclusive) >> shift) << shift;
            }
            channel[0] = min;
            channel[1] = ((maxExclusive - 1) >> shift) << shift;
        }
        return s;
    }

    static WavFormat withChannels(WavFormat f, int channels) {
        return new WavFormat(f.sampleRate(), channels, f.bitsPerSample(), f.encoding(), -1);
    }
}
