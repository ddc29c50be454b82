package org.cabintune.tuner.rta;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A spectrum as a terminal bar chart: one column per band (wider when there is room), rows of
 * {@code dbPerRow} from {@code topDb} down, the dB scale on the left, band names under it. A
 * cell is full when the level reaches its top, half when it reaches its middle; the peak, when
 * shown, is a dash in its cell above the bar.
 */
public final class BarChart {

    static final char FULL = '\u2588';
    static final char HALF = '\u2584';
    static final char PEAK = '-';
    /** Width of the dB scale: "-100 |". */
    private static final int AXIS = 6;

    private final int rows;
    private final double dbPerRow;
    private final int width;

    /**
     * @param rows     rows of bars
     * @param dbPerRow dB per row
     * @param width    the terminal's columns
     */
    public BarChart(int rows, double dbPerRow, int width) {
        if (rows < 4 || rows > 200) {
            throw new IllegalArgumentException("rows = " + rows + " is outside 4 .. 200");
        }
        if (!(dbPerRow > 0 && dbPerRow <= 20)) {
            throw new IllegalArgumentException("dB per row = " + dbPerRow + " is outside (0, 20]");
        }
        this.rows = rows;
        this.dbPerRow = dbPerRow;
        this.width = width;
    }

    /** The range shown, dB. */
    public double rangeDb() {
        return rows * dbPerRow;
    }

    /** The chart's lines, the scale's top at {@code topDb}. */
    public List<String> render(Spectrum s, double topDb, boolean peaks) {
        Bands bands = s.bands();
        int column = Math.max(1, Math.min(4, (width - AXIS) / bands.size()));
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            double cellTop = topDb - r * dbPerRow;
            double cellBottom = cellTop - dbPerRow;
            StringBuilder b = new StringBuilder();
            b.append(r % 2 == 0 ? String.format(Locale.ROOT, "%4.0f |", cellTop) : "     |");
            for (int i = 0; i < bands.size(); i++) {
                double level = s.db()[i];
                char c = level >= cellTop ? FULL : level >= cellBottom + dbPerRow / 2 ? HALF : ' ';
                if (c == ' ' && peaks && s.peakDb()[i] >= cellBottom && s.peakDb()[i] < cellTop && !(level >= cellBottom)) {
                    c = PEAK;
                }
                b.append(String.valueOf(c).repeat(column - (column > 2 ? 1 : 0)));
                if (column > 2) {
                    b.append(' ');
                }
            }
            lines.add(b.toString().stripTrailing());
        }
        lines.add("     +" + "-".repeat(bands.size() * column));
        StringBuilder names = new StringBuilder(" ".repeat(AXIS));
        for (int i = 0; i < bands.size(); i++) {
            int at = AXIS + i * column;
            // Octave middles are named; with even fractions, the first band beside each.
            double octaves = Math.log(bands.centres()[i] / 1000) / Math.log(Bands.G);
            boolean octave = Math.abs(octaves - Math.round(octaves)) <= 0.5 / bands.fraction() + 1e-9;
            String name = bands.label(i);
            if ((octave || column * 2 > name.length()) && names.length() <= at) {
                names.append(" ".repeat(at - names.length())).append(name).append(' ');
            }
        }
        lines.add(names.toString().stripTrailing());
        return lines;
    }
}
