package org.cabintune.link.command;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cabintune.link.protocol.Envelope;

/**
 * The replies to the most recent commands, by message id, so a command delivered twice (MQTT
 * QoS 1 does that, and so does a client retrying after a lost reply) is applied once and
 * answered alike. Bounded: the oldest id is forgotten first. Not thread-safe; the dispatcher
 * guards it.
 */
final class RememberedReplies {

    /** What was answered to one id, and a fingerprint of the message that carried it. */
    record Entry(byte[] fingerprint, Envelope reply) {

        boolean sameMessage(byte[] other) {
            return Arrays.equals(fingerprint, other);
        }
    }

    private final Map<String, Entry> entries;

    RememberedReplies(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity = " + capacity + " must be at least 1");
        }
        this.entries = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, RememberedReplies.Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    Entry get(String id) {
        return entries.get(id);
    }

    void put(String id, byte[] fingerprint, Envelope reply) {
        entries.put(id, new Entry(fingerprint, reply));
    }

    int size() {
        return entries.size();
    }
}
