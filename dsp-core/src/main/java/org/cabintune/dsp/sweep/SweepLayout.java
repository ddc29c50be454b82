package org.cabintune.dsp.sweep;

/**
 * Where each part of a stimulus lies, in frames from its first sample. With markers the
 * stimulus has two channels, played by the head unit at the same instant:
 *
 * <pre>
 * channel 0 (timing reference speaker): lead | marker A | gap + sweep + tail (silent) | marker B | end
 * channel 1 (speaker under test):       lead | silent ... | sweep | tail | silent ...            | end
 * </pre>
 *
 * The marker is a short exponential sweep ({@link SweepSpec#MARKER_START_HZ} to
 * {@link SweepSpec#markerEndHz()}) on a speaker chosen as the timing reference. Marker A fixes
 * the instant the sweep left the head unit, in the microphone's clock, without trusting either
 * clock's start; the distance from marker A to marker B, known exactly in the head unit's
 * frames, measures the drift between the two clocks. Without markers the stimulus is one channel:
 * lead, sweep, tail.
 *
 * @param markerA    first frame of marker A (-1 without markers)
 * @param sweepStart first frame of the sweep
 * @param sweepEnd   one past the sweep's last frame
 * @param markerB    first frame of marker B (-1 without markers)
 * @param total      frames of the whole stimulus
 */
public record SweepLayout(int markerA, int sweepStart, int sweepEnd, int markerB, int total) {

    static SweepLayout of(SweepSpec spec) {
        int lead = spec.frames(SweepSpec.LEAD_SECONDS);
        int sweep = spec.sweepFrames();
        int tail = spec.frames(SweepSpec.TAIL_SECONDS);
        if (!spec.markers()) {
            return new SweepLayout(-1, lead, lead + sweep, -1, lead + sweep + tail);
        }
        int marker = spec.markerFrames();
        int sweepStart = lead + marker + spec.frames(SweepSpec.MARKER_GAP_SECONDS);
        int markerB = sweepStart + sweep + tail;
        return new SweepLayout(lead, sweepStart, sweepStart + sweep, markerB,
                markerB + marker + spec.frames(SweepSpec.END_SECONDS));
    }

    /** Whether the stimulus has timing markers. */
    public boolean hasMarkers() {
        return markerA >= 0;
    }

    /** Channels of the stimulus: 2 with markers (reference, test), 1 without. */
    public int channels() {
        return hasMarkers() ? 2 : 1;
    }

    /** The channel that carries the sweep. */
    public int sweepChannel() {
        return hasMarkers() ? 1 : 0;
    }
}
