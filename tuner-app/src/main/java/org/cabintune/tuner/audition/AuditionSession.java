package org.cabintune.tuner.audition;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.unit.Failure;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.UnitLink;

/**
 * Auditioning masters on a head unit, the tuner's side (docs/audition.md): what
 * {@code ./cabintune audition} and the desktop GUI call. The unit plays: the master is one of
 * the files in its media directory, the A/B and its loudness match, the platform preview, the
 * transport all run there; this class asks for them over the link, one request at a time, and
 * reads back where they are ({@link #status}). Every refusal of the unit comes back as a
 * {@link Failure} with the unit's message, which names the field at fault.
 */
public final class AuditionSession implements AutoCloseable {

    /** The word that stands for "this side's profile, bypassed" in {@link #sides}. */
    public static final String BYPASS = "bypass";
    /** How often {@link #ab} looks at the match, ms. */
    static final long POLL_MS = 100;

    private final UnitLink link;
    private final List<String> outputs;
    private final boolean ownsLink;

    private AuditionSession(UnitLink link, List<String> outputs, boolean ownsLink) {
        this.link = link;
        this.outputs = outputs;
        this.ownsLink = ownsLink;
    }

    /** Connects to the unit and asks what it is. */
    public static AuditionSession open(LinkOptions options, String unitId) {
        UnitLink link = UnitLink.open(options, unitId, message -> { });
        try {
            Reply.Info info = link.ask(new Command.Hello("cabintune audition"), Reply.Info.class);
            return new AuditionSession(link, info.outputs(), true);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * An audition over a link that stays open after {@link #close} (the desktop tuner's
     * connection, which other panels use too).
     *
     * @param outputs the unit's outputs in DAC order, as it said answering {@code hello} on this link
     */
    public static AuditionSession borrowing(UnitLink link, List<String> outputs) {
        return new AuditionSession(link, List.copyOf(outputs), false);
    }

    /** The unit's outputs in DAC order, as meters list them. */
    public List<String> outputs() {
        return outputs;
    }

    /** The masters in the unit's media directory. */
    public Reply.Media media() {
        return link.ask(new Command.ListMedia(), Reply.Media.class);
    }

    /**
     * Plays a master from {@code startSeconds}, looping {@code loop} when not null.
     *
     * @param file its name as {@link #media} lists it
     */
    public void play(String file, double startSeconds, Command.Region loop) {
        link.ask(built("play", () -> new Command.PlayMedia(file, startSeconds, loop)));
    }

    public void pause() {
        transport(Command.MediaTransport.of(Command.Transport.PAUSE));
    }

    public void resume() {
        transport(Command.MediaTransport.of(Command.Transport.RESUME));
    }

    /** Moves to {@code seconds} into the master. */
    public void seek(double seconds) {
        transport(built("seek", () -> new Command.MediaTransport(Command.Transport.SEEK, seconds, null)));
    }

    /** Loops {@code [startSeconds, endSeconds)}; outside it, playback jumps to its start. */
    public void loop(double startSeconds, double endSeconds) {
        transport(built("loop", () -> new Command.MediaTransport(Command.Transport.LOOP, null,
                new Command.Region(startSeconds, endSeconds))));
    }

    public void loopOff() {
        transport(Command.MediaTransport.of(Command.Transport.LOOP_OFF));
    }

    /** Ends the audition: the unit's programme plays again, the A/B and the preview end. */
    public void stop() {
        transport(Command.MediaTransport.of(Command.Transport.STOP));
    }

    /**
     * Sets up an A/B; with {@code matchLoudness}, waits while the unit measures both sides (it
     * then plays side A), telling {@code progress} how far it is.
     *
     * @return the A/B as the unit runs it: matched, or failed with its note, or unmatched
     */
    public Reply.AbState ab(Command.Side a, Command.Side b, boolean matchLoudness, Duration patience,
                            Consumer<Reply.AbState> progress) {
        link.ask(built("ab", () -> new Command.AuditionAb(a, b, matchLoudness)));
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Reply.AbState state = audition().ab();
            if (state == null) {
                throw new Failure("unit " + link.unit() + " ended the A/B while matching it (a master or a test signal"
                        + " replaced it)");
            }
            if (state.matching() != Reply.Matching.MATCHING) {
                return state;
            }
            progress.accept(state);
            if (System.nanoTime() > deadline) {
                throw new Failure(String.format(Locale.ROOT, "unit %s is still matching the sides' loudness after %s"
                        + " (%.0f %% done); it goes on, and plays side A once it is done", link.unit(),
                        UnitLink.seconds(patience), 100 * state.progress()));
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while the unit matched the sides", e);
            }
        }
    }

    /** Plays side A or B, or with {@link Command.Choice#OFF} ends the A/B. */
    public void switchTo(Command.Choice side) {
        link.ask(new Command.AuditionSwitch(side));
    }

    /** Previews a platform's normalisation; null stops previewing. */
    public void preview(Platform platform) {
        link.ask(new Command.AuditionPreview(platform));
    }

    /** Where the audition is. */
    public Reply.Audition audition() {
        return link.ask(new Command.GetAudition(), Reply.Audition.class);
    }

    /** Where the audition is, and the output meters. */
    public Status status() {
        return new Status(audition(), link.ask(new Command.GetMeters(), Reply.Meters.class), outputs);
    }

    /**
     * The sides of an A/B as the command line names them: two stored profiles' ids, or one id
     * and {@value #BYPASS}, which stands for that profile bypassed (its routing and protection,
     * no correction).
     */
    public static List<Command.Side> sides(String a, String b) {
        if (a.equals(BYPASS) && b.equals(BYPASS)) {
            throw new Failure("ab: both sides are bypass; name a profile for one of them (bypass is that profile flat)");
        }
        return List.of(side(a, b), side(b, a));
    }

    private static Command.Side side(String word, String other) {
        return built("ab", () -> word.equals(BYPASS) ? new Command.Side(other, true) : new Command.Side(word, false));
    }

    private void transport(Command.MediaTransport request) {
        link.ask(request);
    }

    /** A request built here, its values checked as the unit checks them: a bad one is a Failure naming the field. */
    static <T> T built(String what, Supplier<T> request) {
        try {
            return request.get();
        } catch (IllegalArgumentException e) {
            throw new Failure(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ownsLink) {
            link.close();
        }
    }

    /**
     * A moment of the audition.
     *
     * @param audition what plays and where
     * @param meters   the output levels
     * @param outputs  the outputs' names, in the meters' order
     */
    public record Status(Reply.Audition audition, Reply.Meters meters, List<String> outputs) {

        /** The loudest output's peak, dBFS ({@link Reply#METER_FLOOR_DBFS} for silence). */
        public double peakDbfs() {
            return meters.outputs().stream().mapToDouble(Reply.Level::peakDbfs).max().orElse(Reply.METER_FLOOR_DBFS);
        }

        /** The outputs' RMS levels summed as power, dBFS. */
        public double rmsDbfs() {
            double power = meters.outputs().stream().mapToDouble(l -> Math.pow(10, l.rmsDbfs() / 10)).sum();
            return power > 0 ? Math.max(10 * Math.log10(power), Reply.METER_FLOOR_DBFS) : Reply.METER_FLOOR_DBFS;
        }

        /** One line: master, position, transport, loop, A/B, preview, levels. */
        public String line() {
            return StatusLine.of(this);
        }
    }
}
