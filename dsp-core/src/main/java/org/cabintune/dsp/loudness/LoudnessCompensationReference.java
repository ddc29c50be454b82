package org.cabintune.dsp.loudness;

import java.util.List;
import org.cabintune.dsp.ReferenceBlock;
import org.cabintune.dsp.filter.BiquadCascadeReference;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * Double twin of {@link LoudnessCompensation}: the same sets (their realised coefficients) and
 * the same walk, in double.
 */
public final class LoudnessCompensationReference implements ReferenceBlock {

    private final CompensationDesign design;
    private final int channels;
    private final BiquadCascadeReference filters;
    private final SetWalk walk = new SetWalk();

    public LoudnessCompensationReference(CompensationDesign design, int channels) {
        this.design = design;
        this.channels = channels;
        this.filters = new BiquadCascadeReference(LoudnessCompensation.sections(design, channels));
    }

    /** As {@link LoudnessCompensation#setVolumeDb}. */
    public void setVolumeDb(double volumeDb) {
        walk.target(design.indexForVolume(volumeDb));
    }

    @Override
    public void process(double[][] io, int frames) {
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

    @Override
    public void reset() {
        filters.reset();
        walk.jump();
        load(walk.current());
    }
}
