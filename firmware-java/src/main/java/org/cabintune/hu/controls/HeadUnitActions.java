package org.cabintune.hu.controls;

/**
 * What the head unit's controls can ask of it. The buttons, the knob and (later) the phone and
 * the profile store act through this one interface, so the controls know nothing of the engine.
 * Called on the controls' own thread, never on the audio thread.
 */
public interface HeadUnitActions {

    /** Switches to the next listening profile. */
    void nextProfile();

    /** Switches to the previous listening profile. */
    void previousProfile();

    /** Changes the volume by {@code deltaDb} (positive is louder); the head unit clamps it to its range. */
    void changeVolume(double deltaDb);

    /** Mutes when playing, unmutes when muted. */
    void toggleMute();

    /**
     * Someone is at the unit and asks to pair a tuner (a long press on a profile button): the
     * link opens its pairing window. Nothing by default, for a unit without a link.
     */
    default void openPairing() {
    }
}
