package org.cabintune.tuner.ui;

import java.util.function.Consumer;
import javax.swing.table.AbstractTableModel;

/**
 * A table over a view model's rows with named columns; an edit the view model refuses leaves the
 * row as it was and sends the reason to {@code errors}.
 *
 * @param <M> the view model
 */
public abstract class EditTable<M> extends AbstractTableModel {

    private final String[] columns;
    protected final Consumer<String> errors;
    protected M model;

    protected EditTable(Consumer<String> errors, String... columns) {
        this.errors = errors;
        this.columns = columns.clone();
    }

    /** Shows another view model's rows (null: none). */
    public void setModel(M value) {
        model = value;
        fireTableDataChanged();
    }

    /** How many rows the view model has. */
    protected abstract int rows(M m);

    /** Applies an edit to the view model; it throws {@link IllegalArgumentException} to refuse. */
    protected abstract void edit(Object value, int row, int column);

    @Override
    public final int getRowCount() {
        return model == null ? 0 : rows(model);
    }

    @Override
    public final int getColumnCount() {
        return columns.length;
    }

    @Override
    public final String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public final void setValueAt(Object value, int row, int column) {
        if (value == null) {
            return;
        }
        try {
            edit(value, row, column);
        } catch (IllegalArgumentException e) {
            errors.accept(e.getMessage());
        }
        fireTableRowsUpdated(row, row);
    }
}
