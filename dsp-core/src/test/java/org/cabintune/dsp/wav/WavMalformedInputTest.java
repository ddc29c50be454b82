package org.cabintune.dsp.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed input is a WavFormatException that says what and where; nothing else escapes. */
class WavMalformedInputTest {

    private static final byte[] FRAMES = WavBytes.samples(2, 1, 2, 3, 4, 5, 6, 7, 8);

    static Stream<Arguments> corpus() {
        return Stream.of(
                bad("empty stream", new byte[0], "not a RIFF/WAVE file (the stream is empty)"),
                bad("an MP3 with an ID3 tag", "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000"
                        .getBytes(StandardCharsets.ISO_8859_1), "not a RIFF/WAVE file (starts with 'ID3')"),
                bad("binary garbage", new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                        "not a RIFF/WAVE file (starts with bytes 00 01 02 03)"),
                bad("big-endian RIFX", WavBytes.magic("RIFX", "WAVE").build(), "big-endian RIFX is not supported"),
                bad("an AVI", WavBytes.magic("RIFF", "AVI ").build(), "'RIFF' form type is 'AVI ', not 'WAVE'"),
                bad("only the magic", "RIFF".getBytes(StandardCharsets.US_ASCII), "the stream has only 4 bytes"),
                bad("zero channels", WavBytes.riff().fmt(1, 0, 48000, 0, 16).data(FRAMES).build(),
                        "channels 0 is outside 1..32 in fmt chunk at byte 12"),
                bad("33 channels", WavBytes.riff().fmtPcm(33, 48000, 16).data(FRAMES).build(),
                        "channels 33 is outside 1..32"),
                bad("blockAlign that disagrees", WavBytes.riff().fmt(1, 2, 48000, 5, 24).data(FRAMES).build(),
                        "blockAlign 5 does not match 2 channels x 24 bits"),
                bad("20-bit samples", WavBytes.riff().fmtPcm(2, 48000, 20).data(FRAMES).build(),
                        "bitsPerSample 20 is not supported (8, 16, 24, 32 integer; 32, 64 float)"),
                bad("16-bit float", WavBytes.riff().fmt(3, 1, 48000, 2, 16).data(FRAMES).build(),
                        "bitsPerSample 16 float is not supported"),
                bad("sample rate 0", WavBytes.riff().fmtPcm(2, 0, 16).data(FRAMES).build(),
                        "sampleRate 0 is outside 1..4000000"),
                bad("sample rate 2^32 - 1", WavBytes.riff().fmtPcm(2, -1, 16).data(FRAMES).build(),
                        "sampleRate 4294967295 is outside"),
                bad("MP3 in WAV", WavBytes.riff().fmt(0x55, 2, 48000, 1, 0).data(FRAMES).build(),
                        "unsupported encoding 0x0055 (MPEG Layer 3); CabinTune reads PCM and IEEE float WAV"),
                bad("ADPCM inside EXTENSIBLE", WavBytes.riff().fmtExtensible(2, 48000, 16, 16, 3, 2)
                        .data(FRAMES).build(), "unsupported encoding 0x0002 (Microsoft ADPCM)"),
                bad("ambisonic B-format GUID", WavBytes.riff().chunk("fmt ", ambisonicFmt()).data(FRAMES).build(),
                        "unsupported WAVE_FORMAT_EXTENSIBLE sub-format {00000001-0721-11D3-8644-C8C1CA000000}"),
                bad("EXTENSIBLE tag in an 18-byte fmt", WavBytes.riff().fmt18(0xFFFE, 2, 48000, 16)
                        .data(FRAMES).build(), "is 18 bytes, too short for WAVE_FORMAT_EXTENSIBLE (needs 40)"),
                bad("valid bits above the container", WavBytes.riff().fmtExtensible(2, 48000, 24, 32, 3, 1)
                        .data(FRAMES).build(), "validBitsPerSample 32 exceeds bitsPerSample 24"),
                bad("fmt shorter than 16 bytes", WavBytes.riff().chunk("fmt ", new byte[14]).data(FRAMES).build(),
                        "fmt chunk at byte 12 is 14 bytes, too short (needs 16)"),
                bad("fmt after data", WavBytes.riff().data(FRAMES).fmtPcm(2, 48000, 16).build(),
                        "fmt chunk missing before data (data chunk at byte 12)"),
                bad("two fmt chunks", WavBytes.riff().fmtPcm(2, 48000, 16).fmtPcm(2, 48000, 16).data(FRAMES)
                        .build(), "duplicate fmt chunk at byte 36"),
                bad("no data chunk", WavBytes.riff().fmtPcm(2, 48000, 16).chunk("LIST", new byte[4]).build(),
                        "no data chunk before the end of the stream at byte 48 (chunks seen: 'fmt ' at 12, "
                                + "'LIST' at 36)"),
                bad("no chunks at all", WavBytes.riff().build(), "no fmt chunk and no data chunk"),
                bad("huge LIST chunk", WavBytes.riff().chunk("LIST", 0xFFFF_FFF0L, new byte[20])
                        .fmtPcm(2, 48000, 16).data(FRAMES).build(),
                        "chunk 'LIST' at byte 12 declares 4294967280 bytes, beyond the end of the stream at byte 88"),
                bad("huge fmt chunk", WavBytes.riff().chunk("fmt ", 0x7FFF_FFFFL, WavBytes.fmtBody(1, 2, 48000, 4, 16))
                        .data(FRAMES).build(), "chunk 'fmt ' at byte 12 declares 2147483647 bytes, beyond the end"),
                bad("huge data chunk", WavBytes.riff().fmtPcm(2, 48000, 16).chunk("data", 0x1000_0000L, FRAMES)
                        .build(), "data chunk at byte 36 declares 268435456 bytes (67108864 frames), beyond the end "
                        + "of the stream at byte 60 (4 whole frames)"),
                bad("odd chunk without its pad byte", WavBytes.riff().fmtPcm(2, 48000, 16)
                        .chunk("LIST", 3, "abc".getBytes(StandardCharsets.US_ASCII)).data(FRAMES).build(),
                        "bad chunk id 'ata\\x10' at byte 48 after the odd-sized chunk 'LIST' at byte 36 "
                                + "(is its pad byte missing?)"),
                bad("truncated chunk header", Arrays.copyOf(WavBytes.riff().fmtPcm(2, 48000, 16).build(), 40),
                        "truncated chunk header at byte 36 (the stream ends after 4 of 8 bytes)"),
                bad("RF64 without ds64", WavBytes.magic("RF64", "WAVE").fmtPcm(2, 48000, 16).data(FRAMES).build(),
                        "'RF64' file needs a ds64 chunk first at byte 12, found 'fmt '"),
                bad("ds64 too short", WavBytes.magic("BW64", "WAVE").chunk("ds64", new byte[20]).build(),
                        "ds64 chunk at byte 12 is 20 bytes, too short (needs 28)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void malformedHeaderIsAWavFormatExceptionNamingTheProblem(String name, byte[] file, String fragment) {
        WavFormatException e = assertThrows(WavFormatException.class, () -> decodeAllWays(file));
        assertTrue(e.getMessage().contains(fragment), () -> "message was: " + e.getMessage());
    }

    @Test
    void exceptionCarriesTheOffsetOfTheProblem() {
        byte[] file = WavBytes.riff().chunk("JUNK", new byte[4]).fmt(1, 2, 48000, 5, 24).data(FRAMES).build();
        WavFormatException e = assertThrows(WavFormatException.class, () -> WavBytes.decode(file));
        assertEquals(24, e.offset());
    }

    /** Every cut that loses audio; the last byte is the data chunk's pad, which is never read. */
    static Stream<Integer> everyProperPrefixOfAValidFile() {
        return IntStream.range(0, validFile().length - 1).boxed();
    }

    @ParameterizedTest(name = "cut at byte {0}")
    @MethodSource("everyProperPrefixOfAValidFile")
    void fileTruncatedAtAnyByteIsAWavFormatException(int length) {
        byte[] cut = Arrays.copyOf(validFile(), length);
        assertThrows(WavFormatException.class, () -> decodeAllWays(cut));
    }

    @Test
    void theFileOfThatSweepReadsWithOrWithoutItsFinalPadByte() throws IOException {
        byte[] file = validFile();
        assertEquals(5, WavBytes.decode(file)[0].length);
        assertEquals(5, WavBytes.decode(Arrays.copyOf(file, file.length - 1))[0].length);
    }

    @Test
    void randomMutationsGiveOnlyWavFormatExceptionOrSuccess() {
        List<byte[]> seeds = List.of(validFile(),
                WavBytes.riff().fmtPcm(2, 44100, 16).chunk("LIST", new byte[5]).data(FRAMES).build(),
                WavBytes.riff().fmt18(3, 1, 48000, 32).chunk("fact", WavBytes.samples(4, 2))
                        .data(WavBytes.floats(0.5f, Float.NaN)).build(),
                WavBytes.rf64("RF64", 8, 4).fmtPcm(1, 48000, 16).chunk("data", 0xFFFF_FFFFL, new byte[8]).build(),
                WavBytes.riff().fmtPcm(1, 8000, 8).chunk("data", 0, new byte[7]).build());
        long started = System.nanoTime();
        int[] outcomes = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Random random = new Random(20240611);
            for (int i = 0; i < 10_000; i++) {
                byte[] file = mutate(seeds.get(random.nextInt(seeds.size())), random);
                try {
                    decodeAllWays(file);
                    outcomes[0]++;
                } catch (WavFormatException expected) {
                    outcomes[1]++;
                } catch (Throwable other) {
                    fail("mutation " + i + " threw " + other + " for " + HexFormat.of().formatHex(file), other);
                }
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(outcomes[0] > 100 && outcomes[1] > 100, () -> Arrays.toString(outcomes));
        assertTrue(seconds < 10, "fuzzing took " + seconds + " s");
    }

    /** Reads the whole file both ways a caller can: block reads, then (fresh) readAllDouble. */
    private static void decodeAllWays(byte[] file) throws IOException {
        WavBytes.decode(file);
        try (WavReader r = WavReader.open(new ByteArrayInputStream(file))) {
            r.readAllDouble();
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    // Size and count fields are where parsers break: try the classic values.
                    long[] values = {0, 1, 0xFFFF_FFFFL, 0x8000_0000L, 0x7FFF_FFFFL, 0xFFFE, 3};
                    WavBytes.put(b, Math.min(at & ~1, Math.max(0, b.length - 4)),
                            values[random.nextInt(values.length)], Math.min(4, b.length));
                }
                case 3 -> b = Arrays.copyOf(b, at);
                case 4 -> {
                    byte[] grown = new byte[b.length + 1 + random.nextInt(8)];
                    System.arraycopy(b, 0, grown, 0, at);
                    System.arraycopy(b, at, grown, grown.length - (b.length - at), b.length - at);
                    b = grown;
                }
                default -> {
                    int len = random.nextInt(b.length - at + 1);
                    byte[] shrunk = new byte[b.length - len];
                    System.arraycopy(b, 0, shrunk, 0, at);
                    System.arraycopy(b, at + len, shrunk, at, b.length - at - len);
                    b = shrunk;
                }
            }
        }
        return b;
    }

    /** A valid file with an odd-sized chunk, an extensible fmt and a fact chunk before data. */
    private static byte[] validFile() {
        return WavBytes.riff().chunk("JUNK", new byte[] {1, 2, 3})
                .fmtExtensible(3, 48000, 24, 24, 7, 1)
                .chunk("fact", WavBytes.samples(4, 5))
                .data(WavBytes.samples(3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
                .build();
    }

    private static byte[] ambisonicFmt() {
        byte[] b = WavBytes.extensibleBody(4, 48000, 16, 16, 0, 1);
        byte[] guid = HexFormat.of().parseHex("010000002107D3118644C8C1CA000000");
        System.arraycopy(guid, 0, b, 24, 16);
        return b;
    }

    private static Arguments bad(String name, byte[] file, String fragment) {
        return Arguments.of(name, file, fragment);
    }
}
