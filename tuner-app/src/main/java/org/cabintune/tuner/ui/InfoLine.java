package org.cabintune.tuner.ui;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.UIManager;

/** A panel's line of facts under its work, which also says, in red, why an edit was refused. */
public final class InfoLine extends JLabel {

    private boolean refused;

    public InfoLine() {
        super(" ");
        setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
    }

    /** Shows facts. */
    public void say(String text) {
        refused = false;
        colour();
        setText(text.isEmpty() ? " " : text);
    }

    /** Shows why an edit was refused; what was edited stays as it was. */
    public void refuse(String reason) {
        refused = true;
        colour();
        setText("Refused: " + reason);
    }

    private void colour() {
        setForeground(UIManager.getColor(refused ? "Actions.Red" : "Label.foreground"));
    }

    /** Keeps the colour right when the theme changes. */
    @Override
    public void updateUI() {
        super.updateUI();
        colour();
    }
}
