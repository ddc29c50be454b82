package org.cabintune.hu.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavProgress;
import org.cabintune.dsp.wav.WavWriter;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.CliRun;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.hu.store.ProfileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.serial.SerialClient;
import org.cabintune.link.serial.SerialLink;
import org.cabintune.link.serial.Socat;
import org.cabintune.link.testing.Await;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code cabintune-hu run} in-process, on the simulator board. */
class RunCommandTest {

    private static final Path SIMULATOR = Path.of("..", "board-configs", "simulator.yaml");

    @TempDir
    Path dir;

    private String stdout;
    private String stderr;

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        stdout = run.stdout();
        stderr = run.stderr();
        return run.exit();
    }

    @Test
    void answersOverTheSerialCableAndPlaysOnWhileTheBrokerIsDown() throws Exception {
        assumeTrue(Socat.available(), "socat is not installed (apt-get install socat)");
        Socat cable = new Socat(Files.createDirectories(dir.resolve("pty"))).start();
        Path password = Files.writeString(dir.resolve("password"), "secret\n");
        try (ServerSocket closed = new ServerSocket(0)) {
            // A port nothing listens on once this socket is closed: the broker is down.
            String broker = "tcp://127.0.0.1:" + closed.getLocalPort();
            closed.close();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("run", "--board",
                    SIMULATOR.toString(), "--duration", "8", "--profiles", dir.resolve("profiles").toString(),
                    "--serial", cable.a().toString(), "--mqtt", broker, "--mqtt-password-file", password.toString()));
            try (SerialClient tuner = new SerialClient(cable.b().toString(), SerialLink.DEFAULT_BAUD, m -> { },
                    new SerialLink.Events() { })) {
                Envelope reply = null;
                long until = System.nanoTime() + 7_500_000_000L;
                while (reply == null && System.nanoTime() < until) {
                    try {
                        reply = tuner.request(Envelope.of("t-" + System.nanoTime(), System.currentTimeMillis(),
                                new Command.GetState()), Duration.ofMillis(500));
                    } catch (java.util.concurrent.TimeoutException | java.io.IOException notYet) {
                        // The unit is still warming up its chain.
                    }
                }
                assertTrue(reply != null && reply.body() instanceof Reply.State, "get-state over the cable: " + reply);
                assertEquals("reference-8-channel", ((Reply.State) reply.body()).activeProfile());
            }
            assertEquals(0, exit.get(), stderr);
            assertTrue(stderr.contains("link: mqtt broker not reachable"), stderr);
            assertTrue(stdout.contains("xruns"), stdout);
        } finally {
            cable.stop();
        }
    }

    @Test
    void runsTheSimulatorForItsDurationAndWritesTheStats() throws IOException {
        Path stats = dir.resolve("stats.json");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "2", "--stats-json", stats.toString()),
                stderr);
        JsonNode json = new ObjectMapper().readTree(stats.toFile());
        assertEquals("Reference 8-channel", json.get("profile").asText());
        assertEquals("simulator", json.get("board").asText());
        assertEquals(48000, json.get("sampleRate").asInt());
        assertEquals(128, json.get("periodFrames").asInt());
        long frames = json.get("framesProcessed").asLong();
        // Real-time pace: a late period shifts the simulated DAC's clock rather than being made
        // up, so a machine busy with other work plays somewhat fewer frames in the 2 s.
        assertTrue(frames >= 1.5 * 48000 && frames <= 2.5 * 48000, "frames " + frames);
        assertEquals(frames, json.get("periodsProcessed").asLong() * 128);
        assertTrue(json.get("xruns").isIntegralNumber());
        assertTrue(json.get("deadlineMisses").isIntegralNumber());
        double mean = json.get("dspLoadMean").asDouble();
        double max = json.get("dspLoadMax").asDouble();
        assertTrue(mean > 0 && mean < 0.5 && max >= mean, "DSP load mean " + mean + " max " + max);
        assertEquals(0, json.get("audioThreadAllocatedBytes").asLong(), "the audio thread allocated nothing");
        assertBlockTimesAndPauses(json);
        assertTrue(json.get("failure").isNull());
        // The summary's seconds are the frames played, which slip with the simulated DAC's clock under load.
        assertTrue(stdout.startsWith("run: " + String.format(java.util.Locale.ROOT, "%.1f", frames / 48000.0)
                + " s on simulator (Reference 8-channel, pink noise"), stdout);
        assertEquals(1, stdout.lines().count(), "one summary line");
    }

    /** The percentiles are ordered and bounded by the longest period; the collector's pauses were watched. */
    private static void assertBlockTimesAndPauses(JsonNode json) {
        assertEquals(0.0, json.get("allocatedBytesPerPeriod").asDouble());
        double p50 = json.get("blockMicrosP50").asDouble();
        double p99 = json.get("blockMicrosP99").asDouble();
        double p9999 = json.get("blockMicrosP9999").asDouble();
        double max = json.get("blockMicrosMax").asDouble();
        assertTrue(p50 > 0 && p50 <= p99 && p99 <= p9999 && p9999 <= max,
                "block times " + p50 + " / " + p99 + " / " + p9999 + " / max " + max + " us");
        double meanMicros = json.get("dspLoadMean").asDouble() * json.get("periodFrames").asInt() * 1e6
                / json.get("sampleRate").asInt();
        assertTrue(p50 < 2 * meanMicros, "the median " + p50 + " us is not above the mean " + meanMicros + " us");
        assertTrue(json.get("gcPauses").asLong() >= 0 && json.get("gcPauseMillisMax").isNumber(), json.toString());
    }

    /** Writes a 24-bit stereo WAV of two sines, left at {@code left} Hz, right at {@code right} Hz. */
    private static Path stereoSines(Path file, int rate, int frames, double left, double right, double amplitude)
            throws IOException {
        int[][] music = {Signals.quantize(Signals.sine(rate, frames, left, amplitude, 0)),
                Signals.quantize(Signals.sine(rate, frames, right, amplitude, 0))};
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WavWriter w = WavWriter.create(ch, WavFormat.pcm(rate, 2, 24), null)) {
            w.write(music, music[0].length);
        }
        return file;
    }

    @Test
    void playsAWavFileAtAnotherPeriod() throws IOException {
        Path wav = stereoSines(dir.resolve("in.wav"), 48000, 24000, 440, 660, 0.25);
        Path stats = dir.resolve("s.json");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "0.5", "--period", "256",
                "--source", "file:" + wav, "--stats-json", stats.toString()), stderr);
        JsonNode json = new ObjectMapper().readTree(stats.toFile());
        assertEquals(256, json.get("periodFrames").asInt());
        assertEquals("file in.wav", json.get("source").asText());
    }

    /**
     * A profile with static normalisation playing a file: the file is measured before the stream
     * starts (a stereo 1 kHz sine at -40 dBFS reads -40 LUFS) and its gain reaches the graph:
     * after the profile's -6 dB preamp the -14 LUFS target wants +32 dB, which the default
     * maxBoostDb holds at +12, leaving the programme at -34 LUFS.
     */
    @Test
    void staticNormalisationMeasuresTheFileBeforePlayingIt() throws IOException {
        Path wav = stereoSines(dir.resolve("quiet.wav"), 48000, 48000, 1000, 1000, 0.01);
        Path profile = dir.resolve("static.json");
        Files.writeString(profile, Files.readString(Path.of("..", "calibration", "profiles", "reference-8ch.json"))
                .replace("\"normalize\": {\"mode\": \"off\", \"targetLufs\": -14}",
                        "\"normalize\": {\"mode\": \"static\", \"targetLufs\": -14}"));
        Path stats = dir.resolve("static.json.stats");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "0.3", "--profile", profile.toString(),
                "--source", "file:" + wav, "--stats-json", stats.toString()), stderr);
        assertTrue(stderr.contains("static normalisation: " + wav + " measured -40.0 LUFS, -40.0 dBTP"), stderr);
        JsonNode notes = new ObjectMapper().readTree(stats.toFile()).get("notes");
        assertTrue(notes.toString().contains("bus.normalize: gain +12.0 dB, held by maxBoostDb; the programme stays 20.0 LU"
                + " below the target -14.0 LUFS"), notes.toString());
    }

    /**
     * The simulator on a profile store, with meters and the driver's page: the empty store gets
     * the board's profile, the page shows it and turns night mode on while the stream plays, the
     * audio thread still allocates nothing with the meters' tap on it, and the meters' last
     * snapshot reads the -20 dBFS stereo sine as -20 LUFS, with every speaker under its ceiling.
     * Started again on the same store, the unit plays at night from the start, the volume at
     * night mode's ceiling.
     */
    @Test
    void runsFromTheProfileStoreWithThePageAndWritesTheMeters() throws Exception {
        Path store = dir.resolve("profiles");
        Path stats = dir.resolve("stats.json");
        Path meters = dir.resolve("meters.json");
        int port = freePort();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("run", "--board", SIMULATOR.toString(),
                "--duration", "2", "--source", "sine", "--profiles", store.toString(), "--stats-json", stats.toString(),
                "--meters-json", meters.toString(), "--web", "127.0.0.1:" + port));
        URI page = URI.create("http://127.0.0.1:" + port + "/api/");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> state = firstState(http, page, exit);
        assertEquals("Reference 8-channel", new ObjectMapper().readTree(state.body()).get("profile").get("name").asText());
        HttpResponse<String> night = http.send(HttpRequest.newBuilder(page.resolve("night"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"night\": true}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, night.statusCode(), night.body());
        assertTrue(new ObjectMapper().readTree(night.body()).get("night").asBoolean());
        assertEquals(0, exit.get(), stderr);
        assertTrue(stderr.contains("web: the driver's page on http://127.0.0.1:" + port + "/"), stderr);
        assertTrue(stderr.contains("profiles: the store was empty: stored the board's profile "), stderr);
        assertTrue(Files.exists(store.resolve("Reference 8-channel.profile")));
        JsonNode s = new ObjectMapper().readTree(stats.toFile());
        assertEquals("Reference 8-channel", s.get("profile").asText());
        assertEquals(store.resolve("Reference 8-channel.profile").toString(), s.get("profilePath").asText());
        assertEquals(0, s.get("audioThreadAllocatedBytes").asLong(), "the tapped audio thread allocated nothing");

        JsonNode m = new ObjectMapper().readTree(meters.toFile());
        assertEquals("Reference 8-channel", m.get("profile").asText());
        assertEquals("sine 1000.0 Hz at -20.0 dBFS", m.get("source").asText());
        assertEquals(-20.0, m.get("programme").get("momentaryLufs").asDouble(), 0.05);
        assertEquals(-20.0, m.get("programme").get("integratedLufs").asDouble(), 0.05);
        assertEquals(-20.0, m.get("programme").get("truePeakDbtp").asDouble(), 0.05);
        assertEquals(8, m.get("outputs").size());
        for (JsonNode o : m.get("outputs")) {
            double ceiling = o.get("speaker").asText().contains("coaxial") ? -2 : o.get("speaker").asText()
                    .startsWith("sub") ? -1.5 : -1;
            double peak = o.get("peakDbfs").asDouble();
            assertTrue(peak < ceiling && peak > -120, o.toString());
            assertTrue(o.get("rmsDbfs").asDouble() < peak, o.toString());
        }
        assertTrue(m.get("dspLoad").asDouble() > 0, m.toString());
        assertEquals(s.get("xruns").asLong(), m.get("xruns").asLong());

        int again = freePort();
        exit = CompletableFuture.supplyAsync(() -> run("run", "--board", SIMULATOR.toString(), "--duration", "1",
                "--source", "sine", "--profiles", store.toString(), "--web", "127.0.0.1:" + again));
        JsonNode restarted = new ObjectMapper().readTree(firstState(http, URI.create("http://127.0.0.1:" + again + "/api/"),
                exit).body());
        assertEquals(0, exit.get(), stderr);
        assertTrue(restarted.get("night").asBoolean(), "night mode again after a restart: " + restarted);
        assertEquals(HeadUnitRemote.NIGHT_MAX_VOLUME_DB, restarted.get("volumeDb").asDouble(), restarted.toString());
        assertEquals(HeadUnitRemote.NIGHT_MAX_VOLUME_DB, restarted.get("maxVolumeDb").asDouble(), restarted.toString());
        assertTrue(stderr.contains("profiles: night mode is on, as it was left: the night compressor plays and the volume"
                + " starts at -10 dB"), stderr);
    }

    private static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    /** The page's first answer to GET /api/state while {@code exit}'s run plays. */
    private static HttpResponse<String> firstState(HttpClient http, URI page, CompletableFuture<Integer> exit)
            throws IOException, InterruptedException {
        HttpResponse<String> state = null;
        while (state == null && !exit.isDone()) {
            try {
                state = http.send(HttpRequest.newBuilder(page.resolve("state")).build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.net.ConnectException notYet) {
                Thread.sleep(20);
            }
        }
        assertTrue(state != null && state.statusCode() == 200, "the page answered while the stream ran");
        return state;
    }

    /**
     * {@code --profile} with a store stores and selects it; a damaged file falls back and is
     * reported; a store with nothing that plays, and no board profile to fill it with, still
     * plays: the built-in safe profile, and says so.
     */
    @Test
    void theStoreChoosesAndNeverRefusesToPlay() throws IOException {
        Path store = dir.resolve("profiles");
        Path reference = Path.of("..", "calibration", "profiles", "reference-8ch.json");
        Path night = dir.resolve("night.json");
        Files.writeString(night, Files.readString(reference)
                .replace("\"Reference 8-channel\"", "\"Night\"").replace("\"preampDb\": -6", "\"preampDb\": -20"));
        Path stats = dir.resolve("stats.json");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "0.3", "--profiles", store.toString(),
                "--profile", night.toString(), "--stats-json", stats.toString()), stderr);
        assertEquals("profiles: stored " + night + " as \"Night\" and selected it", stderr.lines().findFirst().orElse(""));
        assertEquals("Night", new ObjectMapper().readTree(stats.toFile()).get("profile").asText());

        // Another profile stored, then the active one damaged with no earlier version to fall back to.
        try (ProfileStore profiles = ProfileStore.open(store)) {
            profiles.put(ProfileParser.parse(reference));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Files.writeString(store.resolve("Night.profile"), "{}");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "0.3", "--profiles", store.toString(),
                "--stats-json", stats.toString()), stderr);
        assertEquals(List.of("profiles: dropped: Night.profile has no header line (\"cabintune-store/1 crc32c=... bytes=...\"),"
                        + " and there is no earlier version; \"Night\" is left out",
                "profiles: active: the active profile \"Night\" has no good version in the store;"
                        + " \"Reference 8-channel\" is active instead"),
                stderr.lines().filter(l -> l.startsWith("profiles:")).toList());
        assertEquals("Reference 8-channel", new ObjectMapper().readTree(stats.toFile()).get("profile").asText());

        Files.writeString(store.resolve("Reference 8-channel.profile"), "cabintune-store/1 crc32c=00000000 bytes=2\n{}");
        Path noProfile = dir.resolve("simulator.yaml");
        Files.writeString(noProfile, Files.readString(SIMULATOR).replace("profile: calibration/profiles/reference-8ch.json",
                "profile: " + dir.resolve("missing.json")));
        assertEquals(0, run("run", "--board", noProfile.toString(), "--duration", "0.3", "--profiles", store.toString(),
                "--stats-json", stats.toString()), stderr);
        assertTrue(stderr.contains("profiles: the store is empty and the board's profile cannot be stored: profile "
                + dir.resolve("missing.json") + " does not exist"), stderr);
        assertTrue(stderr.contains("profiles: safe: the store in " + store + " holds no valid profile; the built-in"
                + " profile \"Safe (built-in)\" plays (quiet, protected, untuned)"), stderr);
        JsonNode s = new ObjectMapper().readTree(stats.toFile());
        assertEquals("Safe (built-in)", s.get("profile").asText());
        assertEquals("(built-in)", s.get("profilePath").asText());
        assertTrue(s.get("failure").isNull());
    }

    @Test
    void runsAtTheFilesRateWhenTheDacHasItAndResamplesWhenNot() throws IOException {
        Path flac = dir.resolve("in.flac");
        try (java.io.InputStream in = getClass().getResourceAsStream("/flac/s16-stereo-level5.flac")) {
            Files.copy(in, flac);
        }
        Path stats = dir.resolve("s44.json");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "0.3", "--source", "file:" + flac,
                "--stats-json", stats.toString()), stderr);
        JsonNode json = new ObjectMapper().readTree(stats.toFile());
        assertEquals(44100, json.get("sampleRate").asInt(), "the simulator's DAC runs at 44.1 kHz");
        assertTrue(json.get("notes").get(0).asText().startsWith("the file is 44100 Hz: the DAC runs at 44100 Hz"), stderr);

        Path wav = stereoSines(dir.resolve("in88.wav"), 88200, 8820, 440, 660, 0.25);
        stats = dir.resolve("s88.json");
        assertEquals(0, run("run", "--board", SIMULATOR.toString(), "--duration", "0.3", "--source", "file:" + wav,
                "--stats-json", stats.toString()), stderr);
        json = new ObjectMapper().readTree(stats.toFile());
        assertEquals(48000, json.get("sampleRate").asInt());
        assertEquals("the file is 88200 Hz: resampled to 48000 Hz as it plays, because the DAC does not run at 88200 Hz"
                + " (dac.sampleRates: [44100, 48000, 96000])", json.get("notes").get(0).asText());
        assertEquals(0, json.get("audioThreadAllocatedBytes").asLong(), "resampling allocates nothing");
        assertBlockTimesAndPauses(json);
    }

    @Test
    void aJavaSoundDeviceWithoutALineFailsClearly() throws IOException {
        Path board = dir.resolve("javasound.yaml");
        Files.writeString(board, Files.readString(SIMULATOR).replace("sink: \"null\"", "sink: alsa")
                .replace("chip: none", "chip: none\n  alsaDevice: \"javasound:default\""));
        int code = run("run", "--board", board.toString(), "--duration", "0.2", "--profile",
                Path.of("..", "calibration", "profiles", "reference-8ch.json").toString());
        if (javax.sound.sampled.AudioSystem.getMixerInfo().length == 0) {
            assertEquals(1, code);
            assertTrue(stderr.contains("cabintune-hu run: no Java Sound output line takes 48000 Hz, 8 channel(s), 32-bit"),
                    stderr);
            assertFalse(stderr.contains("Exception"), stderr);
        }
    }

    @Test
    void choosesJavaSoundByDeviceOrWhenAlsaIsMissing() {
        assertEquals("USB", Streams.javaSoundMixer("javasound:USB", null));
        assertEquals(null, Streams.javaSoundMixer("hw:CARD=Device,DEV=0", null));
        assertEquals("", Streams.javaSoundMixer("hw:CARD=Device,DEV=0", "libasound.so.2 (ALSA) is not installed"));
    }

    @Test
    void refusesABoardWithTheFieldNamed() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, Files.readString(SIMULATOR).replace("periods: 2", "periods: 1"));
        assertEquals(1, run("run", "--board", bad.toString(), "--duration", "1"));
        assertTrue(stderr.contains("stream.periods = 1 is outside 2..16"), stderr);
    }

    @Test
    void refusesAProfileThatDoesNotFitTheBoard() {
        assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--duration", "1",
                "--profile", Path.of("..", "calibration", "profiles", "stereo-fullrange.json").toString()));
        assertTrue(stderr.contains("cannot play on board simulator"), stderr);
        assertTrue(stderr.contains("profile.outputs[0].name = \"front-left\" is no speaker of board simulator"), stderr);
    }

    /**
     * {@code --sink wav:FILE} records what the DAC gets, in the board's format (S32_LE, 8
     * channels), paced; a reader follows the file while the unit runs, and at the end it holds
     * every frame the stream processed.
     */
    @Test
    void recordsToAWavFileThatCanBeReadWhileItGrows() throws Exception {
        Path wav = dir.resolve("dac.wav");
        Path stats = dir.resolve("stats.json");
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run("run", "--board",
                SIMULATOR.toString(), "--duration", "2", "--source", "sine", "--sink", "wav:" + wav,
                "--stats-json", stats.toString()));
        Await.until(() -> frames(wav) > 0, "the recording's first frames", Duration.ofSeconds(10));
        long first = frames(wav);
        Thread.sleep(400);
        long later = frames(wav);
        assertFalse(exit.isDone(), "still running");
        assertTrue(later > first, "the file grows while the unit runs: " + first + " then " + later);
        try (FileChannel in = FileChannel.open(wav)) {
            WavProgress growing = WavProgress.of(in).orElseThrow();
            int[][] block = new int[8][4800];
            assertEquals(4800, growing.read(in, growing.frames() - 4800, block, 4800));
            int peak = 0;
            for (int v : block[2]) {
                peak = Math.max(peak, Math.abs(v));
            }
            assertTrue(peak > Q824.fromDouble(0.01), "the midwoofer plays the sine: peak " + Q824.toDouble(peak));
        }
        assertEquals(0, exit.get(), stderr);
        try (FileChannel in = FileChannel.open(wav)) {
            WavProgress done = WavProgress.of(in).orElseThrow();
            assertEquals(WavFormat.pcm(48000, 8, 32).withFrameCount(done.frames()), done.format());
            assertEquals(68, done.dataOffset());
            assertEquals(new ObjectMapper().readTree(stats.toFile()).get("framesProcessed").asLong(), done.frames());
        }
    }

    private static long frames(Path wav) {
        try (FileChannel in = FileChannel.open(wav)) {
            return WavProgress.of(in).map(WavProgress::frames).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    void refusesASinkItCannotUseInOneLine() {
        for (String spec : new String[] {"mp3:x", "wav:", "WAV:x.wav", ""}) {
            assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--sink", spec));
            assertEquals("cabintune-hu run: --sink = \"" + spec + "\" is not one of null, wav:FILE, alsa\n", stderr);
        }
        assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--sink", "alsa"));
        assertEquals("cabintune-hu run: --sink alsa: board simulator has no dac.alsaDevice to play to; use --sink null"
                + " or --sink wav:FILE\n", stderr);
        Path nowhere = dir.resolve("no-such-dir").resolve("dac.wav");
        assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--sink", "wav:" + nowhere));
        assertTrue(stderr.endsWith("cabintune-hu run: cannot record to " + nowhere + ": its directory does not exist\n"),
                stderr);
    }

    @Test
    void refusesBadOptions() {
        assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--period", "16"));
        assertTrue(stderr.contains("--period = 16 is outside 32..1024"), stderr);
        assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--source", "mp3:x"));
        assertTrue(stderr.contains("--source = \"mp3:x\" is not silence, sine"), stderr);
        assertEquals(1, run("run", "--board", SIMULATOR.toString(), "--duration", "0"));
        assertTrue(stderr.contains("--duration = 0.0 is outside"), stderr);
        assertEquals(1, run("run", "--board", dir.resolve("none.yaml").toString()));
        assertTrue(stderr.contains("does not exist"), stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }
}
