package org.cabintune.hu.controls;

/**
 * Holds the stream's output at silence while the amplifier is switched, apart from the user's
 * own mute: the amplifier sequence holds it before the amplifier goes off and releases it once
 * the amplifier is on and settled.
 */
public interface OutputGate {

    /** Ramps the output to silence and keeps it there until {@link #release()}. */
    void hold();

    /** Lets the output play again (unless the user muted it). */
    void release();
}
