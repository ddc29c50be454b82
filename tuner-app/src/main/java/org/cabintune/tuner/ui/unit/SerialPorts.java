package org.cabintune.tuner.ui.unit;

import com.fazecast.jSerialComm.SerialPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The serial ports this computer has, as jSerialComm finds them (USB adapters with their product names). */
final class SerialPorts {

    private SerialPorts() {
    }

    /** Every port, USB adapters first, then by path. */
    static List<ConnectModel.Port> list() {
        List<ConnectModel.Port> ports = new ArrayList<>();
        for (SerialPort p : SerialPort.getCommPorts()) {
            String description = p.getPortDescription();
            String name = p.getDescriptivePortName();
            ports.add(new ConnectModel.Port(p.getSystemPortPath(),
                    description == null || description.isBlank() ? name : description));
        }
        ports.sort(Comparator.comparing((ConnectModel.Port p) -> !p.usb()).thenComparing(ConnectModel.Port::path));
        return List.copyOf(ports);
    }
}
