package org.cabintune.dsp.dynamics;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.CrossoverDesign;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.dsp.filter.QuantizedBiquad;

/**
 * The band split of the multiband compressor: Linkwitz-Riley 4th-order crossovers in a tree,
 * with all-pass compensation so that the bands add up to the input through one all-pass.
 *
 * <p>With crossovers {@code f0 < f1 < ...}, the input is split at {@code f0} into low and
 * rest; the rest is split again at {@code f1}, and so on; the last rest is the top band. Each
 * band below the top then runs through the LR4 all-pass of every crossover above its own, the
 * phase its higher neighbours picked up when they were split. For three bands:
 * <pre>
 *   low  = AP1 LP0 x        mid = LP1 HP0 x        high = HP1 HP0 x
 *   low + mid + high = AP1 (LP0 + HP0) x = AP1 AP0 x
 * </pre>
 * since {@code LP + HP} of an LR4 pair at {@code f} is the all-pass {@code AP} at {@code f}.
 * With every band at unity gain the compressor is that all-pass chain ({@link #allpassChain}),
 * flat in magnitude.
 *
 * <p>The LR4 all-pass is one section: {@code LP4 + HP4 = (1 + s^4) / (s^2 + sqrt2 s + 1)^2
 * = (s^2 - sqrt2 s + 1) / (s^2 + sqrt2 s + 1)}, the second-order all-pass with Q = 1/sqrt2,
 * designed with the same pre-warping as the crossover's sections, so it is the digital
 * {@code LP4 + HP4} exactly. The same identity gives each split's high side as
 * {@code HP4 r = AP r - LP4 r}: one all-pass section instead of the high-pass's two, with the
 * low-pass output that the band needs anyway. Three bands then cost 7 sections a channel
 * instead of 9.
 *
 * @param lowpasses    per crossover, lowest first: the LR4 low-pass (two sections)
 * @param allpasses    per crossover: its LR4 all-pass (one section)
 * @param compensation per crossover: the all-passes of every higher crossover, run on the band
 *                     split off there (none for the highest)
 */
public record CrossoverTree(List<List<QuantizedBiquad>> lowpasses, List<QuantizedBiquad> allpasses,
                            List<List<QuantizedBiquad>> compensation) {

    /** Crossover order: 24 dB/octave, the lowest Linkwitz-Riley whose bands sum in phase. */
    public static final int ORDER = 4;

    /** Takes immutable copies. */
    public CrossoverTree {
        lowpasses = lowpasses.stream().map(List::copyOf).toList();
        allpasses = List.copyOf(allpasses);
        compensation = compensation.stream().map(List::copyOf).toList();
    }

    /** Designs the split for {@code crossoversHz} (ascending) at {@code sampleRate}. */
    public static CrossoverTree design(int sampleRate, List<Double> crossoversHz) {
        List<List<QuantizedBiquad>> lows = new ArrayList<>();
        List<QuantizedBiquad> alls = new ArrayList<>();
        List<List<QuantizedBiquad>> compensation = new ArrayList<>();
        for (int k = 0; k < crossoversHz.size(); k++) {
            double f = crossoversHz.get(k);
            lows.add(CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.LOWPASS, ORDER, sampleRate, f).stream()
                    .map(QuantizedBiquad::of).toList());
            alls.add(QuantizedBiquad.of(allpass(sampleRate, f)));
            compensation.add(allpassChain(sampleRate, crossoversHz.subList(k + 1, crossoversHz.size())).stream()
                    .map(QuantizedBiquad::of).toList());
        }
        return new CrossoverTree(lows, alls, compensation);
    }

    /** The LR4 all-pass at {@code freqHz}: {@code LP4 + HP4} as one section. */
    public static BiquadCoefficients allpass(int sampleRate, double freqHz) {
        return FilterDesign.allpass(sampleRate, freqHz, Math.sqrt(0.5));
    }

    /**
     * What the compressor is when no band changes gain: the LR4 all-passes of every
     * crossover in series. A path that runs beside the compressor and must stay in phase with
     * it (or a measurement of it) uses these sections.
     */
    public static List<BiquadCoefficients> allpassChain(int sampleRate, List<Double> crossoversHz) {
        return crossoversHz.stream().map(f -> allpass(sampleRate, f)).toList();
    }

    /** Number of bands. */
    public int bands() {
        return lowpasses.size() + 1;
    }
}
