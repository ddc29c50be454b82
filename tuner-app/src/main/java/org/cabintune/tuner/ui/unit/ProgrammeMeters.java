package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.GridLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingConstants;
import org.cabintune.link.protocol.Reply;

/**
 * The programme's loudness as a unit's meters report it (ITU-R BS.1770: momentary, short-term,
 * integrated, LUFS; true peak, dBTP): big readouts over bars of the momentary and short-term
 * loudness. The meters panel and the audition panel show it alike; each may add readouts and
 * bar rows of its own below the loudness ones, in the same columns.
 */
final class ProgrammeMeters extends JPanel {

    /** Loudness is shown from this, LUFS. */
    static final double FLOOR_LUFS = -50;
    /** Loudness bars are one colour: no loudness is wrong in itself. */
    static final Color LOUDNESS = new Color(0x3D7BD9);

    private final Readout momentary = new Readout("Momentary", "LUFS");
    private final Readout shortTerm = new Readout("Short-term", "LUFS");
    private final Readout integrated = new Readout("Integrated", "LUFS");
    private final Readout truePeak = new Readout("True peak", "dBTP");
    private final LevelBar momentaryBar = new LevelBar(FLOOR_LUFS, 0, 10, LOUDNESS);
    private final LevelBar shortTermBar = new LevelBar(FLOOR_LUFS, 0, 10, LOUDNESS);
    private final JLabel momentaryValue = value();
    private final JLabel shortTermValue = value();
    private final JPanel bars = new JPanel(new GridBagLayout());
    private int rows;

    /** @param more readouts shown after the loudness ones, in the same row */
    ProgrammeMeters(Readout... more) {
        super(new BorderLayout(0, 12));
        setOpaque(false);
        List<Readout> all = new ArrayList<>(List.of(momentary, shortTerm, integrated, truePeak));
        all.addAll(List.of(more));
        JPanel readouts = new JPanel(new GridLayout(1, all.size(), Look.GAP, 0));
        readouts.setOpaque(false);
        all.forEach(readouts::add);
        bars.setOpaque(false);
        barRow(bars, rows++, new JLabel("Momentary"), momentaryBar, momentaryValue);
        barRow(bars, rows++, new JLabel("Short-term"), shortTermBar, shortTermValue);
        rulerRow(bars, rows++, new Ruler(shortTermBar, 10, "LUFS"));
        add(readouts, BorderLayout.NORTH);
        add(bars, BorderLayout.CENTER);
    }

    /** Adds a bar, its name and its value below the loudness bars, with {@code ruler} under it when not null. */
    void addBar(String name, LevelBar bar, JLabel value, Ruler ruler) {
        barRow(bars, rows++, new JLabel(name), bar, value);
        if (ruler != null) {
            rulerRow(bars, rows++, ruler);
        }
    }

    /** Shows the programme's loudness; null ("-" everywhere) when there is none. */
    void show(Reply.Programme p) {
        momentary.set(p == null ? Double.NaN : p.momentaryLufs());
        shortTerm.set(p == null ? Double.NaN : p.shortTermLufs());
        integrated.set(p == null ? Double.NaN : p.integratedLufs());
        truePeak.set(p == null ? Double.NaN : p.truePeakDbtp());
        momentaryBar.set(p == null ? Double.NaN : p.momentaryLufs(), Double.NaN);
        shortTermBar.set(p == null ? Double.NaN : p.shortTermLufs(), Double.NaN);
        momentaryValue.setText(p == null ? "-" : db(p.momentaryLufs()) + " LUFS");
        shortTermValue.setText(p == null ? "-" : db(p.shortTermLufs()) + " LUFS");
    }

    /** The label a bar's value is written in: monospaced, right-aligned, of one width in every row. */
    static JLabel value() {
        JLabel value = new JLabel("-", SwingConstants.TRAILING);
        value.setFont(new Font(Font.MONOSPACED, Font.PLAIN, value.getFont().getSize()));
        value.setPreferredSize(new Dimension(140, value.getPreferredSize().height));
        return value;
    }

    /** A row of the three columns bars share: name, bar, value. */
    static void barRow(JPanel panel, int row, JLabel name, LevelBar bar, JLabel value) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 0;
        c.anchor = GridBagConstraints.LINE_START;
        c.insets = new Insets(4, 0, 4, 12);
        name.setPreferredSize(new Dimension(170, name.getPreferredSize().height));
        panel.add(name, c);
        c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.weightx = 1;
        c.insets = new Insets(4, 0, 4, 12);
        panel.add(bar, c);
        c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 2;
        c.anchor = GridBagConstraints.LINE_END;
        panel.add(value, c);
    }

    /** A ruler under the bar column. */
    static void rulerRow(JPanel panel, int row, Ruler ruler) {
        GridBagConstraints c = new GridBagConstraints();
        c.gridy = row;
        c.gridx = 1;
        c.fill = GridBagConstraints.HORIZONTAL;
        c.insets = new Insets(0, 0, 6, 12);
        panel.add(ruler, c);
    }

    /** A level as the meters print it: one decimal, "-inf" for silence. */
    static String db(double value) {
        return value <= Reply.METER_FLOOR_DBFS || Double.isNaN(value) ? " -inf"
                : String.format(Locale.ROOT, "%5.1f", value);
    }

    /** A big number with its name above and its unit beside. */
    static final class Readout extends JPanel {

        private final JLabel value = new JLabel("-");

        Readout(String name, String unit) {
            super(new BorderLayout(0, 2));
            setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(Look.line()),
                    BorderFactory.createEmptyBorder(8, 12, 8, 12)));
            JLabel n = Look.hint(name);
            value.setFont(value.getFont().deriveFont(Font.BOLD, value.getFont().getSize2D() * 2.0f));
            JLabel u = Look.hint(unit);
            JPanel line = new JPanel(new BorderLayout(6, 0));
            line.setOpaque(false);
            line.add(value, BorderLayout.CENTER);
            line.add(u, BorderLayout.EAST);
            u.setVerticalAlignment(SwingConstants.BOTTOM);
            add(n, BorderLayout.NORTH);
            add(line, BorderLayout.CENTER);
        }

        /** Shows {@code v} with one decimal; "-" for NaN (no value), "-inf" for silence. */
        void set(double v) {
            value.setText(Double.isNaN(v) ? "-" : v <= Reply.METER_FLOOR_DBFS ? "-inf"
                    : String.format(Locale.ROOT, "%.1f", v));
        }

        String text() {
            return value.getText();
        }
    }
}
