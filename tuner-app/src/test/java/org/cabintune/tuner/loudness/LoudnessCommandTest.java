package org.cabintune.tuner.loudness;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;
import org.cabintune.tuner.CliRun;
import org.cabintune.tuner.TunerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LoudnessCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEYS = List.of("file", "integratedLufs", "loudnessRangeLu", "truePeakDbtp",
            "samplePeakDbfs", "maxMomentaryLufs", "maxShortTermLufs");

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        CliRun run = CliRun.of(new CommandLine(new LoudnessCommand()), args);
        stdout = run.out();
        stderr = run.err();
        return run.status();
    }

    /** A WAV of a 1 kHz tone on every channel at {@code dbfs} peak (or silence for -inf). */
    private Path tone(String name, WavFormat format, double seconds, double dbfs) throws IOException {
        int frames = (int) Math.round(seconds * format.sampleRate());
        double[] x = Signals.sine(format.sampleRate(), frames, 1000, Q824.dbToGain(dbfs), 0);
        int[][] samples = new int[format.channels()][];
        for (int c = 0; c < samples.length; c++) {
            samples[c] = Signals.quantize(x);
        }
        return write(name, format, samples);
    }

    private Path write(String name, WavFormat format, int[][] samples) throws IOException {
        Path file = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WavWriter w = WavWriter.create(ch, format, null)) {
            w.write(samples, samples[0].length);
        }
        return file;
    }

    private static List<JsonNode> lines(String text) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void jsonGivesOneObjectPerFileWithExactlyTheContractKeys() throws IOException {
        Path a = tone("a.wav", WavFormat.pcm(48000, 2, 24), 5, -23);
        Path b = tone("b.wav", WavFormat.ieeeFloat(44100, 1, 32), 4, -13);
        assertEquals(0, run("--json", a.toString(), b.toString()), stderr);
        List<JsonNode> objects = lines(stdout);
        assertEquals(2, objects.size(), stdout);
        JsonNode first = objects.get(0);
        JsonNode second = objects.get(1);
        assertAll(
                () -> assertEquals(KEYS, keys(first)),
                () -> assertEquals(KEYS, keys(second)),
                () -> assertEquals(a.toString(), first.get("file").asText()),
                () -> assertEquals(-23.0, first.get("integratedLufs").asDouble(), 0.1),
                () -> assertEquals(-23.0, first.get("samplePeakDbfs").asDouble(), 0.01),
                () -> assertEquals(0.0, first.get("loudnessRangeLu").asDouble(), 0.1),
                // Mono counts once: 3 dB below the same tone on two channels.
                () -> assertEquals(-16.0, second.get("integratedLufs").asDouble(), 0.1),
                () -> assertEquals(-13.0, second.get("maxMomentaryLufs").asDouble() + 3, 0.1));
    }

    @Test
    void silenceAndShortFilesHaveNullWhereThereIsNoReading() throws IOException {
        Path silence = tone("silence.wav", WavFormat.pcm(48000, 2, 16), 4, Double.NEGATIVE_INFINITY);
        Path shortTone = tone("short.wav", WavFormat.pcm(48000, 2, 16), 1, -20);
        assertEquals(0, run("--json", silence.toString(), shortTone.toString()), stderr);
        List<JsonNode> objects = lines(stdout);
        for (String key : KEYS.subList(1, KEYS.size())) {
            assertTrue(objects.get(0).get(key).isNull(), key + " of silence: " + objects.get(0));
        }
        assertTrue(objects.get(1).get("loudnessRangeLu").isNull(), "no 3 s block in a 1 s file");
        assertEquals(-20.0, objects.get(1).get("integratedLufs").asDouble(), 0.1);
    }

    @Test
    void tableRowsLineUpUnderTheirHeadings() throws IOException {
        Path a = tone("a.wav", WavFormat.pcm(48000, 2, 24), 4, -23);
        Path b = tone("a-much-longer-name.wav", WavFormat.pcm(96000, 2, 24), 4, -9);
        assertEquals(0, run(a.toString(), b.toString()), stderr);
        String[] rows = stdout.split("\\R");
        assertEquals(4, rows.length, stdout);
        assertTrue(rows[0].startsWith("file ") && rows[1].trim().startsWith("LUFS"), stdout);
        int end = rows[0].indexOf("integrated") + "integrated".length();
        for (int i = 1; i < rows.length; i++) {
            assertEquals(rows[0].length(), rows[i].length(), "row " + i + " ends where the heading does:\n" + stdout);
            assertTrue(rows[i].charAt(end - 1) != ' ' && rows[i].charAt(end) == ' ', "column edge in row " + i);
        }
        assertTrue(rows[2].contains("-23.0") && rows[3].contains("-9.0"), stdout);
    }

    @Test
    void eachUnreadableFileGetsOneLineAndTheRestAreStillMeasured() throws IOException {
        Path good = tone("good.wav", WavFormat.pcm(48000, 2, 16), 3, -20);
        Path text = Files.writeString(dir.resolve("notes.wav"), "these are not samples\n");
        Path oddRate = tone("odd-rate.wav", WavFormat.pcm(22050, 2, 16), 1, -20);
        Path missing = dir.resolve("missing.wav");
        assertEquals(1, run("--json", missing.toString(), text.toString(), good.toString(), oddRate.toString()));
        String[] errors = stderr.strip().split("\\R");
        assertAll(
                () -> assertEquals(3, errors.length, stderr),
                () -> assertTrue(errors[0].startsWith("cabintune loudness: " + missing + ": no such file"), errors[0]),
                () -> assertTrue(errors[1].startsWith("cabintune loudness: " + text + ": not a RIFF/WAVE file"), errors[1]),
                () -> assertTrue(errors[2].contains(oddRate + ": sample rate 22050 Hz is not supported"), errors[2]),
                () -> assertEquals(1, lines(stdout).size(), stdout),
                () -> assertEquals(good.toString(), lines(stdout).get(0).get("file").asText()));
    }

    @Test
    void previewShowsWhatEachPlatformWouldDo() throws IOException {
        // A steady tone at -20 LUFS and -20 dBTP: every platform's full gain fits under its ceiling.
        Path quiet = tone("quiet.wav", WavFormat.pcm(48000, 2, 24), 4, -20);
        assertEquals(0, run("--json", "--preview", "all", quiet.toString()), stderr);
        JsonNode o = lines(stdout).get(0);
        assertEquals(KEYS.size() + 1, keys(o).size());
        JsonNode preview = o.get("preview");
        assertEquals(Platform.values().length, preview.size());
        JsonNode spotify = preview.get(0);
        assertAll(
                () -> assertEquals("spotify", spotify.get("platform").asText()),
                () -> assertEquals(6.0, spotify.get("gainDb").asDouble(), 0.1),
                () -> assertEquals(-14.0, spotify.get("resultLufs").asDouble(), 0.1),
                () -> assertEquals(false, spotify.get("limiter").asBoolean()));
        assertEquals(0, run(quiet.toString(), "--preview", "spotify,tidal,ebu-r128"), stderr);
        String[] rows = stdout.split("\\R");
        assertEquals(7, rows.length, stdout);
        assertTrue(rows[4].matches(" +spotify +-14\\.0 +\\+6\\.0 +-14\\.0 +-14\\.0 +-"), rows[4]);
        assertTrue(rows[5].matches(" +tidal +-14\\.0 +0\\.0 +-20\\.0 +-20\\.0 +-"), rows[5]);
        assertTrue(rows[6].matches(" +ebu-r128 +-23\\.0 +-3\\.0 +-23\\.0 +-23\\.0 +-"), rows[6]);
    }

    @Test
    void isASubcommandOfTheTunerCli() throws IOException {
        Path a = tone("a.wav", WavFormat.pcm(48000, 2, 16), 1, -20);
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new TunerCli());
        cli.setOut(new PrintWriter(out, true));
        assertEquals(0, cli.execute("loudness", "--json", a.toString()));
        assertTrue(out.toString().startsWith("{\"file\":"), out.toString());
    }

    @Test
    void previewListsPlatformsOnceInTheirOrderOrAll() {
        assertEquals(List.of(Platform.TIDAL, Platform.SPOTIFY),
                LoudnessCommand.platforms(List.of("tidal", "spotify", "tidal")));
        assertEquals(List.of(Platform.values()), LoudnessCommand.platforms(List.of("all")));
    }

    @Test
    void unknownPlatformIsAUsageError() throws IOException {
        Path a = tone("a.wav", WavFormat.pcm(48000, 2, 16), 1, -20);
        assertEquals(2, run(a.toString(), "--preview", "spotify,napster"));
        assertTrue(stderr.contains("unknown platform 'napster'") && stderr.contains("ebu-r128"), stderr);
        assertEquals("", stdout);
    }

    @Test
    void surroundFilesUseTheirSpeakerLayout() throws IOException {
        // EBU Tech 3341 case 6 as a 5.0 file: L, R -28; C -24; Ls, Rs -30 dBFS.
        int fs = 48000;
        double[] levels = {-28, -28, -24, -30, -30};
        int[][] samples = new int[5][];
        for (int c = 0; c < 5; c++) {
            samples[c] = Signals.quantize(Signals.sine(fs, 5 * fs, 1000, Q824.dbToGain(levels[c]), 0));
        }
        Path file = write("five.wav", WavFormat.pcm(fs, 5, 24), samples);
        assertEquals(0, run("--json", file.toString()), stderr);
        assertEquals(-23.0, lines(stdout).get(0).get("integratedLufs").asDouble(), 0.1);
    }

    @Test
    void longFilesReportProgressOnStandardError() throws Exception {
        Path longFile = tone("long.wav", WavFormat.pcm(8000, 1, 16), 40, -20);
        Path shortFile = tone("short.wav", WavFormat.pcm(8000, 1, 16), 20, -20);
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err, true), true, false, 0);
        FileMeter.measure(shortFile, "short.wav", progress);
        assertEquals("", err.toString(), "no progress for 20 s of audio");
        FileMeter.measure(longFile, "long.wav", progress);
        String[] lines = err.toString().strip().split("\\R");
        assertTrue(lines.length >= 2, err.toString());
        assertTrue(lines[lines.length - 1].matches("loudness: long\\.wav +100%  0:40 of 0:40  \\d+x real time"),
                lines[lines.length - 1]);
    }
}
