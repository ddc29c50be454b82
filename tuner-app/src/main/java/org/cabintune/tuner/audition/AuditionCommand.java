package org.cabintune.tuner.audition;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.link.protocol.Command.Choice;
import org.cabintune.link.protocol.Command.Region;
import org.cabintune.link.protocol.Command.Side;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.unit.Failure;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.UnitOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune audition ...}: auditions masters on a head unit, a thin shell over
 * {@link AuditionSession}. Each subcommand connects, asks one thing, prints the audition's
 * status line and ends; the master goes on playing on the unit.
 */
@Command(name = "audition", mixinStandardHelpOptions = true,
        description = {"Audition masters in the car: the head unit plays a WAV or FLAC from its media directory",
                "(cabintune-hu run --media DIR); A/B it between profiles, loudness-matched; preview a platform."},
        subcommands = {AuditionCommand.ListMedia.class, AuditionCommand.Play.class, AuditionCommand.Pause.class,
                AuditionCommand.Resume.class, AuditionCommand.Seek.class, AuditionCommand.Loop.class,
                AuditionCommand.Ab.class, AuditionCommand.Switch.class, AuditionCommand.Preview.class,
                AuditionCommand.Stop.class, AuditionCommand.Status.class},
        footer = {"", "Every subcommand takes the link's options (--mqtt URL with a login, or --serial PORT) and --unit.",
                "", "Examples:",
                "  cabintune audition list --mqtt tcp://car.local:1883 --credentials car.properties --unit car-7",
                "  cabintune audition play \"album/03 master.flac\" --loop 60 90 ...",
                "  cabintune audition ab driver-seat bypass ...      (loudness-matched; --no-match-loudness to compare as is)",
                "  cabintune audition switch b ...",
                "  cabintune audition preview spotify ...",
                "  cabintune audition status --watch ...", ""})
public final class AuditionCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** What every subcommand shares: the way to the unit, and a session for the length of the command. */
    abstract static class OnUnit implements Callable<Integer> {

        @Mixin
        LinkOptions link;

        @Mixin
        UnitOption unit;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AuditionSession session = AuditionSession.open(link, unit.id())) {
                run(session, out);
            }
            out.flush();
            return 0;
        }

        /** Does the subcommand's work; then, by default, prints the status line. */
        abstract void act(AuditionSession session, PrintWriter out);

        void run(AuditionSession session, PrintWriter out) {
            act(session, out);
            out.println(session.status().line());
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the masters in the unit's media directory.")
    static final class ListMedia extends OnUnit {
        @Override
        void run(AuditionSession session, PrintWriter out) {
            act(session, out);
        }

        @Override
        void act(AuditionSession session, PrintWriter out) {
            Reply.Media media = session.media();
            for (Reply.MediaFile f : media.files()) {
                out.printf(Locale.ROOT, "%-48s %9s  %6d Hz  %d ch%n", f.name(), StatusLine.time(f.seconds()),
                        f.sampleRate(), f.channels());
            }
            out.printf(Locale.ROOT, "%d master(s)%s%n", media.total(), media.total() > media.files().size()
                    ? ", the first " + media.files().size() + " listed" : "");
        }
    }

    @Command(name = "play", mixinStandardHelpOptions = true, description = "Play a master in place of the unit's programme.")
    static final class Play extends OnUnit {
        @Parameters(paramLabel = "FILE", description = "The master's name as list shows it.")
        String file;

        @Option(names = "--start", paramLabel = "S", defaultValue = "0", description = "Start at S seconds (default: 0).")
        double start;

        @Option(names = "--loop", arity = "2", paramLabel = "S", description = "Loop from the first S to the second, seconds.")
        List<Double> loop;

        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.play(file, start, loop == null ? null
                    : AuditionSession.built("--loop", () -> new Region(loop.get(0), loop.get(1))));
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause (fades out, holds the position).")
    static final class Pause extends OnUnit {
        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.pause();
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume (from the start once the master ended).")
    static final class Resume extends OnUnit {
        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.resume();
        }
    }

    @Command(name = "seek", mixinStandardHelpOptions = true, description = "Move to S seconds into the master.")
    static final class Seek extends OnUnit {
        @Parameters(paramLabel = "S", description = "Seconds into the master.")
        double seconds;

        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.seek(seconds);
        }
    }

    @Command(name = "loop", mixinStandardHelpOptions = true, description = "Loop a region (START END, seconds), or: loop off.")
    static final class Loop extends OnUnit {
        @Parameters(arity = "1..2", paramLabel = "S", description = "START END in seconds, or off.")
        List<String> bounds;

        @Override
        void act(AuditionSession session, PrintWriter out) {
            if (bounds.size() == 1 && bounds.getFirst().equals("off")) {
                session.loopOff();
            } else if (bounds.size() == 2) {
                session.loop(seconds(bounds.get(0)), seconds(bounds.get(1)));
            } else {
                throw new Failure("loop: give START END in seconds, or off");
            }
        }
    }

    @Command(name = "ab", mixinStandardHelpOptions = true,
            description = {"A/B the master between two stored profiles, or a profile and bypass (that profile flat).",
                    "Loudness-matched unless --no-match-loudness: the louder side is turned down to the other's",
                    "integrated loudness as the unit's chain plays this master. Plays side A."})
    static final class Ab extends OnUnit {
        @Parameters(index = "0", paramLabel = "A", description = "Side A: a profile id, or bypass.")
        String a;

        @Parameters(index = "1", paramLabel = "B", description = "Side B: a profile id, or bypass.")
        String b;

        @Option(names = "--no-match-loudness",
                description = "Compare the sides as they are; by default their loudness is matched.")
        boolean asTheyAre;

        @Option(names = "--wait", paramLabel = "S", defaultValue = "300",
                description = "How long to wait for the match (default: ${DEFAULT-VALUE} s).")
        double waitSeconds;

        @Override
        void act(AuditionSession session, PrintWriter out) {
            List<Side> sides = AuditionSession.sides(a, b);
            Reply.AbState ab = session.ab(sides.get(0), sides.get(1), !asTheyAre,
                    Duration.ofMillis(Math.round(waitSeconds * 1000)), state -> { });
            if (ab.matching() == Reply.Matching.FAILED) {
                out.println("not matched: " + ab.note());
            } else if (ab.matching() == Reply.Matching.OFF) {
                out.println("not matched (asked not to be): the sides play as they are");
            } else {
                out.println("matched: " + StatusLine.match(ab));
            }
        }
    }

    @Command(name = "switch", mixinStandardHelpOptions = true, description = "Play side a or b of the A/B (cross-faded), or off.")
    static final class Switch extends OnUnit {
        @Parameters(paramLabel = "SIDE", description = "a, b or off.")
        String side;

        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.switchTo(Choice.of(side.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new Failure("switch: \"" + side + "\" is not a, b or off")));
        }
    }

    @Command(name = "preview", mixinStandardHelpOptions = true,
            description = "Play the master as a platform normalises it (its gain in front of the chain), or off.")
    static final class Preview extends OnUnit {
        @Parameters(paramLabel = "PLATFORM", description = "One of the platforms of cabintune loudness --preview, or off.")
        String platform;

        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.preview(platform.equalsIgnoreCase("off") ? null : Platform.byId(platform).orElseThrow(
                    () -> new Failure("preview: \"" + platform + "\" is not a platform; choose from " + Platform.ids()
                            + ", or off")));
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stop: the unit's programme plays again; the A/B and the preview end.")
    static final class Stop extends OnUnit {
        @Override
        void act(AuditionSession session, PrintWriter out) {
            session.stop();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The status line: master, position, transport, loop, A/B, preview, output levels.")
    static final class Status extends OnUnit {
        @Option(names = "--watch", description = "Keep showing it (a line rewritten in place on a terminal).")
        boolean watch;

        @Option(names = "--interval", paramLabel = "MS", defaultValue = "250",
                description = "Milliseconds between lines with --watch (default: ${DEFAULT-VALUE}).")
        long intervalMs;

        @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "With --watch, stop after N lines.")
        long count;

        @Override
        void run(AuditionSession session, PrintWriter out) {
            act(session, out);
        }

        @Override
        void act(AuditionSession session, PrintWriter out) {
            if (!watch) {
                out.println(session.status().line());
                return;
            }
            if (intervalMs < 50 || intervalMs > 5000) {
                throw new Failure("--interval " + intervalMs + " is outside 50..5000 ms");
            }
            boolean refresh = System.console() != null && System.console().isTerminal();
            for (long shown = 0; count == 0 || shown < count; shown++) {
                String line = session.status().line();
                out.print(refresh ? "\r" + line + "\033[K" : line + System.lineSeparator());
                out.flush();
                try {
                    Thread.sleep(intervalMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (refresh) {
                out.println();
            }
        }
    }

    private static double seconds(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Failure("loop: \"" + text + "\" is not a number of seconds", e);
        }
    }
}
