package org.cabintune.link.protocol;

/** The type-specific part of a message: a {@link Command}, a {@link Reply} or an {@link Event}. */
public sealed interface Body permits Command, Reply, Event {

    /** The message type this body belongs to. */
    MessageType type();
}
