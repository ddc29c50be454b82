package org.cabintune.link.mqtt;

import java.util.Objects;

/**
 * How to reach and log in to the broker. The login is what makes a connection authenticated:
 * the broker refuses clients without one (Mosquitto: {@code allow_anonymous false} and a
 * password file), so every message on a unit's {@code cmd} topic comes from a known client.
 *
 * @param uri      e.g. {@code tcp://127.0.0.1:1883} or {@code ssl://unit.local:8883}
 * @param username the broker account
 * @param password its password
 */
public record BrokerLogin(String uri, String username, String password) {

    public BrokerLogin {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return username + "@" + uri;
    }
}
