package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Component;
import java.awt.Container;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.swing.JLabel;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.audition.AuditionSession;
import org.cabintune.tuner.audition.AuditionUnit;
import org.cabintune.tuner.ui.unit.AuditionModel.State;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audition panel's model against a real head unit ({@link AuditionUnit}: {@code cabintune-hu
 * run} on the simulator board with two profiles and three masters, over its embedded broker),
 * through the desktop tuner's shared {@link UnitSession}, watched as the panel watches it: what
 * the model shows is what the unit reads back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditionModelTest {

    @TempDir
    static Path dir;

    private AuditionUnit unit;
    private UiThread ui;
    private UnitSession session;
    private AuditionModel m;

    @BeforeAll
    void startTheUnit() throws Exception {
        unit = AuditionUnit.start(dir);
        ui = new UiThread();
        session = new UnitSession(dir.resolve("config"));
        m = new AuditionModel(session, ui.threads);
    }

    @AfterAll
    void stopTheUnit() throws Exception {
        if (session != null) {
            session.close();
            ui.close();
        }
        if (unit != null) {
            unit.close();
        }
    }

    private State await(Predicate<State> condition, String what) throws InterruptedException {
        return UiThread.await(m.state(), State::status, condition, what);
    }

    /** Waits for the action just started to end, and fails with its error if it failed. */
    private State done(String what) throws InterruptedException {
        State s = await(x -> !x.status().isBusy(), what);
        assertNull(s.status().error(), what);
        return s;
    }

    /** Waits for the action just started to fail, and returns the state it left. */
    private State refused(String what) throws InterruptedException {
        return await(x -> !x.status().isBusy() && x.status().error() != null, what + " refused");
    }

    /** Waits for a reading of the unit newer than {@code s}'s (the refusal {@code s} shows stays). */
    private State readAgain(State s) throws InterruptedException {
        long deadline = System.nanoTime() + UiThread.TIMEOUT.toNanos();
        while (m.state().get().now() == s.now()) {
            assertTrue(System.nanoTime() < deadline, "no reading of the unit after " + s);
            Thread.sleep(10);
        }
        return m.state().get();
    }

    @Test
    void playsLoopsAbsAndPreviewsAMasterOfTheUnitAsItReadsThemBack() throws Exception {
        m.play("quiet.wav");
        assertEquals("Connect to a head unit first.", m.state().get().status().error());

        session.connect(unit.link(), AuditionUnit.UNIT);
        State s = await(x -> x.media().size() == 3, "the unit's masters");
        assertEquals(List.of("loud.wav", "quiet.wav", "steps.wav"), s.media().stream().map(Reply.MediaFile::name).toList());
        assertTrue(s.profiles().containsAll(List.of("plain", "hot-tilt")), s.profiles().toString());
        m.pause();
        assertEquals("No master is loaded: pick one from the unit's masters and press Play.",
                m.state().get().status().error());

        m.watch(true);
        m.play("quiet.wav");
        s = done("play");
        Reply.Audition a = s.audition();
        assertEquals("quiet.wav", a.file());
        assertEquals(Reply.Playback.PLAYING, a.playback());
        assertEquals(4.0, a.lengthSeconds(), 1e-9);
        assertEquals(-26, a.masterLufs(), 0.05);
        assertEquals("Playing quiet.wav (0:04.0, -26.0 LUFS).", s.status().notice());
        double at = a.positionSeconds();
        s = await(x -> x.audition().positionSeconds() > at && x.now().meters().programme() != null,
                "the watch reading the position as it moves, and the meters");

        m.loop(1.0, 2.0);
        s = done("loop");
        assertEquals(new Command.Region(1.0, 2.0), s.audition().loop());
        m.loop(2.5, 1.0);
        s = refused("a loop ending before it starts");
        assertTrue(s.status().error().startsWith("loop: endSeconds = 1 is less than 0.1 s after startSeconds = 2.5"),
                s.status().error());
        assertEquals(new Command.Region(1.0, 2.0), readAgain(s).audition().loop(), "the loop as it was");

        m.ab("plain", "hot-tilt", true);
        s = done("a matched A/B");
        Reply.AbState ab = s.audition().ab();
        assertEquals(Reply.Matching.MATCHED, ab.matching(), String.valueOf(ab.note()));
        assertEquals(Command.Choice.A, ab.active());
        assertEquals(0, ab.aTrimDb());
        assertTrue(ab.bTrimDb() < -5, "hot-tilt is 6 dB and a tilt louder: " + ab.bTrimDb());
        assertEquals(ab.aLufs() - ab.bLufs(), ab.bTrimDb(), 0.01, "the louder side is turned down by the difference");
        assertTrue(s.status().notice().startsWith("Matched: A -26."), s.status().notice());
        m.switchTo(Command.Choice.B);
        assertEquals(Command.Choice.B, done("switch to B").audition().ab().active());

        AuditionPanel panel = PanelImages.make(() -> new AuditionPanel(m));
        PanelImages.save(panel, 1400, 840, "audition");
        List<String> texts = new ArrayList<>();
        PanelImages.onEdt(() -> labels(panel, texts));
        String trimB = String.format(java.util.Locale.ROOT, "trim %6.2f dB", ab.bTrimDb());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("  A  plain") && t.endsWith("trim   0.00 dB")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("\u25b6 B  hot-tilt") && t.endsWith(trimB)), texts.toString());

        m.switchTo(Command.Choice.A);
        assertEquals(Command.Choice.A, done("switch to A").audition().ab().active());
        m.ab(AuditionSession.BYPASS, AuditionSession.BYPASS, false);
        s = refused("two bypassed sides");
        assertTrue(s.status().error().startsWith("ab: both sides are bypass"), s.status().error());
        assertEquals(ab.b(), readAgain(s).audition().ab().b(), "the A/B as it was");
        m.switchTo(Command.Choice.OFF);
        assertNull(done("A/B off").audition().ab());

        m.preview(Platform.APPLE);
        s = done("preview");
        a = s.audition();
        assertEquals(Platform.APPLE, a.preview().platform());
        assertEquals(Platform.APPLE.preview(a.masterLufs(), a.masterTruePeakDbtp(), a.masterTruePeakDbtp()).gainDb(),
                a.preview().gainDb(), 0.01);
        m.preview(null);
        assertNull(done("preview off").audition().preview());

        m.seek(30);
        s = refused("a seek beyond the end");
        assertTrue(s.status().error().contains("body.seconds = 30 is beyond the end of \"quiet.wav\""), s.status().error());
        s = readAgain(s);
        assertEquals("quiet.wav", s.audition().file(), "still playing");
        assertEquals(new Command.Region(1.0, 2.0), s.audition().loop());

        m.loopOff();
        assertNull(done("loop off").audition().loop());
        m.pause();
        assertEquals(Reply.Playback.PAUSED, done("pause").audition().playback());
        m.resume();
        assertEquals(Reply.Playback.PLAYING, done("resume").audition().playback());
        m.seek(3.0);
        double after = done("seek").audition().positionSeconds();
        assertTrue(after >= 3.0 && after < 3.5, "moved to 3 s: " + after);
        m.stop();
        s = done("stop");
        assertTrue(!s.loaded() && s.audition().playback() == Reply.Playback.STOPPED, s.toString());
        assertEquals("audition-car plays its programme again.", s.status().notice());

        session.disconnect();
        s = await(x -> x.unit() == null, "the connection gone");
        assertTrue(s.media().isEmpty() && s.now() == null, s.toString());
        m.watch(false);
    }

    private static void labels(Container c, List<String> out) {
        for (Component child : c.getComponents()) {
            if (child instanceof JLabel l) {
                out.add(l.getText());
            } else if (child instanceof Container k) {
                labels(k, out);
            }
        }
    }
}
