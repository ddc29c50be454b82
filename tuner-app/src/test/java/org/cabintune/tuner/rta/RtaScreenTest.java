package org.cabintune.tuner.rta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal chart: bar heights from levels, the scale, the names, the redraw. */
class RtaScreenTest {

    private static Spectrum octaves(double[] db, double[] peak) {
        return new Spectrum(Bands.of(1, 25, 20_000), db, peak, 12, 3.5, Averaging.LINEAR, "dBFS");
    }

    @Test
    void barsReachTheirLevelsInFullAndHalfCells() {
        double[] db = {-10, -12, -13.4, -20, -29, -60, -40, -11, -10.5, -30};
        double[] peak = db.clone();
        peak[6] = -25;
        BarChart chart = new BarChart(10, 3, 26);
        List<String> lines = chart.render(octaves(db, peak), -10, true);
        assertEquals(List.of(
                // Columns of two: 31.5 63 125 250 500 1k 2k 4k 8k 16k; full cells reach the level, half cells its middle
                " -10 |\u2588\u2588            \u2584\u2584\u2584\u2584",
                "     |\u2588\u2588\u2588\u2588\u2584\u2584        \u2588\u2588\u2588\u2588",
                " -16 |\u2588\u2588\u2588\u2588\u2588\u2588        \u2588\u2588\u2588\u2588",
                "     |\u2588\u2588\u2588\u2588\u2588\u2588\u2584\u2584      \u2588\u2588\u2588\u2588",
                " -22 |\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588    --\u2588\u2588\u2588\u2588",
                "     |\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588      \u2588\u2588\u2588\u2588",
                " -28 |\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2584\u2584    \u2588\u2588\u2588\u2588",
                "     |\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588    \u2588\u2588\u2588\u2588\u2588\u2588",
                " -34 |\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588    \u2588\u2588\u2588\u2588\u2588\u2588",
                "     |\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588    \u2588\u2588\u2588\u2588\u2588\u2588",
                "     +--------------------",
                "      31.5  250 1k  4k  16k"), lines);
    }

    @Test
    void theScreenRedrawsInPlaceOnATerminalAndFollowsTheLoudestBand() {
        double[] db = new double[10];
        Arrays.fill(db, -42);
        db[3] = -31;
        StringWriter text = new StringWriter();
        RtaScreen screen = new RtaScreen(new PrintWriter(text), new BarChart(8, 3, 100), true, false, "title");
        screen.accept(octaves(db, db));
        String first = text.toString();
        assertTrue(first.startsWith("\u001b[2J\u001b[H" + "title\u001b[K" + System.lineSeparator() + " -30 |"), first);
        assertTrue(first.endsWith("dBFS; loudest 250 Hz -31.0, quietest 31.5 Hz -42.0; linear averaging, 3.5 s (12 frames)"
                + "\u001b[K" + System.lineSeparator() + "\u001b[J"), first);
        Arrays.fill(db, -50);
        db[3] = -52;
        screen.accept(octaves(db, db));
        String second = text.toString().substring(first.length());
        assertTrue(second.startsWith("\u001b[H" + "title\u001b[K" + System.lineSeparator() + " -50 |"),
                "15 dB down, the scale follows: " + second);
    }
}
