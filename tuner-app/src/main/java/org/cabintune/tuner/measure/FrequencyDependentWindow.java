package org.cabintune.tuner.measure;

import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;

/**
 * A frequency-dependent window: at each frequency f the impulse response is seen through a
 * window reaching {@code cycles / f} seconds past its peak (half-Hann fall over that span, the
 * automatic window's rise before it), capped by the automatic window. Low frequencies keep the
 * room's response, high frequencies only the direct sound and the earliest reflections, which
 * is close to how hearing weighs them. Each point is a direct transform of its own window (no
 * smoothing is applied on top).
 */
public final class FrequencyDependentWindow {

    /** Default width: 15 cycles, a common choice for in-car work. */
    public static final double DEFAULT_CYCLES = 15;

    private FrequencyDependentWindow() {
    }

    /** The response at {@code hz}, levels as {@link Measurement#response}, phase relative to the arrival. */
    public static FrequencyResponse respond(Measurement m, double[] hz, double cycles) {
        if (!(cycles >= 1 && cycles <= 1000)) {
            throw new IllegalArgumentException("cycles = " + cycles + " is outside the allowed range 1 .. 1000");
        }
        double[] h = m.impulse();
        double fs = m.sampleRate();
        IrWindow w = m.window();
        int peak = (int) Math.round(m.zeroIndex() + m.arrivalSeconds() * fs);
        List<BiquadCoefficients> limit = Deconvolver.bandLimit(m.spec().startHz(), fs);
        double[] db = new double[hz.length];
        double[] phase = new double[hz.length];
        double[] delay = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            double f = hz[i];
            int right = (int) Math.max(8, Math.min(w.end() - peak, Math.round(cycles / f * fs)));
            int end = Math.min(h.length, peak + right);
            double omega = 2 * Math.PI * f / fs;
            // e^{-j omega (n - peak)} by rotation, starting at the window's first sample.
            double cr = Math.cos(omega);
            double ci = -Math.sin(omega);
            double pr = Math.cos(omega * (peak - w.start()));
            double pi = Math.sin(omega * (peak - w.start()));
            double re = 0;
            double im = 0;
            for (int n = w.start(); n < end; n++) {
                double weight = n < peak ? w.weight(n) : 0.5 + 0.5 * Math.cos(Math.PI * (n - peak) / right);
                double v = h[n] * weight;
                re += v * pr;
                im += v * pi;
                double t = pr * cr - pi * ci;
                pi = pr * ci + pi * cr;
                pr = t;
            }
            double[] b = BiquadCoefficients.response(limit, f, fs);
            double d = b[0] * b[0] + b[1] * b[1];
            double hr = (re * b[0] + im * b[1]) / d;
            double hi = (im * b[0] - re * b[1]) / d;
            db[i] = 10 * Math.log10(hr * hr + hi * hi) + m.driveDbfs();
            phase[i] = Math.toDegrees(Math.atan2(hi, hr));
            delay[i] = Double.NaN;
        }
        return new FrequencyResponse(hz.clone(), db, phase, delay);
    }
}
