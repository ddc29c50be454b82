package org.cabintune.tuner.ui.unit;

import java.awt.Dimension;
import java.awt.Insets;
import javax.swing.JLabel;
import javax.swing.plaf.basic.BasicHTML;
import javax.swing.text.View;

/**
 * A label whose text wraps at the width it is given and asks for the height that takes: for
 * instructions and messages of any length. Its text is plain; it is shown as HTML, escaped.
 */
final class WrappingLabel extends JLabel {

    WrappingLabel() {
        setVerticalAlignment(TOP);
    }

    /** Shows {@code text}, lines broken at {@code \n} and wherever the width runs out. */
    void setPlain(String text) {
        setText("<html>" + StatusLine.escape(text == null ? "" : text).replace("\n", "<br>") + "</html>");
    }

    @Override
    public Dimension getPreferredSize() {
        View view = (View) getClientProperty(BasicHTML.propertyKey);
        int width = getWidth() > 0 ? getWidth() : getParent() != null ? getParent().getWidth() : 0;
        if (view == null || width <= 0 || isPreferredSizeSet()) {
            return super.getPreferredSize();
        }
        Insets in = getInsets();
        view.setSize(Math.max(1, width - in.left - in.right), 0);
        return new Dimension(width, (int) Math.ceil(view.getPreferredSpan(View.Y_AXIS)) + in.top + in.bottom);
    }

    @Override
    public void setBounds(int x, int y, int width, int height) {
        boolean wider = width != getWidth();
        super.setBounds(x, y, width, height);
        if (wider) {
            // The height it needs follows from the width it got.
            revalidate();
        }
    }
}
