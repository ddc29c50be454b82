package org.cabintune.tuner.ui;

import java.awt.BorderLayout;
import java.awt.Dimension;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.UIManager;

/** The window's bottom line: the last message, and while work runs its progress and a Cancel button. */
final class StatusBar extends JPanel {

    private final JLabel message = new JLabel(" ");
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JButton cancel = new JButton("Cancel");
    private final JPanel working = new JPanel(new BorderLayout(6, 0));
    private boolean error;

    StatusBar() {
        super(new BorderLayout(8, 0));
        progress.setStringPainted(true);
        progress.setPreferredSize(new Dimension(320, progress.getPreferredSize().height));
        working.add(progress, BorderLayout.CENTER);
        working.add(cancel, BorderLayout.EAST);
        working.setOpaque(false);
        working.setVisible(false);
        add(message, BorderLayout.CENTER);
        add(working, BorderLayout.EAST);
    }

    void message(String text, boolean error) {
        message.setText(text.isEmpty() ? " " : text);
        this.error = error;
        colour();
    }

    /** A line above in the theme's border colour, and the message's colour, again when the theme changes. */
    @Override
    public void updateUI() {
        super.updateUI();
        setBorder(BorderFactory.createCompoundBorder(BorderFactory.createMatteBorder(1, 0, 0, 0,
                UIManager.getColor("Component.borderColor")), BorderFactory.createEmptyBorder(3, 8, 3, 8)));
        colour();
    }

    private void colour() {
        if (message != null) {
            message.setForeground(UIManager.getColor(error ? "Actions.Red" : "Label.foreground"));
        }
    }

    /** Shows work in progress: {@code fraction} 0 .. 1, or NaN for unknown. */
    void working(String what, double fraction) {
        working.setVisible(true);
        progress.setIndeterminate(Double.isNaN(fraction));
        progress.setValue(Double.isNaN(fraction) ? 0 : (int) Math.round(fraction * 1000));
        progress.setString(what);
    }

    void idle() {
        working.setVisible(false);
    }

    JButton cancelButton() {
        return cancel;
    }
}
