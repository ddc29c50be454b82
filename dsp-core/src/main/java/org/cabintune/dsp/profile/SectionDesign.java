package org.cabintune.dsp.profile;

import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.CrossoverDesign;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a profile's filter specs into the sections the head unit runs. The validator runs
 * the same design on every filter, so for a validated profile nothing here throws.
 */
public final class SectionDesign {

    private SectionDesign() {
    }

    /**
     * The designed (double) sections of one filter spec.
     *
     * @throws IllegalArgumentException when a parameter is outside what the design accepts
     */
    public static List<BiquadCoefficients> design(FilterSpec spec, double sampleRate) {
        return switch (spec) {
            case FilterSpec.Peaking p -> List.of(FilterDesign.peaking(sampleRate, p.freqHz(), p.q(), p.gainDb()));
            case FilterSpec.LowShelf s -> List.of(FilterDesign.lowShelf(sampleRate, s.freqHz(), s.q(), s.gainDb()));
            case FilterSpec.HighShelf s -> List.of(FilterDesign.highShelf(sampleRate, s.freqHz(), s.q(), s.gainDb()));
            case FilterSpec.LowShelf1 s -> List.of(FilterDesign.lowShelf1(sampleRate, s.freqHz(), s.gainDb()));
            case FilterSpec.HighShelf1 s -> List.of(FilterDesign.highShelf1(sampleRate, s.freqHz(), s.gainDb()));
            case FilterSpec.LowPass l -> pass(CrossoverDesign.Pass.LOWPASS, l.slope(), l.freqHz(), sampleRate);
            case FilterSpec.HighPass h -> pass(CrossoverDesign.Pass.HIGHPASS, h.slope(), h.freqHz(), sampleRate);
            case FilterSpec.BandPass b -> List.of(FilterDesign.bandpass(sampleRate, b.freqHz(), b.q()));
            case FilterSpec.Notch n -> List.of(FilterDesign.notch(sampleRate, n.freqHz(), n.q()));
            case FilterSpec.AllPass a -> List.of(FilterDesign.allpass(sampleRate, a.freqHz(), a.q()));
            case FilterSpec.AllPass1 a -> List.of(FilterDesign.allpass1(sampleRate, a.freqHz()));
            case FilterSpec.Biquad b -> List.of(new BiquadCoefficients(b.b0(), b.b1(), b.b2(), b.a1(), b.a2()));
        };
    }

    /**
     * The quantised sections of a whole filter list, in order.
     *
     * @throws IllegalArgumentException when a section cannot be designed, is not stable, or
     *     does not fit the coefficient format ({@link QuantizedBiquad#of})
     */
    public static List<QuantizedBiquad> quantize(List<FilterSpec> specs, double sampleRate) {
        List<QuantizedBiquad> sections = new ArrayList<>();
        for (FilterSpec spec : specs) {
            for (BiquadCoefficients c : design(spec, sampleRate)) {
                sections.add(QuantizedBiquad.of(c));
            }
        }
        return List.copyOf(sections);
    }

    private static List<BiquadCoefficients> pass(CrossoverDesign.Pass pass, FilterSpec.Slope slope,
                                                 double freqHz, double sampleRate) {
        return switch (slope) {
            case FilterSpec.Slope.Resonant r -> List.of(pass == CrossoverDesign.Pass.LOWPASS
                    ? FilterDesign.lowpass(sampleRate, freqHz, r.q())
                    : FilterDesign.highpass(sampleRate, freqHz, r.q()));
            case FilterSpec.Slope.Aligned a -> a.align() == FilterSpec.Align.LINKWITZ_RILEY
                    ? CrossoverDesign.linkwitzRiley(pass, a.order(), sampleRate, freqHz)
                    : CrossoverDesign.butterworth(pass, a.order(), sampleRate, freqHz);
        };
    }
}
