package org.cabintune.link.mqtt;

import org.cabintune.link.protocol.Check;
import org.cabintune.link.protocol.Limits;

/**
 * The MQTT topics of one unit, all under {@code cabintune/v1/<unit-id>/}. Unit and client ids
 * are lower-case words joined by hyphens, so no topic can contain a wildcard or a level
 * separator from an id.
 *
 * @param unitId the unit's id, as in its {@code info}
 */
public record Topics(String unitId) {

    /** The root of every topic of protocol version 1. */
    public static final String ROOT = "cabintune/v1/";
    /** The {@code status} payload while the unit is connected. */
    public static final String ONLINE = "online";
    /** The {@code status} payload of the unit's last will, and of an orderly shutdown. */
    public static final String OFFLINE = "offline";

    public Topics {
        Check.slug("unitId", unitId, Limits.MAX_UNIT_ID_CHARS);
    }

    private String base() {
        return ROOT + unitId + "/";
    }

    /** Commands to the unit; QoS 1, with a response topic and correlation data. */
    public String cmd() {
        return base() + "cmd";
    }

    /** The unit's latest state; retained. */
    public String state() {
        return base() + "state";
    }

    /** Meter snapshots while a stream runs; QoS 0. */
    public String meters() {
        return base() + "meters";
    }

    /** Events; QoS 1. */
    public String events() {
        return base() + "events";
    }

    /** {@link #ONLINE} or {@link #OFFLINE}; retained, {@link #OFFLINE} is the last will. */
    public String status() {
        return base() + "status";
    }

    /** Where a client asks its replies to go. */
    public String replies(String clientId) {
        Check.slug("clientId", clientId, Limits.MAX_UNIT_ID_CHARS);
        return base() + "reply/" + clientId;
    }
}
