package org.cabintune.link.command;

import java.util.Objects;
import org.cabintune.link.security.PresenceToken;

/**
 * Where a command came from, as the transport that received it vouches.
 *
 * @param transport     for messages and logs, e.g. {@code serial /dev/ttyAMA0}
 * @param authenticated the connection is authenticated (the broker checked the client's
 *                      login; the serial cable is a physical connection)
 * @param presence      what proves someone is at the unit, for pairing
 */
public record Caller(String transport, boolean authenticated, PresenceToken presence) {

    public Caller {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(presence, "presence");
    }

    /** A serial cable: authenticated by being plugged in, and proof of presence. */
    public static Caller serialCable(String port) {
        return new Caller("serial " + port, true, PresenceToken.CABLE);
    }
}
