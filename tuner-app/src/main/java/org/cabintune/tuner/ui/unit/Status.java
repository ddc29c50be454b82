package org.cabintune.tuner.ui.unit;

/**
 * What a view model is doing and how its last action ended, for the view's status line.
 *
 * @param busy        what runs now ("Scanning tcp://car.local:1883 ..."), or null when idle
 * @param cancellable whether what runs can be stopped
 * @param error       why the last action failed, one readable sentence, or null
 * @param notice      how the last action ended when it did not fail, or null
 */
public record Status(String busy, boolean cancellable, String error, String notice) {

    public static final Status IDLE = new Status(null, false, null, null);

    /** Running {@code what}. */
    static Status busy(String what, boolean cancellable) {
        return new Status(what, cancellable, null, null);
    }

    /** Ended with a failure. */
    static Status failed(String error) {
        return new Status(null, false, error, null);
    }

    /** Ended well, saying so. */
    static Status done(String notice) {
        return new Status(null, false, null, notice);
    }

    public boolean isBusy() {
        return busy != null;
    }
}
