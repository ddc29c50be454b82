package org.cabintune.tuner.ui;

import java.util.Locale;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;

/** Table numbers with a fixed number of decimals and no grouping, right-aligned: {@code 4042.5}, {@code -2.86}. */
public final class NumberRenderer extends DefaultTableCellRenderer {

    private final String format;

    public NumberRenderer(int decimals) {
        this.format = "%." + decimals + "f";
        setHorizontalAlignment(SwingConstants.RIGHT);
    }

    @Override
    protected void setValue(Object value) {
        setText(value instanceof Number n ? String.format(Locale.ROOT, format, n.doubleValue()) : value == null ? "-" : value.toString());
    }
}
