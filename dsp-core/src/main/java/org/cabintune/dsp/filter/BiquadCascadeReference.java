package org.cabintune.dsp.filter;

import org.cabintune.dsp.ReferenceBlock;

import java.util.List;

/**
 * Double-precision twin of {@link BiquadCascade}: the same sections, with the exact
 * coefficients the fixed-point kernel realises ({@link QuantizedBiquad#realized()}), in
 * direct form I without saturation. Comparing the two isolates the arithmetic of the
 * fixed-point path; coefficient rounding is checked separately against the design.
 */
public final class BiquadCascadeReference implements ReferenceBlock {

    private final double[][] coefficients;
    private final double[][] state;

    public BiquadCascadeReference(List<List<QuantizedBiquad>> sections) {
        coefficients = new double[sections.size()][];
        state = new double[sections.size()][];
        for (int ch = 0; ch < sections.size(); ch++) {
            List<QuantizedBiquad> list = sections.get(ch);
            double[] c = new double[list.size() * 5];
            for (int s = 0; s < list.size(); s++) {
                BiquadCoefficients r = list.get(s).realized();
                c[s * 5] = r.b0();
                c[s * 5 + 1] = r.b1();
                c[s * 5 + 2] = r.b2();
                c[s * 5 + 3] = r.a1();
                c[s * 5 + 4] = r.a2();
            }
            coefficients[ch] = c;
            state[ch] = new double[list.size() * 4];
        }
    }

    @Override
    public void process(double[][] channels, int frames) {
        for (int ch = 0; ch < coefficients.length; ch++) {
            process(ch, channels[ch], 0, frames);
        }
    }

    /** As {@link BiquadCascade#process(int, int[], int, int)}. */
    public void process(int ch, double[] buf, int from, int frames) {
        double[] c = coefficients[ch], st = state[ch];
        for (int s = 0; s < c.length / 5; s++) {
            double b0 = c[s * 5], b1 = c[s * 5 + 1], b2 = c[s * 5 + 2], a1 = c[s * 5 + 3], a2 = c[s * 5 + 4];
            double x1 = st[s * 4], x2 = st[s * 4 + 1], y1 = st[s * 4 + 2], y2 = st[s * 4 + 3];
            for (int n = from; n < from + frames; n++) {
                double x0 = buf[n];
                double y0 = b0 * x0 + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
                buf[n] = y0;
                x2 = x1;
                x1 = x0;
                y2 = y1;
                y1 = y0;
            }
            st[s * 4] = x1;
            st[s * 4 + 1] = x2;
            st[s * 4 + 2] = y1;
            st[s * 4 + 3] = y2;
        }
    }

    /** As {@link BiquadCascade#setSection}: the realised coefficients of {@code q}, state kept. */
    public void setSection(int ch, int section, QuantizedBiquad q) {
        BiquadCoefficients r = q.realized();
        double[] c = coefficients[ch];
        c[section * 5] = r.b0();
        c[section * 5 + 1] = r.b1();
        c[section * 5 + 2] = r.b2();
        c[section * 5 + 3] = r.a1();
        c[section * 5 + 4] = r.a2();
    }

    @Override
    public void reset() {
        for (double[] st : state) {
            java.util.Arrays.fill(st, 0);
        }
    }
}
