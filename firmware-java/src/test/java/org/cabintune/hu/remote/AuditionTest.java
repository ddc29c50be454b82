package org.cabintune.hu.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.hu.audition.Masters;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/**
 * The audition on a running head unit as {@code run} assembles it (the stereo board's chain,
 * a real profile store holding Driver and Night, 12 dB apart, the link's port), its output
 * recorded as the DAC would get it: masters play, pause, seek, loop and stop; bad requests are
 * refused naming their field and the master plays on untouched; an A/B is loudness-matched or,
 * asked not to be, 12 dB apart; a platform preview plays at the platform's gain; and the audio
 * thread allocates nothing throughout.
 */
class AuditionTest {

    static final int FS = RemoteRig.FS;
    /** The master's loudness as a file. */
    static final double MASTER_LUFS = -20;
    /** A loop of exactly half a second: every half second recorded holds the same samples. */
    static final Command.Region HALF_SECOND = new Command.Region(1.0, 1.5);

    @TempDir
    Path dir;

    private Path media() throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Masters.write(media.resolve("noise.wav"), FS, Masters.noise(FS, 3, 3, MASTER_LUFS));
        Masters.write(media.resolve("mono.wav"), FS, new int[][] {new int[FS]});
        Files.createDirectories(media.resolve("takes"));
        Masters.write(media.resolve("takes/at 44k.wav"), 44100, Masters.noise(44100, 2, 5, MASTER_LUFS));
        Path outside = Masters.write(dir.resolve("outside.wav"), FS, Masters.noise(FS, 1, 9, MASTER_LUFS));
        Files.createSymbolicLink(media.resolve("escape.wav"), outside);
        return media;
    }

    @Test
    void mastersPlayMoveAndStopAndBadRequestsChangeNothing() throws Exception {
        RecordingSink sink = new RecordingSink(2, FS, FS / 10);
        try (RemoteRig rig = new RemoteRig(dir, sink, media())) {
            HeadUnitRemote unit = rig.unit;
            List<Reply.MediaFile> listed = unit.listMedia().files();
            assertEquals(List.of("mono.wav", "noise.wav", "takes/at 44k.wav"), listed.stream().map(Reply.MediaFile::name)
                    .toList(), "the link leading out of the directory is not listed");
            assertEquals(new Reply.MediaFile("takes/at 44k.wav", 2.0, 44100, 2), listed.get(2));

            unit.playMedia(new Command.PlayMedia("noise.wav", 0.5, null));
            Thread.sleep(50);
            Reply.Audition playing = unit.audition();
            assertEquals("noise.wav", playing.file());
            assertEquals(Reply.Playback.PLAYING, playing.playback());
            assertEquals(3.0, playing.lengthSeconds());
            assertEquals(MASTER_LUFS, playing.masterLufs(), 0.01);
            assertTrue(playing.positionSeconds() >= 0.5, "started at 0.5 s: " + playing);

            refused(rig, ErrorCode.UNKNOWN_MEDIA, "body.file = \"nope.wav\" is not a master in the unit's media"
                    + " directory", () -> unit.playMedia(new Command.PlayMedia("nope.wav", 0, null)));
            refused(rig, ErrorCode.INVALID_VALUE, "body.file = \"escape.wav\" leads out of the unit's media directory",
                    () -> unit.playMedia(new Command.PlayMedia("escape.wav", 0, null)));
            refused(rig, ErrorCode.REFUSED, "body.file = \"mono.wav\" has 1 channel(s); the stream plays 2 input(s)",
                    () -> unit.playMedia(new Command.PlayMedia("mono.wav", 0, null)));
            refused(rig, ErrorCode.OUT_OF_RANGE, "body.startSeconds = 5 is beyond the end of \"noise.wav\" (3.000 s)",
                    () -> unit.playMedia(new Command.PlayMedia("noise.wav", 5, null)));
            refused(rig, ErrorCode.OUT_OF_RANGE, "body.loop.endSeconds = 4 is beyond the end of \"noise.wav\"",
                    () -> unit.mediaTransport(new Command.MediaTransport(Command.Transport.LOOP, null,
                            new Command.Region(2, 4))));
            refused(rig, ErrorCode.OUT_OF_RANGE, "body.seconds = 3 is beyond the end",
                    () -> unit.mediaTransport(new Command.MediaTransport(Command.Transport.SEEK, 3.0, null)));
            refused(rig, ErrorCode.UNKNOWN_PROFILE, "body.b.profileId = \"nobody\" is not stored on this unit",
                    () -> unit.auditionAb(new Command.AuditionAb(new Command.Side("driver", false),
                            new Command.Side("nobody", false), true)));
            refused(rig, ErrorCode.REFUSED, "body.side = \"b\": no A/B is set up",
                    () -> unit.auditionSwitch(Command.Choice.B));

            unit.mediaTransport(Command.MediaTransport.of(Command.Transport.PAUSE));
            Thread.sleep(100);
            double held = unit.audition().positionSeconds();
            assertEquals(Reply.Playback.PAUSED, unit.audition().playback());
            assertTrue(record(sink).peak() < Q824.dbToGain(-100), "paused: silence after the fade");
            Thread.sleep(100);
            assertEquals(held, unit.audition().positionSeconds(), "paused: the position holds");
            unit.mediaTransport(Command.MediaTransport.of(Command.Transport.RESUME));
            Thread.sleep(100);
            assertTrue(unit.audition().positionSeconds() > held, "resumed");

            unit.mediaTransport(new Command.MediaTransport(Command.Transport.SEEK, 2.0, null));
            Await.until(() -> at(unit, 2.0, 2.5), "the seek to 2 s", Duration.ofSeconds(2));
            unit.mediaTransport(new Command.MediaTransport(Command.Transport.LOOP, null, new Command.Region(0.25, 0.5)));
            Thread.sleep(400);
            assertTrue(at(unit, 0.25, 0.5), "looping 0.25..0.5 s: " + unit.audition());
            assertEquals(new Command.Region(0.25, 0.5), unit.audition().loop());

            // A master at 44.1 kHz plays resampled at its own speed.
            unit.playMedia(new Command.PlayMedia("takes/at 44k.wav", 0, null));
            long t0 = System.nanoTime();
            Thread.sleep(500);
            double wall = (System.nanoTime() - t0) / 1e9;
            assertEquals(wall, unit.audition().positionSeconds(), 0.15, "plays at the file's speed");

            unit.mediaTransport(Command.MediaTransport.of(Command.Transport.STOP));
            assertEquals(Reply.Playback.STOPPED, unit.audition().playback());
            Thread.sleep(100);
            assertEquals(RemoteRig.expectedRms(0), rmsDbfs(record(sink).samples()), 0.1, "the programme is back");
            assertNull(rig.engine.stats().failure());
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
        }
    }

    @Test
    void anAbIsLoudnessMatchedOrNotAndAPreviewPlaysAtThePlatformsGain() throws Exception {
        RecordingSink sink = new RecordingSink(2, FS, FS / 2);
        try (RemoteRig rig = new RemoteRig(dir, sink, media())) {
            HeadUnitRemote unit = rig.unit;
            unit.playMedia(new Command.PlayMedia("noise.wav", 1.0, HALF_SECOND));
            double plain = lufs(record(sink));

            Command.Side driver = new Command.Side("driver", false);
            Command.Side night = new Command.Side("night", false);
            unit.auditionAb(new Command.AuditionAb(driver, night, true));
            Await.until(() -> matched(unit), "the match", Duration.ofSeconds(20));
            Reply.AbState ab = unit.audition().ab();
            assertEquals(-RemoteRig.NIGHT_DB, ab.aLufs() - ab.bLufs(), 0.01, "Night is 12 dB down: " + ab);
            assertEquals(ab.bLufs() - ab.aLufs(), ab.aTrimDb(), 1e-9);
            assertEquals(0, ab.bTrimDb());
            double a = lufs(record(sink));
            unit.auditionSwitch(Command.Choice.B);
            double b = lufs(record(sink));
            assertEquals(a, b, 0.1, "matched: A " + a + ", B " + b);
            assertEquals(plain + RemoteRig.NIGHT_DB, b, 0.1, "B plays Night as it is");

            unit.auditionAb(new Command.AuditionAb(driver, night, false));
            double unmatchedA = lufs(record(sink));
            unit.auditionSwitch(Command.Choice.B);
            double unmatchedB = lufs(record(sink));
            assertEquals(RemoteRig.NIGHT_DB, unmatchedB - unmatchedA, 0.1, "not matched: 12 dB apart");

            unit.auditionSwitch(Command.Choice.OFF);
            assertNull(unit.audition().ab());
            unit.auditionPreview(Platform.EBU_R128);
            Reply.PreviewState preview = unit.audition().preview();
            assertEquals(-23 - MASTER_LUFS, preview.gainDb(), 0.01);
            assertEquals(plain + preview.gainDb(), lufs(record(sink)), 0.1, "the platform's gain in front of the chain");
            unit.auditionPreview(null);
            assertEquals(plain, lufs(record(sink)), 0.1, "the preview off again");
            assertNull(rig.engine.stats().failure());
            assertEquals(0, rig.audioAllocated(), "bytes the audio thread allocated");
        }
    }

    /** The output's frames recorded from 150 ms on (a cross-fade and a warm-up later). */
    private static Recorded record(RecordingSink sink) throws InterruptedException {
        Thread.sleep(150);
        sink.arm();
        Await.until(sink::full, "the recording", Duration.ofSeconds(5));
        return new Recorded(new int[][] {sink.recorded(0), sink.recorded(1)});
    }

    private record Recorded(int[][] samples) {
        double peak() {
            return Arrays.stream(samples).flatMapToInt(Arrays::stream).map(Math::abs).max().orElse(0)
                    / (double) Q824.ONE;
        }
    }

    private static double lufs(Recorded r) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(FS, 1.0, 1.0));
        meter.process(r.samples(), r.samples()[0].length);
        return meter.readings().integratedLufs();
    }

    private static double rmsDbfs(int[][] samples) {
        double sum = 0;
        for (int v : samples[0]) {
            sum += (double) v * v;
        }
        return Q824.gainToDb(Math.sqrt(sum / samples[0].length) / Q824.ONE);
    }

    private static boolean matched(HeadUnitRemote unit) {
        try {
            return unit.audition().ab().matching() == Reply.Matching.MATCHED;
        } catch (PortException e) {
            throw new AssertionError(e);
        }
    }

    private static boolean at(HeadUnitRemote unit, double from, double to) {
        try {
            double s = unit.audition().positionSeconds();
            return s >= from && s < to;
        } catch (PortException e) {
            throw new AssertionError(e);
        }
    }

    /** Refused with {@code code} and a message starting {@code start}; the master plays on. */
    private static void refused(RemoteRig rig, ErrorCode code, String start, Executable request) throws Exception {
        Reply.Audition before = rig.unit.audition();
        PortException e = assertThrows(PortException.class, request);
        assertEquals(code, e.code(), e.getMessage());
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        Thread.sleep(30);
        Reply.Audition after = rig.unit.audition();
        assertEquals(before.file(), after.file());
        assertEquals(before.loop(), after.loop());
        assertEquals(Reply.Playback.PLAYING, after.playback());
        assertTrue(after.positionSeconds() > before.positionSeconds(), "the master plays on: " + after);
    }
}
