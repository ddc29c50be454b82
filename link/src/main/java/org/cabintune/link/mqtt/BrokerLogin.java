package org.cabintune.link.mqtt;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach and log in to the broker. The login is what makes a connection authenticated:
 * the broker refuses clients without one (Mosquitto: {@code allow_anonymous false} and a
 * password file), so every message on a unit's {@code cmd} topic comes from a known client.
 *
 * @param uri      e.g. {@code tcp://127.0.0.1:1883} or {@code ssl://unit.local:8883}
 * @param username the broker account
 * @param password its password
 * @param caFile   for {@code ssl://}: the PEM certificate of the car's CA that signed the
 *                 broker's certificate; null to trust the JDK's default CAs
 */
public record BrokerLogin(String uri, String username, String password, Path caFile) {

    public BrokerLogin {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** A login that trusts the JDK's default CAs (or needs none, over {@code tcp://}). */
    public BrokerLogin(String uri, String username, String password) {
        this(uri, username, password, null);
    }

    @Override
    public String toString() {
        return username + "@" + uri;
    }
}
