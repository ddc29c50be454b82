package org.cabintune.tuner.audition;

import java.util.Locale;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;

/**
 * The audition's state in one line, for a terminal:
 * {@code master.wav  1:02.5 / 3:32.0  playing  loop 1:00.0-1:30.0  A/B [A] driver-seat -6.0 dB | B night,
 * matched  preview spotify -5.8 dB  peak -3.1 rms -15.2 dBFS}.
 */
public final class StatusLine {

    private StatusLine() {
    }

    /** The line for {@code s}. */
    public static String of(AuditionSession.Status s) {
        Reply.Audition a = s.audition();
        StringBuilder line = new StringBuilder();
        if (a.file() == null) {
            line.append("stopped (the unit plays its programme)");
        } else {
            line.append(a.file()).append("  ").append(time(a.positionSeconds())).append(" / ")
                    .append(time(a.lengthSeconds())).append("  ").append(a.playback().word());
            if (a.loop() != null) {
                line.append("  loop ").append(time(a.loop().startSeconds())).append('-').append(time(a.loop().endSeconds()));
            }
            if (a.ab() != null) {
                Reply.AbState ab = a.ab();
                line.append("  A/B ").append(side("A", ab.a(), ab.aTrimDb(), ab.active() == Command.Choice.A))
                        .append(" | ").append(side("B", ab.b(), ab.bTrimDb(), ab.active() == Command.Choice.B))
                        .append(", ").append(ab.matching().word());
                if (ab.matching() == Reply.Matching.MATCHING) {
                    line.append(String.format(Locale.ROOT, " %.0f %%", 100 * ab.progress()));
                }
            }
            if (a.preview() != null) {
                line.append(String.format(Locale.ROOT, "  preview %s %+.1f dB%s", a.preview().platform().id(),
                        a.preview().gainDb(), a.preview().limiter() ? " (its limiter would engage)" : ""));
            }
        }
        line.append("  peak ").append(db(s.peakDbfs())).append(" rms ").append(db(s.rmsDbfs())).append(" dBFS");
        return line.toString();
    }

    private static String side(String letter, Command.Side side, double trimDb, boolean active) {
        return (active ? "[" + letter + "]" : letter) + " " + side.profileId() + (side.bypassed() ? " (bypass)" : "")
                + (trimDb < 0 ? String.format(Locale.ROOT, " %.1f dB", trimDb) : "");
    }

    /**
     * A matched A/B's loudness through each side's chain and its trims:
     * {@code A -26.04 LUFS, B -20.70 LUFS through their chains; A trimmed 0.00 dB, B -5.34 dB}.
     */
    public static String match(Reply.AbState ab) {
        return String.format(Locale.ROOT, "A %s LUFS, B %s LUFS through their chains; A trimmed %.2f dB, B %.2f dB",
                lufs(ab.aLufs()), lufs(ab.bLufs()), ab.aTrimDb(), ab.bTrimDb());
    }

    /** m:ss.s */
    public static String time(double seconds) {
        long tenths = Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    private static String lufs(Double value) {
        return value == null ? "-inf" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String db(double dbfs) {
        return dbfs <= Reply.METER_FLOOR_DBFS ? "-inf" : String.format(Locale.ROOT, "%.1f", dbfs);
    }
}
