package org.cabintune.hu.audition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.Control;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.hu.engine.WavFileSource;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.Reply;

/**
 * The master the audition plays in the programme's place: loaded from the media directory and
 * checked against the running stream, switched in and out of the engine's switchable source,
 * and paused, resumed, sought and looped through the engine's control queue. What the chain
 * plays meanwhile is the {@link Audition}'s business. Not thread-safe: the audition calls it
 * under its lock.
 */
final class MasterPlayer {

    /**
     * A master loaded and checked, not yet playing: its player already holds the request's start
     * and loop.
     */
    record Loaded(Master master, WavFileSource player, Command.Region loop) {
    }

    private final MediaLibrary library;
    private final AudioEngine engine;
    private final SwitchableSource source;

    private Master master;
    private WavFileSource player;
    private boolean paused;
    private Command.Region loop;

    /**
     * @param library the masters, or null when the unit has no media directory (requests are refused)
     * @param engine  the running engine
     * @param source  its switchable source, where the master plays
     */
    MasterPlayer(MediaLibrary library, AudioEngine engine, SwitchableSource source) {
        this.library = library;
        this.engine = engine;
        this.source = source;
    }

    /** The masters in the media directory. */
    Reply.Media list() throws PortException {
        try {
            return library().list();
        } catch (IOException e) {
            throw new PortException(ErrorCode.INTERNAL, "list-media: the media directory could not be read: "
                    + e.getMessage());
        }
    }

    /**
     * Loads the master a {@code play-media} names and checks it in full (it plays on this stream,
     * its start and loop lie inside it); nothing that plays has changed yet.
     */
    Loaded load(Command.PlayMedia request) throws PortException {
        Path file = library().resolve(request.file(), "body.file");
        Master next;
        try {
            next = Master.load(file, request.file());
        } catch (IOException e) {
            throw new PortException(ErrorCode.REFUSED, "body.file = " + FieldPath.quote(request.file())
                    + " cannot be played: " + e.getMessage());
        }
        int inputs = engine.context().graph().inputs();
        if (next.audio().channels() != inputs) {
            throw new PortException(ErrorCode.REFUSED, "body.file = " + FieldPath.quote(request.file()) + " has "
                    + next.audio().channels() + " channel(s); the stream plays " + inputs + " input(s)");
        }
        long start = within(next, request.startSeconds(), "body.startSeconds", false);
        if (request.loop() != null) {
            within(next, request.loop().endSeconds(), "body.loop.endSeconds", true);
        }
        WavFileSource nextPlayer;
        try {
            nextPlayer = next.player(engine.context().sampleRate());
        } catch (IllegalArgumentException e) {
            throw new PortException(ErrorCode.REFUSED, "body.file: " + e.getMessage());
        }
        // The player is not yet shared: its start and loop are set on this thread before it plays.
        if (request.loop() != null) {
            nextPlayer.control(Control.LOOP, next.frames(request.loop().startSeconds()),
                    next.frames(request.loop().endSeconds()));
        }
        if (start > 0) {
            nextPlayer.control(Control.SEEK, start, 0);
        }
        return new Loaded(next, nextPlayer, request.loop());
    }

    /** Makes {@code next} the master, playing; the source takes it at {@link #awaitPlaying}. */
    void select(Loaded next) {
        master = next.master();
        player = next.player();
        paused = false;
        loop = next.loop();
    }

    /** Puts the selected master's player in the programme's place and waits until the audio thread has it. */
    void awaitPlaying() throws PortException {
        WavFileSource playing = player;
        SourceSwitch.await(() -> source.play(playing), () -> source.plays(playing), "the master");
    }

    /**
     * Pause, resume, seek, loop or stop looping. A {@code stop} is the audition's to carry out
     * ({@link #stop}), since the chain goes back with the programme.
     */
    void transport(Command.MediaTransport request) throws PortException {
        Master m = playing(request.action().word());
        switch (request.action()) {
            case PAUSE -> {
                queued(engine.pause());
                paused = true;
            }
            case RESUME -> {
                queued(engine.play());
                paused = false;
            }
            case SEEK -> queued(engine.seek(within(m, request.seconds(), "body.seconds", false)));
            case LOOP -> {
                within(m, request.loop().endSeconds(), "body.loop.endSeconds", true);
                queued(engine.loop(m.frames(request.loop().startSeconds()), m.frames(request.loop().endSeconds())));
                loop = request.loop();
            }
            case LOOP_OFF -> {
                queued(engine.loopOff());
                loop = null;
            }
            case STOP -> {
                // The audition's: see above.
            }
        }
    }

    /** Gives the source back to the programme and waits until the audio thread has it; no master is loaded after. */
    void stop() throws PortException {
        SourceSwitch.await(source::stop, source::programmePlays, "the programme");
        master = null;
        player = null;
        loop = null;
    }

    /** The master loaded, or null. */
    Master master() {
        return master;
    }

    /** The master loaded; refused naming {@code command} when there is none. */
    Master playing(String command) throws PortException {
        if (master == null) {
            throw new PortException(ErrorCode.REFUSED, command + ": no master is playing; send play-media first");
        }
        return master;
    }

    /** Where the master is, frames (at most its length). */
    long position() {
        return Math.min(player.position(), master.audio().frames());
    }

    /** Paused, ended (at its end, {@code position}, and not looping) or playing. */
    Reply.Playback playback(long position) {
        return paused ? Reply.Playback.PAUSED
                : loop == null && position >= master.audio().frames() ? Reply.Playback.ENDED : Reply.Playback.PLAYING;
    }

    /** The region looping, or null. */
    Command.Region loop() {
        return loop;
    }

    private MediaLibrary library() throws PortException {
        if (library == null) {
            throw new PortException(ErrorCode.REFUSED, "this unit has no media directory (cabintune-hu run --media DIR)");
        }
        return library;
    }

    /**
     * The frame of {@code seconds} in {@code m}; refused naming {@code field} when it is past the
     * end (or, when {@code endAllowed}, beyond it).
     */
    private static long within(Master m, double seconds, String field, boolean endAllowed) throws PortException {
        long frame = m.frames(seconds);
        long length = m.audio().frames();
        if (endAllowed ? frame > length : frame >= length) {
            throw new PortException(ErrorCode.OUT_OF_RANGE, field + " = " + FieldPath.number(seconds) + " is beyond the"
                    + " end of " + FieldPath.quote(m.name()) + String.format(Locale.ROOT, " (%.3f s)",
                    m.seconds(length)));
        }
        return frame;
    }

    private static void queued(boolean accepted) throws PortException {
        if (!accepted) {
            throw new PortException(ErrorCode.REFUSED, "media-transport: the engine's control queue is full; send it"
                    + " again");
        }
    }

}
