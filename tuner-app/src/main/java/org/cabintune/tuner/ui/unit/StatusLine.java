package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Dimension;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JPanel;
import javax.swing.JProgressBar;

/**
 * A panel's status line: what runs (with a moving bar, and Stop when it can be stopped), or how
 * the last action ended: its error in red, its notice in green. Never a stack trace.
 */
final class StatusLine extends JPanel {

    private final WrappingLabel text = new WrappingLabel();
    private final JProgressBar bar = new JProgressBar();
    private final JButton stop = new JButton("Stop");

    /** @param cancel what Stop does */
    StatusLine(Runnable cancel) {
        super(new BorderLayout(8, 0));
        setOpaque(false);
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0, Look.line()),
                BorderFactory.createEmptyBorder(8, 0, 0, 0)));
        bar.setIndeterminate(false);
        bar.setPreferredSize(new Dimension(90, 6));
        JPanel west = new JPanel(new BorderLayout());
        west.setOpaque(false);
        west.add(bar, BorderLayout.CENTER);
        add(west, BorderLayout.WEST);
        add(text, BorderLayout.CENTER);
        add(stop, BorderLayout.EAST);
        stop.addActionListener(e -> cancel.run());
        show(Status.IDLE);
    }

    /** Shows {@code status}. */
    void show(Status status) {
        boolean busy = status.isBusy();
        bar.setVisible(busy);
        // A moving bar only while something runs: an idle indeterminate bar would keep repainting.
        bar.setIndeterminate(busy && isDisplayable());
        stop.setVisible(busy && status.cancellable());
        if (busy) {
            text.setForeground(Look.MUTED_TEXT);
            text.setPlain(status.busy());
        } else if (status.error() != null) {
            text.setForeground(Look.ERROR_TEXT);
            text.setPlain(status.error());
        } else if (status.notice() != null) {
            text.setForeground(Look.NOTICE_TEXT);
            text.setPlain(status.notice());
        } else {
            text.setForeground(Look.MUTED_TEXT);
            text.setPlain("Ready.");
        }
    }

    /** The text shown, for tests. */
    String text() {
        return text.getText().replaceAll("<[^>]+>", "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
