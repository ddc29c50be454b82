package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.io.File;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableCellRenderer;

/**
 * The connected unit's profiles (play one, delete one after a confirmation) beside the profile
 * files opened on this computer (rename, duplicate, save, push to the unit signed with the
 * installer key).
 */
public final class ProfilesPanel extends JPanel {

    private final ProfilesModel model;
    private final RowTable<ProfilesModel.Stored> stored = new RowTable<>((p, column) -> switch (column) {
        case 0 -> p.playing();
        case 1 -> p.id();
        default -> p.name();
    }, "", "Id", "Name");
    private final JTable storedTable = new JTable(stored);
    private final RowTable<ProfilesModel.Local> local = new RowTable<>((l, column) -> switch (column) {
        case 0 -> l.id();
        case 1 -> l.profile().name();
        case 2 -> l.profile().outputs().size();
        default -> l.file() == null ? "(not saved)" : l.file().getFileName().toString();
    }, "Id", "Name", "Outputs", "File");
    private final JTable localTable = new JTable(local);
    private final JLabel subtitle = Look.hint(" ");
    private final JButton play = new JButton("Play");
    private final JButton delete = new JButton("Delete...");
    private final JButton refresh = new JButton("Refresh");
    private final JButton duplicate = new JButton("Duplicate");
    private final JButton save = new JButton("Save as...");
    private final JButton push = Look.primary("Push to unit");
    private final JCheckBox playAfter = new JCheckBox("and play it", true);
    private final JTextField editId = new JTextField(12);
    private final JTextField editName = new JTextField(16);
    private final JButton rename = new JButton("Rename");
    private final JPanel banner = new JPanel(new BorderLayout(Look.GAP, 0));
    private final WrappingLabel question = new WrappingLabel();
    private final JButton confirm = new JButton("Delete");
    private final StatusLine status;
    private String editing;

    /** The panel for the main window: its model on {@code threads}, over {@code session}. */
    public static ProfilesPanel of(UnitSession session, ModelThreads threads) {
        return new ProfilesPanel(new ProfilesModel(session, threads));
    }

    public ProfilesPanel(ProfilesModel model) {
        super(new BorderLayout(0, Look.GAP));
        this.model = model;
        this.status = new StatusLine(() -> { });
        setBorder(Look.margin());

        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.setOpaque(false);
        top.add(Look.title("Profiles"), BorderLayout.NORTH);
        top.add(subtitle, BorderLayout.CENTER);
        top.add(banner(), BorderLayout.SOUTH);
        add(top, BorderLayout.NORTH);

        JPanel lists = new JPanel(new GridLayout(1, 2, Look.GAP * 2, 0));
        lists.setOpaque(false);
        lists.add(unitSide());
        lists.add(localSide());
        add(lists, BorderLayout.CENTER);
        add(status, BorderLayout.SOUTH);

        play.addActionListener(e -> selectedStored(model::select));
        delete.addActionListener(e -> selectedStored(model::askDelete));
        refresh.addActionListener(e -> model.refresh());
        confirm.addActionListener(e -> model.confirmDelete());
        duplicate.addActionListener(e -> selectedLocal(model::duplicate));
        push.addActionListener(e -> selectedLocal(id -> model.push(id, playAfter.isSelected())));
        rename.addActionListener(e -> selectedLocal(id -> model.rename(id, editId.getText(), editName.getText())));
        save.addActionListener(e -> selectedLocal(this::saveAs));
        localTable.getSelectionModel().addListSelectionListener(e -> edit());
        storedTable.getSelectionModel().addListSelectionListener(e -> enableActions());
        storedTable.getColumnModel().getColumn(0).setMaxWidth(28);
        storedTable.getColumnModel().getColumn(1).setPreferredWidth(140);
        storedTable.getColumnModel().getColumn(2).setPreferredWidth(220);
        int[] widths = {130, 150, 75, 170};
        for (int i = 0; i < widths.length; i++) {
            localTable.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        confirm.setBackground(Look.BAD);
        confirm.setForeground(java.awt.Color.WHITE);
        storedTable.getColumnModel().getColumn(0).setCellRenderer(new PlayingMark());
        model.state().listen(this::show);
    }

    private JPanel banner() {
        banner.setBackground(Look.BANNER);
        banner.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(Look.BANNER_EDGE),
                BorderFactory.createEmptyBorder(8, 12, 8, 8)));
        JButton keep = new JButton("Keep it");
        keep.addActionListener(e -> model.keep());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        buttons.setOpaque(false);
        buttons.add(keep);
        buttons.add(confirm);
        banner.add(question, BorderLayout.CENTER);
        banner.add(buttons, BorderLayout.EAST);
        banner.setVisible(false);
        return banner;
    }

    private JPanel unitSide() {
        JPanel buttons = Look.row(play, delete, refresh);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setOpaque(false);
        p.add(Look.heading("On the unit"), BorderLayout.NORTH);
        p.add(Look.table(storedTable), BorderLayout.CENTER);
        p.add(buttons, BorderLayout.SOUTH);
        return p;
    }

    private JPanel localSide() {
        JButton open = new JButton("Open...");
        open.addActionListener(e -> openFile());
        Look.Form form = new Look.Form().row("Id", editId).row("Name", editName, rename);
        JPanel south = new JPanel(new BorderLayout(0, 8));
        south.setOpaque(false);
        south.add(Look.row(open, duplicate, save), BorderLayout.NORTH);
        south.add(form, BorderLayout.CENTER);
        south.add(Look.row(push, playAfter), BorderLayout.SOUTH);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setOpaque(false);
        p.add(Look.heading("On this computer"), BorderLayout.NORTH);
        p.add(Look.table(localTable), BorderLayout.CENTER);
        p.add(south, BorderLayout.SOUTH);
        return p;
    }

    private void openFile() {
        JFileChooser chooser = new JFileChooser(new File("calibration/profiles"));
        chooser.setFileFilter(new FileNameExtensionFilter("Profiles (*.json)", "json"));
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            model.open(chooser.getSelectedFile().toPath());
        }
    }

    private void saveAs(String id) {
        JFileChooser chooser = new JFileChooser();
        chooser.setSelectedFile(new File(id + ".json"));
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            model.save(id, chooser.getSelectedFile().toPath());
        }
    }

    private void selectedStored(Consumer<String> action) {
        int row = storedTable.getSelectedRow();
        if (row >= 0) {
            action.accept(stored.row(row).id());
        }
    }

    private void selectedLocal(Consumer<String> action) {
        int row = localTable.getSelectedRow();
        if (row >= 0) {
            action.accept(local.row(row).id());
        }
    }

    /** Fills the rename fields from the selected local profile. */
    private void edit() {
        int row = localTable.getSelectedRow();
        ProfilesModel.Local l = row >= 0 && row < local.rows().size() ? local.row(row) : null;
        String id = l == null ? null : l.id();
        if (id != null && !id.equals(editing)) {
            editId.setText(l.id());
            editName.setText(l.profile().name());
        }
        editing = id;
        enableActions();
    }

    private void enableActions() {
        ProfilesModel.State s = model.state().get();
        boolean busy = s.status().isBusy();
        boolean connected = s.unit() != null;
        boolean storedChosen = storedTable.getSelectedRow() >= 0;
        boolean localChosen = localTable.getSelectedRow() >= 0;
        play.setEnabled(!busy && connected && storedChosen);
        delete.setEnabled(!busy && connected && storedChosen);
        refresh.setEnabled(!busy && connected);
        duplicate.setEnabled(!busy && localChosen);
        save.setEnabled(!busy && localChosen);
        rename.setEnabled(!busy && localChosen);
        editId.setEnabled(localChosen);
        editName.setEnabled(localChosen);
        push.setEnabled(!busy && connected && localChosen);
        playAfter.setEnabled(push.isEnabled());
    }

    private void show(ProfilesModel.State s) {
        subtitle.setText(s.unit() == null ? "No head unit connected: connect one to see its profiles."
                : "Stored on " + s.unit() + ", and opened on this computer. Pushing signs with the installer key.");
        keepSelection(storedTable, stored.rows().stream().map(ProfilesModel.Stored::id).toList(),
                () -> stored.set(s.stored()), s.stored().stream().map(ProfilesModel.Stored::id).toList());
        List<String> before = local.rows().stream().map(ProfilesModel.Local::id).toList();
        List<String> after = s.local().stream().map(ProfilesModel.Local::id).toList();
        keepSelection(localTable, before, () -> local.set(s.local()), after);
        if (after.size() > before.size()) {
            // A profile opened or copied here is the one to work on next.
            int added = after.size() - 1;
            localTable.setRowSelectionInterval(added, added);
        }
        banner.setVisible(s.confirm() != null);
        if (s.confirm() != null) {
            question.setPlain(s.confirm().question());
            confirm.setText(s.confirm().action());
        }
        status.show(s.status());
        edit();
    }

    /** Replaces a table's rows, keeping the selected id selected (a renamed one is followed by its index). */
    private static void keepSelection(JTable table, List<String> before, Runnable replace, List<String> after) {
        int row = table.getSelectedRow();
        String id = row >= 0 && row < before.size() ? before.get(row) : null;
        replace.run();
        int again = id == null ? -1 : after.indexOf(id);
        if (again < 0 && row >= 0 && row < after.size() && after.size() == before.size()) {
            again = row;
        }
        if (again >= 0) {
            table.setRowSelectionInterval(again, again);
        }
    }

    /** The green dot of the playing profile. */
    private static final class PlayingMark extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable table, Object value, boolean selected, boolean focus,
                                                       int row, int column) {
            super.getTableCellRendererComponent(table, Boolean.TRUE.equals(value) ? "\u25cf" : "", selected, focus, row,
                    column);
            setHorizontalAlignment(CENTER);
            if (!selected) {
                setForeground(Look.GOOD);
            }
            setToolTipText(Boolean.TRUE.equals(value) ? "playing" : null);
            return this;
        }
    }
}
