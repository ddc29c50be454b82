package org.cabintune.dsp.loudness;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.Block;
import org.cabintune.dsp.filter.BiquadCascade;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * Volume-dependent loudness compensation: the two shelves of a {@link CompensationDesign} set
 * on every channel, the set following the volume.
 *
 * <p><b>Following the volume.</b> {@link #setVolumeDb} only picks the set the volume asks for;
 * the filters then walk to it one set ({@value CompensationDesign#STEP_PHON} phon) per
 * {@value #STEP_FRAMES} frames, loading the new coefficients between samples. The filters are
 * {@link BiquadCascade} sections (direct form I, full-precision state), whose state is past
 * inputs and outputs rather than values tied to the coefficients, so a change of coefficients
 * changes the output gradually: a step of half a phon moves a shelf by a fraction of a dB, and a
 * 40 dB volume change is crossed in 80 such steps (53 ms at 48 kHz), about as long as the
 * engine's own volume ramp. The test suite measures what a step leaves above the signal.
 *
 * <p><b>Real time.</b> {@link #setVolumeDb} and {@link #process} belong to the audio thread;
 * they allocate nothing and take no lock (the sets are designed and quantised in the
 * constructor). At the reference set the sections are exact identities: the output is the
 * input, bit for bit.
 */
public final class LoudnessCompensation implements Block {

    /** Frames between two steps of the walk to a new set. */
    public static final int STEP_FRAMES = 32;

    private final CompensationDesign design;
    private final int channels;
    private final BiquadCascade filters;
    private final SetWalk walk = new SetWalk();

    /** Builds the filters for {@code channels} channels at the reference set. */
    public LoudnessCompensation(CompensationDesign design, int channels) {
        this.design = design;
        this.channels = channels;
        this.filters = new BiquadCascade(sections(design, channels));
    }

    static List<List<QuantizedBiquad>> sections(CompensationDesign design, int channels) {
        List<List<QuantizedBiquad>> all = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            all.add(design.shelves(0).sections());
        }
        return all;
    }

    /** Follows a new volume, dB (-inf .. +24; NaN counts as the reference). Audio thread. */
    public void setVolumeDb(double volumeDb) {
        walk.target(design.indexForVolume(volumeDb));
    }

    /** The set in use now. */
    public int currentSet() {
        return walk.current();
    }

    /** The set the volume asks for. */
    public int targetSet() {
        return walk.target();
    }

    @Override
    public void process(int[][] io, int frames) {
        int at = 0;
        while (at < frames) {
            if (walk.step()) {
                load(walk.current());
            }
            int n = walk.span(frames - at);
            for (int c = 0; c < channels; c++) {
                filters.process(c, io[c], at, n);
            }
            at += n;
        }
    }

    private void load(int set) {
        List<QuantizedBiquad> sections = design.shelves(set).sections();
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < sections.size(); s++) {
                filters.setSection(c, s, sections.get(s));
            }
        }
    }

    /** Clears the filters and goes straight to the set the volume asks for, without walking. */
    @Override
    public void reset() {
        filters.reset();
        walk.jump();
        load(walk.current());
    }
}
