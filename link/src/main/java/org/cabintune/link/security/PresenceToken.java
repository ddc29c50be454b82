package org.cabintune.link.security;

/**
 * Proof that someone is physically at the head unit, which pairing a new installer key needs.
 * Only the head unit makes these: a {@link PresenceWindow} opened by a long press on its
 * button, or {@link #CABLE} for a connection over the serial cable (which needs a hand on the
 * car). Nothing that arrives over the network can make one.
 */
public interface PresenceToken {

    /** True while the token proves presence. */
    boolean isPresent();

    /** Used up by a successful pairing: one long press pairs one key. */
    void consume();

    /** The serial cable: someone is at the car for as long as it is plugged in. */
    PresenceToken CABLE = new PresenceToken() {
        @Override
        public boolean isPresent() {
            return true;
        }

        @Override
        public void consume() {
            // The cable stays plugged in: it proves presence for the next pairing too.
        }

        @Override
        public String toString() {
            return "serial cable";
        }
    };

    /** No presence: the network without a long press. */
    PresenceToken NONE = new PresenceToken() {
        @Override
        public boolean isPresent() {
            return false;
        }

        @Override
        public void consume() {
            // Nothing to use up.
        }

        @Override
        public String toString() {
            return "no presence";
        }
    };
}
