package org.cabintune.tuner.ui.eq;

import java.util.function.Consumer;
import org.cabintune.tuner.ui.EditTable;

/** The EQ filters as an editable table: type, frequency, gain and Q, each edit checked by the editor. */
final class FilterTable extends EditTable<EqEditorModel> {

    FilterTable(Consumer<String> errors) {
        super(errors, "#", "Type", "Frequency (Hz)", "Gain (dB)", "Q");
    }

    @Override
    protected int rows(EqEditorModel m) {
        return m.bands().size();
    }

    @Override
    public Class<?> getColumnClass(int column) {
        return switch (column) {
            case 0 -> Integer.class;
            case 1 -> EqBand.Kind.class;
            default -> Double.class;
        };
    }

    @Override
    public boolean isCellEditable(int row, int column) {
        return column > 0;
    }

    @Override
    public Object getValueAt(int row, int column) {
        EqBand b = model.bands().get(row);
        return switch (column) {
            case 0 -> row + 1;
            case 1 -> b.kind();
            case 2 -> b.freqHz();
            case 3 -> b.gainDb();
            default -> b.q();
        };
    }

    @Override
    protected void edit(Object value, int row, int column) {
        EqBand b = model.bands().get(row);
        model.set(row, switch (column) {
            case 1 -> b.withKind((EqBand.Kind) value);
            case 2 -> b.withFrequency((Double) value);
            case 3 -> b.withGain((Double) value);
            default -> b.withQ((Double) value);
        });
    }
}
