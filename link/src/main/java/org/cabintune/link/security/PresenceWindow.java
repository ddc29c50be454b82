package org.cabintune.link.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The pairing window a long press on the head unit's button opens: network connections may
 * pair one key until it closes. Thread-safe: the button's thread opens it, transport threads
 * read and consume it.
 */
public final class PresenceWindow implements PresenceToken {

    /** How long a long press keeps pairing open unless the unit says otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private final Clock clock;
    private Instant closesAt = Instant.MIN;

    public PresenceWindow(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Opens the window for {@code length} from now; the unit calls this on a long press. */
    public synchronized void open(Duration length) {
        if (length.isNegative() || length.isZero() || length.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("length = " + length + " is outside (0, 10 min]");
        }
        closesAt = clock.instant().plus(length);
    }

    /** Closes the window now. */
    public synchronized void close() {
        closesAt = Instant.MIN;
    }

    @Override
    public synchronized boolean isPresent() {
        return clock.instant().isBefore(closesAt);
    }

    @Override
    public void consume() {
        close();
    }

    @Override
    public String toString() {
        return "pairing window (button)";
    }
}
