package org.cabintune.tuner.ui.unit;

import java.util.List;
import javax.swing.table.AbstractTableModel;

/**
 * A table of records, a row each: the column names and how a record shows in each column.
 * Setting equal rows again changes nothing, so a selection survives a state that did not change.
 *
 * @param <T> a row's record
 */
final class RowTable<T> extends AbstractTableModel {

    /** What a record shows in a column. */
    @FunctionalInterface
    interface Cells<T> {
        Object at(T row, int column);
    }

    private final String[] columns;
    private final Cells<T> cells;
    private List<T> rows = List.of();

    RowTable(Cells<T> cells, String... columns) {
        this.columns = columns.clone();
        this.cells = cells;
    }

    /** Shows {@code all}. */
    void set(List<T> all) {
        if (!all.equals(rows)) {
            rows = List.copyOf(all);
            fireTableDataChanged();
        }
    }

    /** The record of row {@code row}. */
    T row(int row) {
        return rows.get(row);
    }

    /** The records shown. */
    List<T> rows() {
        return rows;
    }

    @Override
    public int getRowCount() {
        return rows.size();
    }

    @Override
    public int getColumnCount() {
        return columns.length;
    }

    @Override
    public String getColumnName(int column) {
        return columns[column];
    }

    @Override
    public Object getValueAt(int row, int column) {
        return cells.at(rows.get(row), column);
    }
}
