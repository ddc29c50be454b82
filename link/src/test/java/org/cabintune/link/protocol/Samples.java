package org.cabintune.link.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;

/** One valid body of every message type, and the project's example profiles. */
public final class Samples {

    private Samples() {
    }

    /** A file under the repository root, found from the module directory. */
    public static Path repoFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(relative))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(relative + " not found above the working directory");
        }
        return dir.resolve(relative);
    }

    /** {@code calibration/profiles/<name>.json}. */
    public static Profile profile(String name) {
        try {
            return ProfileParser.parse(repoFile("calibration/profiles/" + name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProfileException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final ProtectionLimits LIMITS = new ProtectionLimits(0, -6);

    /**
     * One body of each of the 33 message types (play-test-signal twice: a sweep without and with markers;
     * media-transport, play-media and audition twice, with and without their optional parts).
     */
    public static List<Body> everyBody() {
        return List.of(
                new Command.Hello("tuner 0.1 on a laptop"),
                new Command.GetState(),
                new Command.SelectProfile("driver-seat"),
                new Command.PutProfile("driver-seat", profile("stereo-fullrange")),
                new Command.DeleteProfile("old-one"),
                new Command.SetVolume(-23.5),
                new Command.SetMute(true),
                new Command.SetBypass(false),
                new Command.PlayTestSignal(List.of(0, 3), new TestSignal.Sweep(20, 20000, 5, 50, 1), -12,
                        Command.Correction.BYPASSED),
                new Command.PlayTestSignal(List.of(1), new TestSignal.Sweep(20, 20000, 3, 150.5, 2.2, 0), -12,
                        Command.Correction.ON),
                new Command.StopTestSignal(),
                new Command.GetMeters(),
                new Command.StreamMeters(100),
                new Command.SetLimits(LIMITS),
                new Command.SetNight(true),
                new Command.PairKey("A".repeat(43) + "=", "Installer bench 2"),
                new Command.RevokeKey("0123456789abcdef"),
                new Command.ListMedia(),
                new Command.PlayMedia("masters/Take 3 (final).wav", 0, null),
                new Command.PlayMedia("master.flac", 12.5, new Command.Region(60, 90.25)),
                Command.MediaTransport.of(Command.Transport.PAUSE),
                new Command.MediaTransport(Command.Transport.SEEK, 42.0, null),
                new Command.MediaTransport(Command.Transport.LOOP, null, new Command.Region(1, 2)),
                new Command.AuditionAb(new Command.Side("driver-seat", false), new Command.Side("driver-seat", true), true),
                new Command.AuditionSwitch(Command.Choice.B),
                new Command.AuditionPreview(Platform.SPOTIFY),
                new Command.AuditionPreview(null),
                new Command.GetAudition(),
                new Reply.Info("car-7", "Raspberry Pi 4 + HiFiBerry DAC8x", "0.1.0", List.of(1), Limits.MAX_MESSAGE_BYTES,
                        48000, List.of("front-left", "front-right")),
                new Reply.State("driver-seat", List.of(new Reply.ProfileEntry("driver-seat", "Driver seat")), -20,
                        false, false, false, LIMITS, true),
                new Reply.Meters(42, List.of(new Reply.Level(-6.5, -18.25), Reply.Level.clamped(
                        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))),
                new Reply.Meters(43, List.of(new Reply.Level(-3, -15.5)), Reply.Programme.clamped(-16.25, -17.5,
                        Double.NEGATIVE_INFINITY, -1.75), 0.125),
                new Reply.Media(List.of(new Reply.MediaFile("master.flac", 212.4, 44100, 2)), 1),
                new Reply.Audition(null, Reply.Playback.STOPPED, 0, 0, null, null, null, null, null),
                new Reply.Audition("master.flac", Reply.Playback.PLAYING, 61.5, 212.4, new Command.Region(60, 90.25),
                        -8.2, -0.4, new Reply.AbState(new Command.Side("driver-seat", false),
                        new Command.Side("night", false), Command.Choice.A, true, Reply.Matching.MATCHED, 1, -14.5,
                        -20.5, -6, 0, null), new Reply.PreviewState(Platform.SPOTIFY, -5.8, false)),
                new Reply.Ack(),
                new Reply.Error(ErrorCode.UNKNOWN_PROFILE, "body.profileId = \"x\" is not stored on this unit"),
                new Event.ProfileChanged("driver-seat", "Driver seat"),
                new Event.Xrun(3),
                new Event.Fault("dac-missing", "the DAC did not answer on I2S"));
    }

    /** The message a sender would make of a body: replies get a {@code re}. */
    public static Envelope envelope(String id, Body body) {
        String re = body.type().kind() == MessageType.Kind.REPLY ? "cmd-1" : null;
        return new Envelope(Limits.PROTOCOL_VERSION, id, 1_750_000_000_000L, re, body, null);
    }
}
