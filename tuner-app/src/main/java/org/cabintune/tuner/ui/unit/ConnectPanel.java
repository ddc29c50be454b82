package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.nio.file.Path;
import java.util.Locale;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import org.cabintune.link.mqtt.UnitDirectory;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.serial.SerialLink;

/**
 * Connects the desktop tuner to a head unit: over the network (the units a broker knows of,
 * found by Scan) or the serial cable (this computer's ports). The connection goes into the
 * {@link UnitSession} the other panels share; what the unit said it is and plays is shown.
 */
public final class ConnectPanel extends JPanel {

    private final ConnectModel model;
    private final JTabbedPane transport = new JTabbedPane();
    private final JTextField broker = new JTextField("tcp://car.local:1883", 24);
    private final JTextField user = new JTextField("tuner", 10);
    private final JPasswordField password = new JPasswordField(10);
    private final JTextField caFile = new JTextField(16);
    private final JTextField unitId = new JTextField(14);
    private final RowTable<UnitDirectory.Unit> units = new RowTable<>(ConnectPanel::unitCell, "Unit", "Status",
            "Playing", "Volume", "Profiles");
    private final JTable unitTable = new JTable(units);
    private final RowTable<ConnectModel.Port> ports = new RowTable<>((p, column) -> column == 0 ? p.path()
            : p.description(), "Port", "Device");
    private final JTable portTable = new JTable(ports);
    private final JTextField portPath = new JTextField(16);
    private final JComboBox<Integer> baud = new JComboBox<>(SerialLink.BAUD_RATES.toArray(Integer[]::new));
    private final JButton connect = Look.primary("Connect");
    private final JButton disconnect = new JButton("Disconnect");
    private final JLabel unitTitle = Look.heading("No head unit connected");
    private final JLabel unitDetails = Look.hint("Scan a broker or pick the serial cable's port, then Connect.");
    private final JLabel unitPlaying = new JLabel(" ");
    private final StatusLine status;

    /** The panel for the main window: its model on Swing's threads, over {@code session}. */
    public static ConnectPanel of(UnitSession session, ModelThreads threads) {
        return new ConnectPanel(new ConnectModel(session, threads));
    }

    public ConnectPanel(ConnectModel model) {
        super(new BorderLayout(0, Look.GAP));
        this.model = model;
        this.status = new StatusLine(model::cancel);
        setBorder(Look.margin());
        baud.setSelectedItem(SerialLink.DEFAULT_BAUD);

        JPanel top = new JPanel(new BorderLayout(0, 4));
        top.setOpaque(false);
        top.add(Look.title("Head unit"), BorderLayout.NORTH);
        top.add(Look.hint("Reach the car over its network (MQTT) or the serial cable."), BorderLayout.CENTER);
        add(top, BorderLayout.NORTH);

        transport.addTab("Network (MQTT)", network());
        transport.addTab("Serial cable", serial());
        add(transport, BorderLayout.CENTER);

        JPanel bottom = new JPanel();
        bottom.setOpaque(false);
        bottom.setLayout(new BoxLayout(bottom, BoxLayout.Y_AXIS));
        bottom.add(unitCard());
        bottom.add(Box.createVerticalStrut(Look.GAP));
        bottom.add(status);
        add(bottom, BorderLayout.SOUTH);

        connect.addActionListener(e -> connect());
        disconnect.addActionListener(e -> model.disconnect());
        unitTable.getSelectionModel().addListSelectionListener(e -> {
            int row = unitTable.getSelectedRow();
            if (row >= 0) {
                unitId.setText(units.row(row).unitId());
            }
        });
        portTable.getSelectionModel().addListSelectionListener(e -> {
            int row = portTable.getSelectedRow();
            if (row >= 0) {
                portPath.setText(ports.row(row).path());
            }
        });
        model.state().listen(this::show);
    }

    private JPanel network() {
        JButton scan = new JButton("Scan");
        scan.addActionListener(e -> model.scan(brokerForm()));
        JButton browse = new JButton("...");
        browse.addActionListener(e -> choose(caFile));
        JPanel login = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));
        login.setOpaque(false);
        login.add(user);
        login.add(Box.createHorizontalStrut(Look.GAP));
        login.add(new JLabel("Password"));
        login.add(Box.createHorizontalStrut(8));
        login.add(password);
        Look.Form form = new Look.Form()
                .row("Broker", broker, scan)
                .row("User", login)
                .row("CA certificate", caFile, browse)
                .row("Unit", unitId);
        unitTable.getColumnModel().getColumn(0).setPreferredWidth(150);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        p.add(form, BorderLayout.NORTH);
        p.add(Look.table(unitTable), BorderLayout.CENTER);
        return p;
    }

    private JPanel serial() {
        JButton refresh = new JButton("Refresh");
        refresh.addActionListener(e -> model.refreshPorts());
        Look.Form form = new Look.Form()
                .row("Port", portPath, refresh)
                .row("Speed (baud)", baud);
        JPanel p = new JPanel(new BorderLayout(0, 8));
        p.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        p.add(form, BorderLayout.NORTH);
        p.add(Look.table(portTable), BorderLayout.CENTER);
        return p;
    }

    private JPanel unitCard() {
        JPanel text = new JPanel();
        text.setOpaque(false);
        text.setLayout(new BoxLayout(text, BoxLayout.Y_AXIS));
        text.add(unitTitle);
        text.add(Box.createVerticalStrut(4));
        text.add(unitDetails);
        text.add(Box.createVerticalStrut(2));
        text.add(unitPlaying);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 8, 0));
        buttons.setOpaque(false);
        buttons.add(disconnect);
        buttons.add(connect);
        JPanel card = new JPanel(new BorderLayout(Look.GAP, 0));
        card.setBorder(BorderFactory.createCompoundBorder(BorderFactory.createLineBorder(Look.line()),
                BorderFactory.createEmptyBorder(10, 12, 10, 12)));
        card.add(text, BorderLayout.CENTER);
        card.add(buttons, BorderLayout.EAST);
        card.setMaximumSize(new Dimension(Integer.MAX_VALUE, card.getPreferredSize().height + 20));
        return card;
    }

    private void connect() {
        if (transport.getSelectedIndex() == 0) {
            model.connect(brokerForm(), unitId.getText());
        } else {
            model.connectSerial(portPath.getText(), (Integer) baud.getSelectedItem());
        }
    }

    private ConnectModel.Broker brokerForm() {
        String ca = caFile.getText().strip();
        return new ConnectModel.Broker(broker.getText(), user.getText(), new String(password.getPassword()),
                ca.isEmpty() ? null : Path.of(ca));
    }

    private void choose(JTextField field) {
        JFileChooser chooser = new JFileChooser();
        if (chooser.showOpenDialog(this) == JFileChooser.APPROVE_OPTION) {
            field.setText(chooser.getSelectedFile().toString());
        }
    }

    private void show(ConnectModel.State s) {
        units.set(s.units());
        ports.set(s.ports());
        Reply.Info info = s.connected();
        if (info == null) {
            unitTitle.setText("No head unit connected");
            unitDetails.setText("Scan a broker or pick the serial cable's port, then Connect.");
            unitPlaying.setText(" ");
        } else {
            unitTitle.setText("Connected to " + info.unitId());
            unitDetails.setText(info.model() + "  \u00b7  firmware " + info.firmware() + "  \u00b7  "
                    + info.sampleRate() + " Hz  \u00b7  " + info.outputs().size() + " outputs  \u00b7  " + s.via());
            unitPlaying.setText(playing(s.unitState()));
        }
        boolean busy = s.status().isBusy();
        connect.setEnabled(!busy);
        disconnect.setEnabled(!busy && info != null);
        status.show(s.status());
    }

    private static Object unitCell(UnitDirectory.Unit u, int column) {
        Reply.State s = u.state();
        return switch (column) {
            case 0 -> u.unitId();
            case 1 -> u.status() == null ? "-" : u.status();
            case 2 -> s == null || s.activeProfile() == null ? "-" : s.activeProfile();
            case 3 -> s == null ? "-" : String.format(Locale.ROOT, "%.1f dB%s", s.volumeDb(), s.muted() ? " (muted)" : "");
            default -> s == null ? "-" : Integer.toString(s.profiles().size());
        };
    }

    static String playing(Reply.State state) {
        if (state == null) {
            return " ";
        }
        String volume = String.format(Locale.ROOT, "volume %.1f dB", state.volumeDb());
        return "Plays " + (state.activeProfile() == null ? "nothing" : state.activeProfile()) + "  \u00b7  " + volume
                + (state.muted() ? " (muted)" : "") + (state.bypassed() ? "  \u00b7  correction bypassed" : "")
                + (state.testSignal() ? "  \u00b7  test signal playing" : "") + "  \u00b7  "
                + state.profiles().size() + " stored profiles";
    }
}
