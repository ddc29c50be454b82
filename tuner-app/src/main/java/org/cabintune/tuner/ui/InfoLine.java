package org.cabintune.tuner.ui;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.UIManager;

/** A panel's line of facts under its work, which also says, in red, why an edit was refused. */
public final class InfoLine extends JLabel {

    public InfoLine() {
        super(" ");
        setBorder(BorderFactory.createEmptyBorder(4, 10, 4, 10));
    }

    /** Shows facts. */
    public void say(String text) {
        setForeground(UIManager.getColor("Label.foreground"));
        setText(text.isEmpty() ? " " : text);
    }

    /** Shows why an edit was refused; what was edited stays as it was. */
    public void refuse(String reason) {
        setForeground(UIManager.getColor("Actions.Red"));
        setText("Refused: " + reason);
    }
}
