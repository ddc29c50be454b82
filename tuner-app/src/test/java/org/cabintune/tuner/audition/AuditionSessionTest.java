package org.cabintune.tuner.audition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.cabintune.dsp.graph.GraphPlan;
import org.cabintune.dsp.graph.ProcessingGraphReference;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.wav.WavProgress;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.CliRun;
import org.cabintune.tuner.TunerCli;
import org.cabintune.tuner.unit.Failure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auditioning against a real head unit ({@link AuditionUnit}: {@code cabintune-hu run} on the
 * simulator board, on a thread of the test's JVM, with a profile store, a media directory and its
 * embedded MQTT broker, recording what it sends its DAC); the tuner's {@link AuditionSession} over the link.
 * What the DAC got is measured: an A/B between two profiles 6 dB and a tilt apart plays both
 * sides at one integrated loudness when matched, and as far apart as the profiles' double twins
 * say when not; a loop plays only its region; a -8 LUFS master previewed for Spotify (-14 LUFS)
 * plays 6 dB lower. (That the audio thread allocates nothing meanwhile is proven by the head
 * unit's own {@code AuditionTest}, in a JVM with the launcher's collector and compiler threads.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditionSessionTest {

    static final int FS = AuditionUnit.FS;
    /**
     * A loop of one second: every second the DAC gets holds the same samples (the loop's 10 ms
     * dip at the wrap, about 0.03 dB, once in each).
     */
    static final Command.Region ONE_SECOND = new Command.Region(1.0, 2.0);

    @TempDir
    static Path dir;

    private AuditionUnit unit;
    private AuditionSession session;

    @BeforeAll
    void startTheUnit() throws Exception {
        unit = AuditionUnit.start(dir);
        session = unit.open();
    }

    @AfterAll
    void stopTheUnit() throws Exception {
        if (session != null) {
            session.close();
        }
        if (unit != null) {
            unit.close();
        }
    }

    @Test
    @Order(1)
    void anAbIsMatchedInLoudnessAtTheDacOrAsFarApartAsTheProfilesWhenNot() throws Exception {
        assertEquals(List.of("loud.wav", "quiet.wav", "steps.wav"),
                session.media().files().stream().map(Reply.MediaFile::name).toList());
        session.play("quiet.wav", ONE_SECOND.startSeconds(), ONE_SECOND);
        Command.Side a = new Command.Side("plain", false);
        Command.Side b = new Command.Side("hot-tilt", false);

        Reply.AbState matched = session.ab(a, b, true, Duration.ofSeconds(30), state -> { });
        assertEquals(Reply.Matching.MATCHED, matched.matching(), String.valueOf(matched.note()));
        assertEquals(0, matched.aTrimDb());
        double loudA = dacLufs();
        session.switchTo(Command.Choice.B);
        double loudB = dacLufs();
        assertEquals(loudA, loudB, 0.1, "matched at the DAC: A " + loudA + ", B " + loudB + " LUFS");

        double expected = twinLufs(unit.hot) - twinLufs(unit.plain);
        assertEquals(expected, matched.bLufs() - matched.aLufs(), 0.05, "the unit's own measurement");
        session.ab(a, b, false, Duration.ofSeconds(5), state -> { });
        double asIsA = dacLufs();
        session.switchTo(Command.Choice.B);
        double asIsB = dacLufs();
        assertTrue(expected > 5, "6 dB and a tilt: " + expected);
        assertEquals(expected, asIsB - asIsA, 0.1, "not matched: B - A at the DAC, against the twins' " + expected);
        System.out.printf(java.util.Locale.ROOT, "A/B at the DAC: matched A %.3f B %.3f LUFS (trim %.3f dB); as they are"
                + " A %.3f B %.3f LUFS, B - A %.3f against the twins' %.3f LU%n", loudA, loudB, matched.bTrimDb(), asIsA,
                asIsB, asIsB - asIsA, expected);

        // Bypass stands for the other side's profile, flat.
        List<Command.Side> sides = AuditionSession.sides("hot-tilt", AuditionSession.BYPASS);
        assertEquals(new Command.Side("hot-tilt", true), sides.get(1));
        session.ab(sides.get(0), sides.get(1), false, Duration.ofSeconds(5), state -> { });
        String line = session.status().line();
        session.switchTo(Command.Choice.OFF);
        // The loop is 1.0 - 2.0 s: the position reads 0:02.0 at the instant it wraps.
        assertTrue(line.matches("quiet\\.wav  0:0[12]\\..*"), line);
        assertTrue(line.contains("A/B [A] hot-tilt | B hot-tilt (bypass), off"), line);
    }

    @Test
    @Order(2)
    void aLoopPlaysOnlyItsRegion() throws Exception {
        session.play("steps.wav", 0, null);
        session.loop(2.0, 3.0);
        Thread.sleep(300);
        double[][] heard = dac(1.0);
        double inRegion = tone(heard, 1000 * 3);
        for (int k = 0; k < 4; k++) {
            if (k != 2) {
                double other = tone(heard, 1000 * (k + 1));
                assertTrue(inRegion - other > 40, "second " + k + "'s tone at " + (1000 * (k + 1)) + " Hz is "
                        + (inRegion - other) + " dB below the region's");
            }
        }
        System.out.printf(java.util.Locale.ROOT, "loop 2..3 s: the region's 3 kHz tone %.1f dB above the others%n",
                inRegion - java.util.stream.IntStream.of(0, 1, 3).mapToDouble(k -> tone(heard, 1000 * (k + 1))).max()
                        .orElseThrow());
        double at = session.status().audition().positionSeconds();
        assertTrue(at >= 2.0 && at < 3.0, "the position stays in the region: " + at);
    }

    @Test
    @Order(3)
    void aLoudMasterPreviewedForSpotifyPlaysSixDecibelsLower() throws Exception {
        session.play("loud.wav", ONE_SECOND.startSeconds(), ONE_SECOND);
        Reply.Audition playing = session.status().audition();
        assertEquals(-8, playing.masterLufs(), 0.01);
        double asIs = dacLufs();
        session.preview(Platform.SPOTIFY);
        assertEquals(-6, session.status().audition().preview().gainDb(), 0.01);
        double previewed = dacLufs();
        assertEquals(-6, previewed - asIs, 0.1, "as is " + asIs + ", previewed " + previewed + " LUFS");
        System.out.printf(java.util.Locale.ROOT, "preview at the DAC: as is %.3f, Spotify %.3f LUFS (%.3f dB)%n", asIs,
                previewed, previewed - asIs);
        session.preview(null);
        assertNull(session.status().audition().preview());

        Failure refused = assertThrows(Failure.class, () -> session.play("../profiles/x.wav", 0, null));
        assertTrue(refused.getMessage().startsWith("play: file = \"../profiles/x.wav\" is not a path inside the media"),
                refused.getMessage());
        Failure beyond = assertThrows(Failure.class, () -> session.seek(30));
        assertTrue(beyond.getMessage().contains("out-of-range: body.seconds = 30 is beyond the end of \"loud.wav\""),
                beyond.getMessage());
        assertEquals("loud.wav", session.status().audition().file(), "still playing");
    }

    @Test
    @Order(4)
    void theCommandLineIsAThinShellOverTheSession() {
        CliRun list = cli("list");
        assertEquals(0, list.status(), list.err());
        assertTrue(list.out().contains("steps.wav                                           0:04.0   48000 Hz  2 ch"), list.out());
        CliRun ab = cli("ab", "plain", "hot-tilt", "--no-match-loudness");
        assertEquals(0, ab.status(), ab.err());
        assertTrue(ab.out().startsWith("not matched (asked not to be)"), ab.out());
        assertTrue(ab.out().contains("loud.wav  0:01.") && ab.out().contains("A/B [A] plain | B hot-tilt, off"), ab.out());
        CliRun bad = cli("loop", "3", "9");
        assertEquals(1, bad.status());
        assertTrue(bad.err().contains("refused media-transport: out-of-range: body.loop.endSeconds = 9 is beyond the end"
                + " of \"loud.wav\" (4.000 s)"), bad.err());
        CliRun off = cli("switch", "off");
        assertEquals(0, off.status(), off.err());
        assertFalse(off.out().contains("A/B"), off.out());
    }

    private CliRun cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("audition"));
        all.addAll(List.of(args));
        all.addAll(unit.linkArgs());
        return CliRun.of(TunerCli.commandLine(), all.toArray(String[]::new));
    }

    @Test
    @Order(5)
    void stopBringsTheProgrammeBack() throws Exception {
        session.stop();
        assertEquals(Reply.Playback.STOPPED, session.status().audition().playback());
        assertTrue(dacLufs() < -100, "the unit's programme, silence, plays again");
    }

    /**
     * The loudness of the A/B master's loop through {@code profile}'s double twin, its outputs as
     * the unit measures them (weight 1 each). The board adds nothing to these profiles but its
     * limiters, which the level never reaches.
     */
    private static double twinLufs(Profile profile) {
        GraphPlan plan = GraphPlan.of(profile);
        ProcessingGraphReference twin = new ProcessingGraphReference(plan);
        int[][] master = AuditionUnit.tones(4, -26);
        int from = (int) (ONE_SECOND.startSeconds() * FS);
        int period = FS;
        double[][] in = new double[2][period];
        double[][] out = new double[plan.outputs()][period];
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 1.0, 1.0));
        int[][] q = new int[2][period];
        for (int rep = 0; rep < 4; rep++) {
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < period; i++) {
                    in[c][i] = master[c][from + i] / (double) (1 << 24);
                }
            }
            twin.process(in, out, period);
            for (int c = 0; c < 2; c++) {
                for (int i = 0; i < period; i++) {
                    q[c][i] = (int) Math.round(out[c][i] * (1 << 24));
                }
            }
            if (rep >= 1) {
                meter.process(q, period);
            }
        }
        return meter.readings().integratedLufs();
    }

    /**
     * The integrated loudness of the DAC's next second (one turn of the loop), a cross-fade
     * after now, all its channels weighted 1.
     */
    private double dacLufs() throws Exception {
        Thread.sleep(200);
        double[][] heard = dac(1.0);
        int[][] q = new int[heard.length][heard[0].length];
        for (int c = 0; c < heard.length; c++) {
            for (int i = 0; i < heard[c].length; i++) {
                q[c][i] = (int) Math.round(heard[c][i] * (1 << 24));
            }
        }
        double[] weights = new double[heard.length];
        java.util.Arrays.fill(weights, 1.0);
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, weights));
        meter.process(q, q[0].length);
        return meter.readings().integratedLufs();
    }

    /** The next {@code seconds} the DAC gets, from now, full scale 1.0. */
    private double[][] dac(double seconds) throws Exception {
        try (FileChannel in = FileChannel.open(unit.recording(), StandardOpenOption.READ)) {
            long from = WavProgress.of(in).orElseThrow().frames();
            int n = (int) Math.round(seconds * FS);
            long deadline = System.nanoTime() + 10_000_000_000L;
            WavProgress p;
            while ((p = WavProgress.of(in).orElseThrow()).frames() < from + n) {
                assertTrue(System.nanoTime() < deadline, "the DAC recording stopped growing");
                Thread.sleep(20);
            }
            int[][] q = new int[p.format().channels()][n];
            assertEquals(n, p.read(in, from, q, n));
            double[][] out = new double[q.length][n];
            for (int c = 0; c < q.length; c++) {
                for (int i = 0; i < n; i++) {
                    out[c][i] = q[c][i] / (double) (1 << 24);
                }
            }
            return out;
        }
    }

    /** The level of {@code hz} summed over the outputs, dB (a single-bin DFT over the whole take). */
    private static double tone(double[][] heard, double hz) {
        double power = 0;
        for (double[] channel : heard) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < channel.length; i++) {
                double w = 2 * Math.PI * hz * i / FS;
                re += channel[i] * Math.cos(w);
                im += channel[i] * Math.sin(w);
            }
            power += re * re + im * im;
        }
        return 10 * Math.log10(power + 1e-30);
    }
}
