package org.cabintune.tuner.audition;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;
import org.cabintune.hu.store.ProfileStore;
import org.cabintune.tuner.calibrate.UnitRunner;
import org.cabintune.tuner.unit.Failure;
import org.cabintune.tuner.unit.LinkOptions;

/**
 * A real head unit to audition on, for the tuner's tests: {@code cabintune-hu run} on the
 * simulator board (on a thread of the test's JVM) with a profile store of two profiles 6 dB
 * and a tilt apart ({@code plain} playing, {@code hot-tilt}), a media directory of three
 * masters ({@code quiet.wav} and {@code loud.wav}: 4 s of {@link #TONES} at -26 and -8 LUFS;
 * {@code steps.wav}: a new tone each second), its embedded MQTT broker with one login, and
 * what it sends its DAC recorded into {@link #recording}.
 */
public final class AuditionUnit implements AutoCloseable {

    public static final int FS = 48000;
    public static final String UNIT = "audition-car";
    /** Tones of the masters: whole cycles in every 0.1 s, so a loop is seamless and every gating block alike. */
    static final double[] TONES = {100, 400, 1500, 6000};

    final Profile plain;
    final Profile hot;
    private final Path recording;
    private final LinkOptions link;
    private final List<String> linkArgs;
    private final UnitRunner.Running unit;

    private AuditionUnit(Profile plain, Profile hot, Path recording, LinkOptions link, List<String> linkArgs,
                         UnitRunner.Running unit) {
        this.plain = plain;
        this.hot = hot;
        this.recording = recording;
        this.link = link;
        this.linkArgs = linkArgs;
        this.unit = unit;
    }

    /** Writes the profiles and masters into {@code dir}, starts the unit, and returns once it answers over MQTT. */
    public static AuditionUnit start(Path dir) throws Exception {
        Profile plain = profile("Plain", 0, "");
        Profile hot = profile("Hot tilt", 6, """
                , {"type": "lowshelf", "freqHz": 200, "q": 0.7, "gainDb": 3},
                  {"type": "highshelf", "freqHz": 3000, "q": 0.7, "gainDb": -4}""");
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        try (ProfileStore store = ProfileStore.open(profiles)) {
            store.put(plain);
            store.put(hot);
            store.select(plain.name());
        }
        Path media = Files.createDirectories(dir.resolve("media"));
        write(media.resolve("quiet.wav"), tones(4, -26));
        write(media.resolve("loud.wav"), tones(4, -8));
        write(media.resolve("steps.wav"), steps());
        String password = "pw-" + System.nanoTime();
        Path accounts = Files.writeString(dir.resolve("accounts"), "tuner:" + password + "\n");
        Path passwordFile = Files.writeString(dir.resolve("password"), password + "\n");
        Path recording = dir.resolve("dac.wav");
        int port = freePort();
        UnitRunner.Running unit = UnitRunner.inProcess().start(List.of("run", "--board", "../board-configs/simulator.yaml",
                "--profiles", profiles.toString(), "--media", media.toString(), "--mqtt", "embedded", "--mqtt-port",
                Integer.toString(port), "--mqtt-accounts", accounts.toString(), "--unit-id", UNIT, "--sink",
                "wav:" + recording, "--source", "silence"), dir.resolve("unit.log"));
        LinkOptions link = LinkOptions.mqtt("tcp://127.0.0.1:" + port, "tuner", passwordFile, 3);
        List<String> linkArgs = List.of("--mqtt", "tcp://127.0.0.1:" + port, "--user", "tuner", "--password-file",
                passwordFile.toString(), "--timeout", "3", "--unit", UNIT);
        AuditionUnit started = new AuditionUnit(plain, hot, recording, link, linkArgs, unit);
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try {
                    AuditionSession.open(link, UNIT).close();
                    return started;
                } catch (Failure e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        } catch (Exception | Error e) {
            started.close();
            throw e;
        }
    }

    /** The link's options that reach the unit. */
    public LinkOptions link() {
        return link;
    }

    /** The same, as the command line gives them (with {@code --unit}). */
    public List<String> linkArgs() {
        return linkArgs;
    }

    /** The WAV file the unit's DAC output grows into. */
    public Path recording() {
        return recording;
    }

    /** A new session with the unit. */
    public AuditionSession open() {
        return AuditionSession.open(link, UNIT);
    }

    @Override
    public void close() throws IOException {
        unit.close();
    }

    /** A profile for the simulator board's front mid-woofers, its own 60 Hz high-pass, at {@code gainDb}. */
    private static Profile profile(String name, double gainDb, String moreFilters) throws Exception {
        String output = """
                {"name": "front-%s-midwoofer", "role": "midwoofer", "mix": {"%s": 1.0}, "gainDb": %s,
                 "filters": [{"type": "highpass", "freqHz": 60, "order": 4, "align": "butterworth"}%s],
                 "protect": {"ceilingDbtp": -1}}""";
        return ProfileParser.parse("""
                {"format": "cabintune.profile/1", "name": "%s", "sampleRate": 48000, "inputs": ["L", "R"],
                 "outputs": [%s, %s]}""".formatted(name, output.formatted("left", "L", gainDb, moreFilters),
                output.formatted("right", "R", gainDb, moreFilters)));
    }

    /** Stereo tones ({@link #TONES}, equal amplitudes) scaled to {@code lufs}. */
    static int[][] tones(double seconds, double lufs) {
        int n = (int) Math.round(seconds * FS);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < TONES.length; k++) {
                x[i] += Math.sin(2 * Math.PI * TONES[k] * i / FS + k);
            }
        }
        int[][] q = {quantize(x, 0.01), quantize(x, 0.01)};
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 2));
        meter.process(q, n);
        double gain = 0.01 * Math.pow(10, (lufs - meter.readings().integratedLufs()) / 20);
        return new int[][] {quantize(x, gain), quantize(x, gain)};
    }

    /** Four seconds, a tone of (k + 1) kHz in second k, -20 dBFS. */
    static int[][] steps() {
        double[] x = new double[4 * FS];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(2 * Math.PI * 1000 * (i / FS + 1) * i / FS);
        }
        return new int[][] {quantize(x, 0.1), quantize(x, 0.1)};
    }

    private static int[] quantize(double[] x, double gain) {
        int[] q = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = (int) Math.round(x[i] * gain * (1 << 24));
        }
        return q;
    }

    private static void write(Path file, int[][] samples) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WavWriter w = WavWriter.create(ch, WavFormat.pcm(FS, 2, 32), null)) {
            w.write(samples, samples[0].length);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
