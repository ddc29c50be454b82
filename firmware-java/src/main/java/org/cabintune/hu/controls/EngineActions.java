package org.cabintune.hu.controls;

import org.cabintune.hu.engine.AudioEngine;

import java.util.function.Consumer;

/**
 * The controls' actions on a running {@link AudioEngine}: volume within
 * {@value #MIN_VOLUME_DB}..{@value #MAX_VOLUME_DB} dB, the user's mute, and the amplifier
 * sequence's hold on the output, which is separate so a mute the user made while the amplifier
 * was switching stays made. Profile buttons go to a {@link ProfileSelector}. Reports
 * {@link UnitState#PLAYING} or {@link UnitState#MUTED} to its listener whenever what the
 * speakers get changes. Used from the controls' thread only.
 */
public final class EngineActions implements HeadUnitActions, OutputGate, OutputControl {

    /** The quietest volume the knob reaches, dB (below that, use mute). */
    public static final double MIN_VOLUME_DB = -80;
    /** The loudest: the profile's own level. */
    public static final double MAX_VOLUME_DB = 0;

    private final AudioEngine engine;
    private final ProfileSelector profiles;
    private Consumer<UnitState> listener = state -> { };
    private volatile double volumeDb;
    /** The loudest the knob and the link may set ({@link #setVolumeCeilingDb}). */
    private double ceilingDb = MAX_VOLUME_DB;
    private volatile boolean userMuted;
    private boolean held;
    private volatile Runnable pairing;

    /**
     * @param engine   the engine, built with {@code muted(true)} so it starts held
     * @param profiles what the profile buttons select
     */
    public EngineActions(AudioEngine engine, ProfileSelector profiles) {
        this.engine = engine;
        this.profiles = profiles;
        this.volumeDb = Math.clamp(engine.context().volumeDb(), MIN_VOLUME_DB, MAX_VOLUME_DB);
        this.held = engine.context().muted();
    }

    /** What a long press on a profile button does: the link's pairing window. */
    public void onPairing(Runnable value) {
        pairing = value;
    }

    @Override
    public void openPairing() {
        Runnable p = pairing;
        if (p != null) {
            p.run();
        }
    }

    /** Where {@link UnitState#PLAYING} and {@link UnitState#MUTED} go. */
    public void onState(Consumer<UnitState> value) {
        listener = value;
    }

    @Override
    public void nextProfile() {
        profiles.step(1);
    }

    @Override
    public void previousProfile() {
        profiles.step(-1);
    }

    @Override
    public void changeVolume(double deltaDb) {
        double target = Math.clamp(volumeDb + deltaDb, MIN_VOLUME_DB, ceilingDb);
        if (target != volumeDb && engine.setVolumeDb(target)) {
            volumeDb = target;
        }
    }

    /** The link's volume: on the control thread, like the knob's. */
    @Override
    public boolean setVolumeDb(double target) {
        double clamped = Math.clamp(target, MIN_VOLUME_DB, ceilingDb);
        if (clamped != volumeDb && !engine.setVolumeDb(clamped)) {
            return false;
        }
        volumeDb = clamped;
        return true;
    }

    /** The link's ceiling (its limits, night mode): on the control thread; the knob stops there too. */
    @Override
    public boolean setVolumeCeilingDb(double ceiling) {
        double c = Math.clamp(ceiling, MIN_VOLUME_DB, MAX_VOLUME_DB);
        if (volumeDb > c) {
            if (!engine.setVolumeDb(c)) {
                return false;
            }
            volumeDb = c;
        }
        ceilingDb = c;
        return true;
    }

    /** The link's mute: on the control thread; a hold by the amplifier sequence stays in force. */
    @Override
    public boolean setMuted(boolean muted) {
        if (muted == userMuted) {
            return true;
        }
        if (!apply(muted, held)) {
            return false;
        }
        userMuted = muted;
        report();
        return true;
    }

    @Override
    public void toggleMute() {
        if (apply(!userMuted, held)) {
            userMuted = !userMuted;
            report();
        }
    }

    @Override
    public void hold() {
        if (apply(userMuted, true)) {
            held = true;
        }
    }

    @Override
    public void release() {
        if (apply(userMuted, false)) {
            held = false;
            report();
        }
    }

    /** The volume the knob or the link has set, dB. */
    @Override
    public double volumeDb() {
        return volumeDb;
    }

    /** True when the user has muted. */
    @Override
    public boolean muted() {
        return userMuted;
    }

    /** Sends the engine mute or unmute for these flags; false if its control queue was full. */
    private boolean apply(boolean mutedByUser, boolean heldBySequence) {
        return mutedByUser || heldBySequence ? engine.mute() : engine.unmute();
    }

    private void report() {
        if (!held) {
            listener.accept(userMuted ? UnitState.MUTED : UnitState.PLAYING);
        }
    }
}
