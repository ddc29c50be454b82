package org.cabintune.hu.controls;

import org.cabintune.hu.engine.AudioEngine;

/**
 * The unit's volume and mute as the link sets them. With physical controls it is the
 * {@link EngineActions} (so the link and the knob share one volume, and a mute held by the
 * amplifier sequence stays held whatever the link says); without, the engine itself.
 */
public interface OutputControl {

    /** Ramps to {@code volumeDb}, -80..0 dB; false when the engine's control queue was full. */
    boolean setVolumeDb(double volumeDb);

    /** Mutes or unmutes (ramped); false when the engine's control queue was full. */
    boolean setMuted(boolean muted);

    /** The volume last set, dB. */
    double volumeDb();

    /** True when muted by the user (the knob or the link). */
    boolean muted();

    /**
     * The loudest the volume may be from now on, -80..0 dB: a volume above it comes down to it
     * at once (ramped), and neither the knob nor the link goes above it until it is raised.
     * False when the engine's control queue was full; then nothing changed.
     */
    boolean setVolumeCeilingDb(double ceilingDb);

    /** The engine's own volume and mute, for a unit without controls. Thread-safe. */
    static OutputControl of(AudioEngine engine) {
        return new OutputControl() {
            private volatile double volume = Math.clamp(engine.context().volumeDb(), EngineActions.MIN_VOLUME_DB,
                    EngineActions.MAX_VOLUME_DB);
            private volatile boolean mute = engine.context().muted();
            private double ceiling = EngineActions.MAX_VOLUME_DB;

            @Override
            public synchronized boolean setVolumeDb(double volumeDb) {
                double capped = Math.min(volumeDb, ceiling);
                if (!engine.setVolumeDb(capped)) {
                    return false;
                }
                volume = capped;
                return true;
            }

            @Override
            public synchronized boolean setVolumeCeilingDb(double ceilingDb) {
                double c = Math.clamp(ceilingDb, EngineActions.MIN_VOLUME_DB, EngineActions.MAX_VOLUME_DB);
                if (volume > c && !setVolumeDb(c)) {
                    return false;
                }
                ceiling = c;
                return true;
            }

            @Override
            public synchronized boolean setMuted(boolean muted) {
                if (!(muted ? engine.mute() : engine.unmute())) {
                    return false;
                }
                mute = muted;
                return true;
            }

            @Override
            public double volumeDb() {
                return volume;
            }

            @Override
            public boolean muted() {
                return mute;
            }
        };
    }
}
