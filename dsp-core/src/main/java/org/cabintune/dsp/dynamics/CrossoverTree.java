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
 * <p>The LR4 all-pass is run as one section: {@code LP4 + HP4 = (1 + s^4) / (s^2 + sqrt2 s + 1)^2
 * = (s^2 - sqrt2 s + 1) / (s^2 + sqrt2 s + 1)}, the second-order all-pass with Q = 1/sqrt2,
 * designed with the same pre-warping as the crossover's sections, so it is the digital
 * {@code LP4 + HP4} exactly, at a quarter of the cost.
 *
 * @param bandSections per band, lowest first: its low-pass and compensating all-passes (the
 *                     top band has none; it is what is left after the high-passes)
 * @param highpasses   per crossover, lowest first: the LR4 high-pass that leaves the rest
 */
public record CrossoverTree(List<List<QuantizedBiquad>> bandSections,
                            List<List<QuantizedBiquad>> highpasses) {

    /** Crossover order: 24 dB/octave, the lowest Linkwitz-Riley whose bands sum in phase. */
    public static final int ORDER = 4;

    /** Takes immutable copies. */
    public CrossoverTree {
        bandSections = bandSections.stream().map(List::copyOf).toList();
        highpasses = highpasses.stream().map(List::copyOf).toList();
    }

    /** Designs the split for {@code crossoversHz} (ascending) at {@code sampleRate}. */
    public static CrossoverTree design(int sampleRate, List<Double> crossoversHz) {
        int k = crossoversHz.size();
        List<List<QuantizedBiquad>> bands = new ArrayList<>();
        List<List<QuantizedBiquad>> highs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double f = crossoversHz.get(i);
            List<BiquadCoefficients> band = new ArrayList<>(
                    CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.LOWPASS, ORDER, sampleRate, f));
            for (int j = i + 1; j < k; j++) {
                band.add(allpass(sampleRate, crossoversHz.get(j)));
            }
            bands.add(quantize(band));
            highs.add(quantize(CrossoverDesign.linkwitzRiley(CrossoverDesign.Pass.HIGHPASS, ORDER, sampleRate, f)));
        }
        bands.add(List.of());
        return new CrossoverTree(bands, highs);
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
        return bandSections.size();
    }

    private static List<QuantizedBiquad> quantize(List<BiquadCoefficients> sections) {
        return sections.stream().map(QuantizedBiquad::of).toList();
    }
}
