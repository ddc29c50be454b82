package org.cabintune.hu.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the driver's page listens: a host (an IPv4 address, a bracketed IPv6 address or a
 * name) and a port, written {@code HOST:PORT}: {@code 0.0.0.0:8080} for every network of the
 * unit, the car network's own address to serve that one only, {@code 127.0.0.1:0} for a free
 * port on the unit itself.
 *
 * @param host the host as written, without brackets
 * @param port 0..65535; 0 takes a free port
 */
public record WebAddress(String host, int port) {

    /** The highest TCP port. */
    public static final int MAX_PORT = 65535;
    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    public WebAddress {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException("port " + port + " is outside 0.." + MAX_PORT);
        }
    }

    /**
     * Reads {@code HOST:PORT}.
     *
     * @param field how messages name the setting, e.g. {@code --web} or {@code link.web}
     * @throws IllegalArgumentException naming {@code field}, the value and the form allowed
     */
    public static WebAddress parse(String field, String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(field + " = \"" + text + "\" is not HOST:PORT (e.g. 0.0.0.0:8080,"
                    + " 192.168.4.1:80, [::1]:8080)");
        }
        int port = Integer.parseInt(m.group(2));
        if (port > MAX_PORT) {
            throw new IllegalArgumentException(field + " = \"" + text + "\": port " + port + " is outside 0.." + MAX_PORT);
        }
        String host = m.group(1);
        return new WebAddress(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
    }
}
