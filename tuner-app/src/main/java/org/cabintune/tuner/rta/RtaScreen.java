package org.cabintune.tuner.rta;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Shows each reading on the terminal: a title, the bar chart, and a line with the loudest and
 * quietest bands and how much was averaged. On a terminal each frame is drawn over the last
 * (ANSI: cursor home, each line cleared to its end, the rest of the screen cleared); elsewhere
 * frames follow one another. The scale's top follows the loudest band in 10 dB steps, going
 * down only when it has fallen 15 dB below, so the chart does not jump.
 */
public final class RtaScreen implements Consumer<Spectrum> {

    private static final String HOME = "\u001b[H";
    private static final String CLEAR_LINE = "\u001b[K";
    private static final String CLEAR_BELOW = "\u001b[J";
    private static final String CLEAR_SCREEN = "\u001b[2J";

    private final PrintWriter out;
    private final BarChart chart;
    private final boolean ansi;
    private final boolean peaks;
    private final String title;
    private double top = Double.NaN;
    private boolean first = true;

    public RtaScreen(PrintWriter out, BarChart chart, boolean ansi, boolean peaks, String title) {
        this.out = out;
        this.chart = chart;
        this.ansi = ansi;
        this.peaks = peaks;
        this.title = title;
    }

    @Override
    public void accept(Spectrum s) {
        List<String> lines = frame(s);
        StringBuilder b = new StringBuilder();
        if (ansi) {
            b.append(first ? CLEAR_SCREEN : "").append(HOME);
        }
        for (String line : lines) {
            b.append(line).append(ansi ? CLEAR_LINE : "").append(System.lineSeparator());
        }
        if (ansi) {
            b.append(CLEAR_BELOW);
        } else {
            b.append(System.lineSeparator());
        }
        first = false;
        out.print(b);
        out.flush();
    }

    /** One frame's lines. */
    List<String> frame(Spectrum s) {
        int loudest = -1;
        int quietest = -1;
        for (int i = 0; i < s.db().length; i++) {
            if (!Double.isNaN(s.db()[i])) {
                loudest = loudest < 0 || s.db()[i] > s.db()[loudest] ? i : loudest;
                quietest = quietest < 0 || s.db()[i] < s.db()[quietest] ? i : quietest;
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(title);
        if (loudest < 0) {
            lines.add("waiting for the first frame of the analysis ...");
            return lines;
        }
        double max = peaks ? Math.max(s.db()[loudest], max(s.peakDb())) : s.db()[loudest];
        if (Double.isNaN(top) || max > top || max < top - 15) {
            top = Math.ceil(max / 10) * 10;
        }
        lines.addAll(chart.render(s, top, peaks));
        lines.add(String.format(Locale.ROOT, "%s; loudest %s Hz %.1f, quietest %s Hz %.1f; %s averaging, %.1f s (%d frames)",
                s.unit(), s.bands().label(loudest), s.db()[loudest], s.bands().label(quietest), s.db()[quietest],
                s.averaging().label(), s.seconds(), s.frames()));
        return lines;
    }

    private static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
