package org.cabintune.hu.engine;

/**
 * The commands that travel through the {@link ControlQueue} to the audio thread, each with up
 * to two {@code long} arguments (a double travels as its raw bits). Constants, so queueing one
 * allocates nothing.
 */
public enum Control {
    /** Output volume: {@code a} = dB as {@link Double#doubleToRawLongBits raw bits}, ramped. */
    SET_VOLUME_DB,
    /** Ramp the output to silence and hold it there. */
    MUTE,
    /** Ramp the output back to the volume. */
    UNMUTE,
    /** Source: start or resume playing. */
    PLAY,
    /** Source: fade out and hold the position. */
    PAUSE,
    /** Source: fade out, move to frame {@code a}, fade in. */
    SEEK,
    /** Source: loop the frames {@code [a, b)}. */
    LOOP,
    /** Source: stop looping; play on to the end. */
    LOOP_OFF;

    private static final Control[] VALUES = values();

    /** True for commands the engine hands to its {@link Source}. */
    boolean forSource() {
        return ordinal() >= PLAY.ordinal();
    }

    /** The constant with this ordinal; no array is copied. */
    static Control of(int ordinal) {
        return VALUES[ordinal];
    }
}
