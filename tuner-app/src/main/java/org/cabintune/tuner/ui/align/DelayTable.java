package org.cabintune.tuner.ui.align;

import java.util.function.Consumer;
import org.cabintune.tuner.ui.EditTable;

/** The delays as a table: speaker, path to the seat, delay in ms and cm (both editable), samples. */
final class DelayTable extends EditTable<AlignmentModel> {

    DelayTable(Consumer<String> errors) {
        super(errors, "Speaker", "Path to the head (m)", "Delay (ms)", "Delay (cm)", "Samples");
    }

    @Override
    protected int rows(AlignmentModel m) {
        return m.rows().size();
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return column == 0 ? String.class : Double.class;
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column == 2 || column == 3;
    }

    @Override
    public Object getValueAt(int row, int column) {
        AlignmentModel.Row r = model.rows().get(row);
        return switch (column) {
            case 0 -> r.name();
            case 1 -> Double.isNaN(r.pathMetres()) ? null : r.pathMetres();
            case 2 -> r.delayMs();
            case 3 -> model.cm(row);
            default -> model.samples(row);
        };
    }

    @Override
    protected void edit(Object value, int row, int column) {
        double v = (Double) value;
        if (column == 2) {
            model.setDelayMs(row, v);
        } else {
            model.setDelayCm(row, v);
        }
    }
}
