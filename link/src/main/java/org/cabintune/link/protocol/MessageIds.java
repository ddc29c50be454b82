package org.cabintune.link.protocol;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes message ids unique per sender: a prefix, 8 random hex digits for this run of the
 * program (so ids do not repeat after a restart), and a sequence number, e.g.
 * {@code tuner-3f9a0c21-17}. Thread-safe.
 */
public final class MessageIds {

    private final String prefix;
    private final AtomicLong sequence = new AtomicLong();

    /** @param sender a short word naming the sender, e.g. {@code tuner} or {@code unit} */
    public MessageIds(String sender) {
        byte[] run = new byte[4];
        new SecureRandom().nextBytes(run);
        this.prefix = sender + "-" + HexFormat.of().formatHex(run) + "-";
        Check.messageId("sender", prefix + Long.MAX_VALUE);
    }

    /** The next id. */
    public String next() {
        return prefix + sequence.incrementAndGet();
    }
}
