package org.cabintune.link.protocol;

/** Things the head unit tells without being asked, on the {@code events} topic. */
public sealed interface Event extends Body {

    /** Another profile now plays (a driver's button, a command, the unit's start). */
    record ProfileChanged(String profileId, String name) implements Event {
        public ProfileChanged {
            Check.slug("profileId", profileId, Limits.MAX_PROFILE_ID_CHARS);
            Check.text("name", name, Limits.MAX_TEXT_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.PROFILE_CHANGED;
        }
    }

    /** The audio stream under- or overran; {@code total} counts them since the unit started. */
    record Xrun(long total) implements Event {
        public Xrun {
            Check.range("total", total, 1, Limits.MAX_SAFE_INTEGER);
        }

        @Override
        public MessageType type() {
            return MessageType.XRUN;
        }
    }

    /**
     * Something is wrong with the unit itself.
     *
     * @param fault   a stable word, e.g. {@code dac-missing}, {@code overheat}
     * @param message for people
     */
    record Fault(String fault, String message) implements Event {
        public Fault {
            Check.slug("fault", fault, Limits.MAX_TEXT_CHARS);
            Check.text("message", message, Limits.MAX_MESSAGE_CHARS);
        }

        @Override
        public MessageType type() {
            return MessageType.FAULT;
        }
    }
}
