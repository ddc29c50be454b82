package org.cabintune.tuner.ui.unit;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.border.Border;

/** What the head-unit panels share of their look: titles, colours, form rows, tables. */
final class Look {

    /** Space between a panel's edge and its content, and between its sections. */
    static final int GAP = 12;
    static final Color GOOD = new Color(0x2E8B57);
    static final Color WARN = new Color(0xD4A017);
    static final Color BAD = new Color(0xD64541);
    static final Color ERROR_TEXT = new Color(0xB3261E);
    static final Color NOTICE_TEXT = new Color(0x1B6E3A);
    static final Color BANNER = new Color(0xFFF4CE);
    static final Color BANNER_EDGE = new Color(0xE8C547);
    static final Color TRACK = new Color(0xE6E8EB);
    static final Color MUTED_TEXT = new Color(0x6B7280);

    private Look() {
    }

    /** A panel's title: larger and bold. */
    static JLabel title(String text) {
        JLabel l = new JLabel(text);
        l.setFont(font(l).deriveFont(Font.BOLD, font(l).getSize2D() * 1.45f));
        return l;
    }

    /** A section's heading: bold. */
    static JLabel heading(String text) {
        JLabel l = new JLabel(text);
        l.setFont(font(l).deriveFont(Font.BOLD, font(l).getSize2D() * 1.1f));
        return l;
    }

    /** Secondary text: grey. */
    static JLabel hint(String text) {
        JLabel l = new JLabel(text);
        l.setForeground(MUTED_TEXT);
        return l;
    }

    /** A section with a heading above its content. */
    static JPanel section(String heading, JComponent content) {
        JPanel p = new JPanel(new java.awt.BorderLayout(0, 6));
        p.setOpaque(false);
        p.add(heading(heading), java.awt.BorderLayout.NORTH);
        p.add(content, java.awt.BorderLayout.CENTER);
        return p;
    }

    /** A section's content in a thin frame. */
    static JPanel framed(JComponent content) {
        JPanel p = new JPanel(new java.awt.BorderLayout());
        p.setOpaque(false);
        p.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(line()),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        p.add(content, java.awt.BorderLayout.CENTER);
        return p;
    }

    /** Components in a row, left to right, a little apart. */
    static JPanel row(Component... components) {
        JPanel p = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEADING, 0, 0));
        p.setOpaque(false);
        for (Component c : components) {
            if (p.getComponentCount() > 0) {
                p.add(javax.swing.Box.createHorizontalStrut(8));
            }
            p.add(c);
        }
        return p;
    }

    /** The panel's outer margin. */
    static Border margin() {
        return BorderFactory.createEmptyBorder(GAP, GAP + 4, GAP, GAP + 4);
    }

    /** A button that is the main action of its row. */
    static JButton primary(String text) {
        JButton b = new JButton(text);
        b.putClientProperty("JButton.buttonType", "default");
        b.setFont(b.getFont().deriveFont(Font.BOLD));
        return b;
    }

    /** A table showing whole rows, one selected at a time, in a scroll pane. */
    static JScrollPane table(JTable table) {
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setRowHeight(Math.max(table.getRowHeight(), font(table).getSize() + 10));
        table.setShowHorizontalLines(true);
        table.setShowVerticalLines(false);
        table.getTableHeader().setReorderingAllowed(false);
        JScrollPane scroll = new JScrollPane(table);
        // Set here rather than when the table is first shown, so the header is there from the start.
        scroll.setColumnHeaderView(table.getTableHeader());
        scroll.setBorder(BorderFactory.createLineBorder(line()));
        return scroll;
    }

    /** The colour of thin separating lines. */
    static Color line() {
        Color c = UIManager.getColor("Component.borderColor");
        return c != null ? c : new Color(0xC9CDD3);
    }

    /** Form rows: a label column and a field column that takes the width. */
    static final class Form extends JPanel {

        private int row;

        Form() {
            super(new GridBagLayout());
            setOpaque(false);
        }

        /** A row: a label, then the components, the first of which stretches. */
        Form row(String label, Component... fields) {
            GridBagConstraints c = new GridBagConstraints();
            c.gridy = row++;
            c.gridx = 0;
            c.anchor = GridBagConstraints.LINE_START;
            c.insets = new Insets(3, 0, 3, 10);
            add(new JLabel(label), c);
            for (int i = 0; i < fields.length; i++) {
                c = new GridBagConstraints();
                c.gridy = row - 1;
                c.gridx = i + 1;
                c.insets = new Insets(3, 0, 3, i == fields.length - 1 ? 0 : 6);
                c.fill = i == 0 ? GridBagConstraints.HORIZONTAL : GridBagConstraints.NONE;
                c.weightx = i == 0 ? 1 : 0;
                c.gridwidth = i == fields.length - 1 && fields.length < 3 ? GridBagConstraints.REMAINDER : 1;
                add(fields[i], c);
            }
            return this;
        }
    }

    private static Font font(Component c) {
        Font f = c.getFont();
        return f != null ? f : UIManager.getFont("Label.font");
    }
}
