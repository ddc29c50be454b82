package org.cabintune.link.protocol;

/** What a command needs before the head unit carries it out. */
public enum Right {
    /**
     * An authenticated connection (the broker's login, the serial cable, or the car's own
     * network for the driver's page): select a profile, volume, mute, bypass, night mode, read
     * state and meters, stop a test signal.
     */
    DRIVER,
    /**
     * An authenticated connection and an Ed25519 signature by a key the unit trusts, with a
     * counter above that key's last: anything that changes how the car sounds or what
     * protects it (profiles, limits, test signals, keys).
     */
    INSTALLER,
    /**
     * Physical presence (a long press on the unit's button, or the serial cable), and a
     * signature by the very key being paired, proving its owner holds the private half.
     */
    PRESENCE,
    /** Not a command: replies and events are refused when sent to the unit. */
    NONE
}
