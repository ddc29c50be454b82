package org.cabintune.tuner.design;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.delay.Delay;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.SectionDesign;
import org.cabintune.tuner.measure.Transfer;

/**
 * What the head unit realises for an output's filters, delay, level and polarity, as complex
 * responses: the filters as quantised ({@link SectionDesign#quantize}, then
 * {@link QuantizedBiquad#realized}), the delay as its whole samples and Q2.30 all-pass
 * ({@link Delay#realization}). Predictions multiply a measured response by these, so they are
 * judged by what runs, not by the ideal design.
 *
 * @param sections   the realised sections of the output's filters
 * @param delayMs    the delay
 * @param gain       the linear level, negative when inverted
 * @param sampleRate the profile's rate, which the filters and the delay are designed at
 */
public record Realized(List<BiquadCoefficients> sections, double delayMs, double gain, int sampleRate) {

    /** The chain of {@code filters}, {@code delayMs}, {@code gainDb} and polarity at {@code sampleRate}. */
    public static Realized of(List<FilterSpec> filters, double delayMs, double gainDb, boolean invert, int sampleRate) {
        List<BiquadCoefficients> sections = SectionDesign.quantize(filters, sampleRate).stream()
                .map(QuantizedBiquad::realized).toList();
        return new Realized(sections, delayMs, Math.pow(10, gainDb / 20) * (invert ? -1 : 1), sampleRate);
    }

    /** This chain with another delay. */
    Realized delayed(double newDelayMs) {
        return new Realized(sections, newDelayMs, gain, sampleRate);
    }

    /** This chain with its polarity flipped. */
    Realized inverted() {
        return new Realized(sections, delayMs, -gain, sampleRate);
    }

    /** The complex response {re, im} at {@code hz}. */
    double[] at(double hz) {
        double[] h = BiquadCoefficients.response(sections, hz, sampleRate);
        double[] d = delay().response(hz, sampleRate);
        return new double[] {gain * (h[0] * d[0] - h[1] * d[1]), gain * (h[0] * d[1] + h[1] * d[0])};
    }

    /** A measured response times this chain, bin by bin. */
    public Transfer applied(Transfer t) {
        Delay.Realization d = delay();
        List<BiquadCoefficients> all = new ArrayList<>(sections);
        if (!d.allpass().equals(BiquadCoefficients.IDENTITY)) {
            all.add(d.allpass());
        }
        if (gain != 1) {
            all.add(new BiquadCoefficients(gain, 0, 0, 0, 0));
        }
        Transfer out = all.isEmpty() ? t : t.times(all, sampleRate);
        return d.wholeSamples() == 0 ? out : out.delayed(d.wholeSamples() / (double) sampleRate);
    }

    /** The delay as the head unit realises it. */
    private Delay.Realization delay() {
        return Delay.realization(delayMs * sampleRate / 1000);
    }

    /** Magnitude in dB at {@code hz} of the filters alone. */
    public double filterDb(double hz) {
        return BiquadCoefficients.magnitudeDb(sections, hz, sampleRate);
    }

    /** A response at {@code hz}, interpolated linearly between its bins (re and im apart). */
    static double[] valueAt(Transfer t, double hz) {
        double x = hz / t.binHz();
        int k = Math.min((int) x, t.bins() - 2);
        double u = x - k;
        return new double[] {t.re()[k] + u * (t.re()[k + 1] - t.re()[k]), t.im()[k] + u * (t.im()[k + 1] - t.im()[k])};
    }
}
