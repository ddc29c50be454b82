package org.cabintune.hu.render;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.flac.FlacFixtures;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavReader;
import org.cabintune.dsp.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RenderCommandTest {

    private static final String PROFILE = """
            {"format": "cabintune.profile/1", "name": "two-way", "sampleRate": 48000, "inputs": ["L", "R"],
             "bus": {"preampDb": -3},
             "outputs": [
               {"name": "left-tweeter", "role": "tweeter", "mix": {"L": 1.0},
                "filters": [{"type": "highpass", "freqHz": 3000, "order": 4, "align": "linkwitz-riley"},
                            {"type": "peaking", "freqHz": 6000, "q": 2, "gainDb": -3}],
                "delayMs": 0.35, "protect": {"minHighpassHz": 2000}},
               {"name": "sub", "role": "subwoofer", "mix": {"L": 0.5, "R": 0.5},
                "filters": [{"type": "lowpass", "freqHz": 80, "order": 4, "align": "linkwitz-riley"},
                            {"type": "peaking", "freqHz": 20, "q": 10, "gainDb": 6}],
                "gainDb": -2, "invert": true}
             ]}
            """;

    private static final String STRAIGHT = """
            {"format": "cabintune.profile/1", "name": "straight", "sampleRate": 48000, "inputs": ["L", "R"],
             "bus": {"preampDb": -3},
             "outputs": [{"name": "left", "role": "fullrange", "mix": {"L": 1.0}},
                         {"name": "right", "role": "fullrange", "mix": {"R": 1.0}}]}
            """;

    @TempDir
    Path dir;

    private String stderr;

    private int render(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(new RenderCommand());
            cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            return cli.execute(args);
        } finally {
            System.setErr(saved);
            stderr = err.toString(StandardCharsets.UTF_8);
        }
    }

    private Path profile() throws IOException {
        return Files.writeString(dir.resolve("p.json"), PROFILE);
    }

    private Path wav(String name, WavFormat format, int[][] samples) throws IOException {
        Path file = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WavWriter w = WavWriter.create(ch, format, null)) {
            w.write(samples, samples[0].length);
        }
        return file;
    }

    private static int[][] read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file); WavReader r = WavReader.open(ch)) {
            int frames = (int) r.format().frameCount();
            int[][] out = new int[r.format().channels()][frames];
            int at = 0;
            int[][] block = new int[r.format().channels()][4096];
            int n;
            while ((n = r.read(block, 4096)) > 0) {
                for (int c = 0; c < out.length; c++) {
                    System.arraycopy(block[c], 0, out[c], at, n);
                }
                at += n;
            }
            return out;
        }
    }

    private static int[][] stereoNoise(int frames) {
        return new int[][] {Signals.quantize(Signals.whiteNoise(5, frames, -18)),
                Signals.quantize(Signals.whiteNoise(6, frames, -18))};
    }

    @Test
    void thirtyTwoBitOutputIsTheGraphBitForBit() throws Exception {
        int[][] input = stereoNoise(30_000);
        Path in = wav("in.wav", WavFormat.ieeeFloat(48000, 2, 32), input);
        Path out = dir.resolve("out.wav");
        assertEquals(0, render("--profile", profile().toString(), "--in", in.toString(), "--out", out.toString(),
                "--bits", "32"), stderr);
        // 32-bit PCM clips at full scale; the noise at -18 dBFS never gets there.
        assertArrayEquals(throughGraph(input), read(out));
    }

    @Test
    void aFlacInputRendersBitForBit() throws Exception {
        FlacFixtures.Case c = FlacFixtures.CASES.stream().filter(k -> k.name().equals("s24-stereo-48k")).findFirst()
                .orElseThrow();
        Path in = dir.resolve("in.flac");
        try (java.io.InputStream flac = FlacFixtures.class.getResourceAsStream("/flac/" + c.name() + ".flac")) {
            Files.copy(flac, in);
        }
        Path out = dir.resolve("out.wav");
        assertEquals(0, render("--profile", profile().toString(), "--in", in.toString(), "--out", out.toString(),
                "--bits", "32"), stderr);
        int[][] input = c.pcm();
        for (int[] channel : input) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] <<= 1;
            }
        }
        int[][] expected = throughGraph(input);
        int[][] rendered = read(out);
        for (int ch = 0; ch < 2; ch++) {
            for (int i = 0; i < expected[ch].length; i++) {
                // 32-bit PCM saturates at full scale, where the fixture's full-scale burst goes.
                assertEquals(Math.clamp(expected[ch][i], -(1 << 24), (1 << 24) - 1), rendered[ch][i], "frame " + i);
            }
        }
    }

    /** What the profile's graph makes of {@code input}, in the render's blocks. */
    private static int[][] throughGraph(int[][] input) throws Exception {
        int frames = input[0].length;
        ProcessingGraph graph = GraphCompiler.compile(ProfileParser.parse(PROFILE), RenderCommand.BLOCK);
        int[][] expected = new int[2][frames];
        int[][] inBlock = new int[2][RenderCommand.BLOCK];
        int[][] outBlock = new int[2][RenderCommand.BLOCK];
        for (int at = 0; at < frames; at += RenderCommand.BLOCK) {
            int n = Math.min(RenderCommand.BLOCK, frames - at);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(input[c], at, inBlock[c], 0, n);
            }
            graph.process(inBlock, outBlock, n);
            for (int c = 0; c < 2; c++) {
                System.arraycopy(outBlock[c], 0, expected[c], at, n);
            }
        }
        return expected;
    }

    @ParameterizedTest(name = "{0}-bit {1}")
    @CsvSource({"16, PCM", "24, PCM", "32, PCM", "32, IEEE_FLOAT"})
    void readsEveryInputFormatAndWritesDitheredTwentyFourBit(int bits, String encoding) throws Exception {
        WavFormat format = encoding.equals("PCM") ? WavFormat.pcm(48000, 2, bits) : WavFormat.ieeeFloat(48000, 2, bits);
        Path in = wav("in.wav", format, stereoNoise(9600));
        Path out = dir.resolve("out.wav");
        assertEquals(0, render("--profile", profile().toString(), "--in", in.toString(), "--out", out.toString()), stderr);
        try (FileChannel ch = FileChannel.open(out); WavReader r = WavReader.open(ch)) {
            assertEquals(24, r.format().bitsPerSample());
            assertEquals(2, r.format().channels());
            assertEquals(9600, r.format().frameCount());
            assertEquals(48000, r.format().sampleRate());
        }
    }

    @Test
    void refusesASampleRateMismatchAndLeavesNoOutput() throws Exception {
        Path in = wav("in.wav", WavFormat.pcm(44100, 2, 16), stereoNoise(4410));
        Path out = dir.resolve("out.wav");
        assertEquals(1, render("--profile", profile().toString(), "--in", in.toString(), "--out", out.toString()));
        assertTrue(stderr.contains("is 44100 Hz but profile 'two-way' is for 48000 Hz"), stderr);
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "temporary file left behind");
        }
    }

    @Test
    void refusesAChannelCountMismatch() throws Exception {
        Path in = wav("in.wav", WavFormat.pcm(48000, 1, 16), new int[][] {new int[480]});
        assertEquals(1, render("--profile", profile().toString(), "--in", in.toString(), "--out", dir.resolve("o.wav").toString()));
        assertTrue(stderr.contains("has 1 channel(s) but profile 'two-way' has 2 input(s) [L, R]"), stderr);
    }

    @Test
    void namesTheFieldOfAnInvalidProfile() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), PROFILE.replace("\"freqHz\": 6000", "\"freqHz\": 30000"));
        assertEquals(1, render("--profile", bad.toString(), "--demo", "--out", dir.resolve("o.wav").toString()));
        assertTrue(stderr.contains("outputs[0].filters[1].freqHz = 30000"), stderr);
        assertTrue(stderr.contains("Nyquist 24000"), stderr);
    }

    @Test
    void refusesAFileThatIsNeitherWavNorFlac() throws Exception {
        Path in = Files.writeString(dir.resolve("song.ogg"), "OggS not a wav");
        Path out = dir.resolve("o.wav");
        assertEquals(1, render("--profile", profile().toString(), "--in", in.toString(), "--out", out.toString()));
        assertTrue(stderr.contains("input " + in + ": not a WAV or FLAC file: it starts with 'OggS'"), stderr);
        Path mp3 = Files.write(dir.resolve("song.mp3"), new byte[] {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 2, 0, 0, -1, -5, 0, 0});
        assertEquals(1, render("--profile", profile().toString(), "--in", mp3.toString(), "--out", out.toString()));
        assertTrue(stderr.contains("input " + mp3 + ": not a FLAC stream: after an ID3v2 tag of 12 bytes it goes on with"
                + " 0xFFFB0000, not 'fLaC' (MP3?)"), stderr);
        assertFalse(stderr.contains("Exception"), "a stack trace instead of a message: " + stderr);
        assertFalse(Files.exists(out));
    }

    @Test
    void demoRendersOneChannelPerOutput() throws Exception {
        Path out = dir.resolve("demo.wav");
        assertEquals(0, render("--profile", profile().toString(), "--demo", "--demo-seconds", "1", "--out", out.toString()), stderr);
        int[][] rendered = read(out);
        assertEquals(2, rendered.length);
        assertEquals(48000, rendered[0].length);
        double peak = 0;
        for (int s : rendered[1]) {
            peak = Math.max(peak, Math.abs(Q824.toDouble(s)));
        }
        assertTrue(peak > 0.01, "the subwoofer output is silent");
        assertTrue(stderr.contains("rendered 1.0 s"), stderr);
    }

    @Test
    void missingInputAndBadBitsAreUsageErrors() throws Exception {
        assertEquals(1, render("--profile", profile().toString(), "--out", dir.resolve("o.wav").toString()));
        assertTrue(stderr.contains("missing input"), stderr);
        assertEquals(1, render("--profile", profile().toString(), "--demo", "--bits", "20", "--out", dir.resolve("o.wav").toString()));
        assertTrue(stderr.contains("--bits = 20 is not supported: use 16, 24 or 32"), stderr);
        assertEquals(1, render("--profile", dir.resolve("none.json").toString(), "--demo", "--out", dir.resolve("o.wav").toString()));
        assertTrue(stderr.contains("does not exist"), stderr);
    }

    private static LoudnessReadings loudness(int[][] x) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(48000, x.length));
        meter.process(x, x[0].length);
        return meter.readings();
    }

    private int[][] atLufs(int[][] x, double lufs) {
        double gain = Q824.dbToGain(lufs - loudness(x).integratedLufs());
        int[][] y = new int[x.length][x[0].length];
        for (int c = 0; c < x.length; c++) {
            for (int i = 0; i < x[c].length; i++) {
                y[c][i] = Q824.fromDouble(gain * Q824.toDouble(x[c][i]));
            }
        }
        return y;
    }

    @Test
    void staticNormalizationMeasuresTheInputAndReachesTheTarget() throws Exception {
        Path straight = Files.writeString(dir.resolve("straight.json"), STRAIGHT);
        Path in = wav("quiet.wav", WavFormat.pcm(48000, 2, 24), atLufs(stereoNoise(4 * 48000), -28));
        Path out = dir.resolve("loud.wav");
        assertEquals(0, render("--profile", straight.toString(), "--in", in.toString(), "--out", out.toString(),
                "--bits", "32", "--normalize", "static", "--target", "-20"), stderr);
        assertTrue(stderr.contains("normalize: measured -28.0 LUFS"), stderr);
        // Through the profile's -3 dB preamp: +11 dB.
        assertTrue(stderr.contains("gain +11.0 dB towards -20.0 LUFS"), stderr);
        assertEquals(-20.0, loudness(read(out)).integratedLufs(), 0.1);
    }

    @Test
    void withoutALimiterTheTruePeakCeilingHoldsTheGainAndSaysSo() throws Exception {
        Path straight = Files.writeString(dir.resolve("straight.json"), STRAIGHT.replace("\"preampDb\": -3",
                "\"preampDb\": -3, \"normalize\": {\"mode\": \"static\", \"maxBoostDb\": 24}"));
        Path in = wav("quiet.wav", WavFormat.pcm(48000, 2, 24), atLufs(stereoNoise(2 * 48000), -30));
        Path out = dir.resolve("capped.wav");
        assertEquals(0, render("--profile", straight.toString(), "--in", in.toString(), "--out", out.toString(),
                "--bits", "32", "--normalize", "static", "--target", "-8"), stderr);
        assertTrue(stderr.contains("held by ceilingDbtp (no limiter on the bus)"), stderr);
        LoudnessReadings r = loudness(read(out));
        assertEquals(-1.0, r.truePeakDbtp(), 0.05);
        assertTrue(r.integratedLufs() < -9, "short of the target: " + r.integratedLufs());
    }

    @Test
    void anAlbumIsMeasuredAsOneAndEachTrackKeepsItsPlace() throws Exception {
        Path straight = Files.writeString(dir.resolve("straight.json"), STRAIGHT);
        Path loud = wav("loud.wav", WavFormat.pcm(48000, 2, 24), atLufs(stereoNoise(2 * 48000), -24));
        Path quiet = wav("quiet.wav", WavFormat.pcm(48000, 2, 24), atLufs(stereoNoise(2 * 48000), -32));
        Path out = dir.resolve("quiet-out.wav");
        assertEquals(0, render("--profile", straight.toString(), "--in", quiet.toString(), "--out", out.toString(),
                "--bits", "32", "--normalize", "static", "--target", "-23", "--album", loud.toString(),
                quiet.toString()), stderr);
        assertTrue(stderr.contains("over 2 files (album)"), stderr);
        // The album, equal parts at -24 and -32 LUFS, measures -26.4 LUFS: +3.4 dB for both tracks.
        double album = 10 * Math.log10((Math.pow(10, -2.4) + Math.pow(10, -3.2)) / 2);
        assertEquals(-32 + (-23 - album), loudness(read(out)).integratedLufs(), 0.15);
    }

    @Test
    void shapedDitherWritesSixteenBitsWithinTheShapedNoise() throws Exception {
        Path straight = Files.writeString(dir.resolve("straight.json"), STRAIGHT);
        int[][] input = stereoNoise(48000);
        Path in = wav("in.wav", WavFormat.pcm(48000, 2, 24), input);
        Path out = dir.resolve("cd.wav");
        assertEquals(0, render("--profile", straight.toString(), "--in", in.toString(), "--out", out.toString(),
                "--bits", "16", "--dither", "shaped"), stderr);
        int[][] rendered = read(out);
        try (FileChannel ch = FileChannel.open(out); WavReader r = WavReader.open(ch)) {
            assertEquals(16, r.format().bitsPerSample());
        }
        double preamp = Q824.dbToGain(-3);
        double worst = 0;
        for (int i = 0; i < rendered[0].length; i++) {
            worst = Math.max(worst, Math.abs(Q824.toDouble(rendered[0][i]) - preamp * Q824.toDouble(input[0][i])));
        }
        assertTrue(worst * 32768 <= 14.1, "error " + worst * 32768 + " LSB");
        assertTrue(worst * 32768 > 2, "shaped, not plain rounding: " + worst * 32768 + " LSB");
    }

    @Test
    void normalizationAndDitherOptionsAreChecked() throws Exception {
        String p = profile().toString();
        String o = dir.resolve("o.wav").toString();
        assertEquals(1, render("--profile", p, "--demo", "--out", o, "--dither", "noise"));
        assertTrue(stderr.contains("--dither = noise is not one of off, tpdf, shaped"), stderr);
        assertEquals(1, render("--profile", p, "--demo", "--out", o, "--normalize", "loud"));
        assertTrue(stderr.contains("--normalize = loud is not one of off, static, auto"), stderr);
        assertEquals(1, render("--profile", p, "--demo", "--out", o, "--target", "-16"));
        assertTrue(stderr.contains("--target needs --normalize static or auto"), stderr);
        assertEquals(1, render("--profile", p, "--demo", "--out", o, "--normalize", "auto", "--target", "-2"));
        assertTrue(stderr.contains("bus.normalize.targetLufs = -2 is outside -40..-5"), stderr);
        assertEquals(1, render("--profile", p, "--demo", "--out", o, "--album", o));
        assertTrue(stderr.contains("--album is for static normalisation"), stderr);
    }
}
