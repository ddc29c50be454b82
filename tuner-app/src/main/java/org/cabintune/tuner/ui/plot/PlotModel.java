package org.cabintune.tuner.ui.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.cabintune.tuner.correct.GridSmoothing;
import org.cabintune.tuner.measure.Distortion;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.MeasurementException;
import org.cabintune.tuner.measure.Smoothing;

/**
 * What the plots panel shows, without Swing: the loaded traces, the plot kind, the smoothing, which
 * traces are hidden and which calibration output is in view; from these the lines to draw
 * ({@link #series()}) and the readout under the cursor ({@link #readout}).
 *
 * <p>Smoothing applies to what has detail to smooth: analysed recordings (on their FFT grid) and
 * responses on a frequency list ({@link GridSmoothing}); targets are drawn as they are. A target
 * has no level of its own, so it is drawn at the level of the first predicted, after, measured
 * or before curve in view (in that order of preference), matched by the mean difference where
 * that curve plays ({@link #levelOffset}).
 */
public final class PlotModel {

    /** The smoothing choices offered, finest last but one. */
    public static final List<String> SMOOTHINGS = List.of("1/1", "1/2", "1/3", "1/6", "1/12", "1/24", "1/48", "var",
            "psy", "erb", "none");
    /** A target's level is matched to its reference where that is no more than this far below its top, dB. */
    static final double PASSBAND_DB = 12;
    /** Points per octave of the analysed recordings' curves. */
    static final int POINTS_PER_OCTAVE = 96;
    /** The impulse response is shown from this long before the arrival ... */
    static final double IMPULSE_BEFORE_MS = 5;
    /** ... to this long after it. */
    static final double IMPULSE_AFTER_MS = 45;
    /** How far below its top a speaker still counts as playing, dB. */
    static final double PLAYS_DB = 30;

    private final List<Trace> traces = new ArrayList<>();
    private final Set<String> hidden = new LinkedHashSet<>();
    private PlotKind kind = PlotKind.RESPONSE;
    private Smoothing smoothing = Smoothing.parse("1/12");
    private String output = "";

    /** Replaces the traces (the workspace's), keeping which names are hidden. */
    public void setTraces(List<Trace> all) {
        traces.clear();
        traces.addAll(all);
    }

    public List<Trace> traces() {
        return List.copyOf(traces);
    }

    public PlotKind kind() {
        return kind;
    }

    public void setKind(PlotKind value) {
        kind = Objects.requireNonNull(value, "kind");
    }

    public Smoothing smoothing() {
        return smoothing;
    }

    /** Sets the smoothing from its text ({@code 1/12}, {@code var}, ...); a bad text is refused with the choices named. */
    public void setSmoothing(String text) {
        smoothing = Smoothing.parse(text);
    }

    /** The calibration output in view, or empty for every trace. */
    public String output() {
        return output;
    }

    public void setOutput(String value) {
        output = Objects.requireNonNull(value, "output");
    }

    /** The calibration outputs the traces belong to, in order of appearance. */
    public List<String> outputs() {
        Set<String> names = new LinkedHashSet<>();
        for (Trace t : traces) {
            if (!t.output().isEmpty()) {
                names.add(t.output());
            }
        }
        return List.copyOf(names);
    }

    public boolean visible(Trace t) {
        return !hidden.contains(t.name()) && (output.isEmpty() || t.output().isEmpty() || t.output().equals(output));
    }

    public void setHidden(String name, boolean hide) {
        if (hide) {
            hidden.add(name);
        } else {
            hidden.remove(name);
        }
    }

    /** The lines to draw for the visible traces. */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        List<Trace> targets = new ArrayList<>();
        int[] shades = new int[Role.values().length];
        for (Trace t : traces) {
            if (!visible(t)) {
                continue;
            }
            if (t instanceof Trace.Target) {
                targets.add(t);
                continue;
            }
            for (Series s : draw(t)) {
                out.add(new Series(s.label(), s.role(), shades[s.role().ordinal()]++, s.x(), s.y()));
            }
        }
        if (kind == PlotKind.RESPONSE) {
            Series reference = reference(out);
            for (Trace t : targets) {
                out.add(target((Trace.Target) t, reference, shades[Role.TARGET.ordinal()]++));
            }
        }
        return out;
    }

    /** The text under the cursor: the position and each line's value there. */
    public String readout(double x, List<Series> shown) {
        StringBuilder b = new StringBuilder(kind.frequency() ? Units.hz(x) : Units.value(x, "ms"));
        for (Series s : shown) {
            double v = s.valueAt(x, kind.frequency());
            if (!Double.isNaN(v)) {
                b.append("   ").append(s.label()).append(' ').append(Units.value(v, kind.unit()));
            }
        }
        return b.toString();
    }

    private List<Series> draw(Trace t) {
        return switch (t) {
            case Trace.Response r -> drawResponse(r);
            case Trace.Analysed a -> drawAnalysed(a);
            case Trace.Target target -> List.of();
        };
    }

    private List<Series> drawResponse(Trace.Response r) {
        FrequencyResponse fr = r.response();
        return switch (kind) {
            case RESPONSE -> List.of(new Series(r.name(), r.role(), 0, fr.hz(), GridSmoothing.smooth(fr.hz(), fr.db(), smoothing)));
            case PHASE -> Arrays.stream(fr.phaseDegrees()).allMatch(Double::isNaN) ? List.of()
                    : List.of(new Series(r.name(), r.role(), 0, fr.hz(), wrapBreaks(fr.phaseDegrees())));
            case GROUP_DELAY -> Arrays.stream(fr.groupDelaySeconds()).allMatch(Double::isNaN) ? List.of()
                    : List.of(new Series(r.name(), r.role(), 0, fr.hz(), milliseconds(fr.groupDelaySeconds())));
            case IMPULSE, DISTORTION -> List.of();
        };
    }

    private List<Series> drawAnalysed(Trace.Analysed a) {
        Measurement m = a.measurement();
        double[] hz = grid(m);
        FrequencyResponse r = m.response(hz, smoothing);
        boolean[] plays = plays(r.db());
        return switch (kind) {
            case RESPONSE -> List.of(new Series(a.name(), a.role(), 0, hz, r.db()));
            case PHASE -> List.of(new Series(a.name(), a.role(), 0, hz, where(plays, wrapBreaks(r.phaseDegrees()))));
            case GROUP_DELAY -> List.of(new Series(a.name(), a.role(), 0, hz, where(plays,
                    milliseconds(r.groupDelaySeconds()))));
            case IMPULSE -> List.of(impulse(a.name(), a.role(), m));
            case DISTORTION -> distortion(a, hz, plays);
        };
    }

    /**
     * Where the speaker plays: no more than {@value #PLAYS_DB} dB below its highest level. Below
     * that, phase, group delay and distortion read the noise and the room rather than the speaker
     * (a tweeter's "distortion" at 100 Hz is its harmonics of nothing), so they are not drawn there.
     */
    static boolean[] plays(double[] db) {
        double top = Arrays.stream(db).filter(Double::isFinite).max().orElse(0);
        boolean[] out = new boolean[db.length];
        for (int i = 0; i < db.length; i++) {
            out[i] = db[i] >= top - PLAYS_DB;
        }
        return out;
    }

    private static double[] where(boolean[] keep, double[] values) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (!keep[i]) {
                out[i] = Double.NaN;
            }
        }
        return out;
    }

    /** The audible band within the sweep's full-level band, {@value #POINTS_PER_OCTAVE} points per octave. */
    static double[] grid(Measurement m) {
        double[] band = m.fullLevelBand();
        return LogGrid.of(Math.max(PlotKind.LOW_HZ, band[0]), Math.min(PlotKind.HIGH_HZ, Math.min(band[1], m.sampleRate() / 2)),
                POINTS_PER_OCTAVE);
    }

    private List<Series> distortion(Trace.Analysed a, double[] hz, boolean[] plays) {
        Distortion d;
        try {
            d = a.measurement().distortion(hz, smoothing);
        } catch (MeasurementException e) {
            return List.of();
        }
        List<Series> out = new ArrayList<>();
        out.add(new Series(a.name() + " THD", a.role(), 0, d.hz(), where(plays, d.thdDb())));
        for (int k = 2; k <= d.maxHarmonic(); k++) {
            out.add(new Series(a.name() + " H" + k, a.role(), 0, d.hz(), where(plays, d.harmonicDb()[k - 2])));
        }
        return out;
    }

    /** The response from {@value #IMPULSE_BEFORE_MS} ms before the arrival to {@value #IMPULSE_AFTER_MS} ms after, peak 1. */
    static Series impulse(String name, Role role, Measurement m) {
        double[] h = m.impulse();
        double rate = m.sampleRate();
        double arrival = m.zeroIndex() + m.arrivalSeconds() * rate;
        int from = Math.max(0, (int) Math.floor(arrival - IMPULSE_BEFORE_MS / 1000 * rate));
        int to = Math.min(h.length, (int) Math.ceil(arrival + IMPULSE_AFTER_MS / 1000 * rate));
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(h[i]));
        }
        double[] x = new double[Math.max(0, to - from)];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (from + i - arrival) / rate * 1000;
            y[i] = peak > 0 ? h[from + i] / peak : 0;
        }
        return new Series(name, role, 0, x, y);
    }

    /** The curve a target's level is matched to: the first predicted, after, measured or before one. */
    private static Series reference(List<Series> drawn) {
        for (Role r : List.of(Role.PREDICTED, Role.AFTER, Role.MEASUREMENT, Role.BEFORE)) {
            for (Series s : drawn) {
                if (s.role() == r) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Series target(Trace.Target t, Series reference, int shade) {
        double[] hz = LogGrid.of(PlotKind.LOW_HZ, PlotKind.HIGH_HZ, 24);
        double[] db = t.curve().on(hz);
        double offset = reference == null ? 0 : levelOffset(reference, t);
        for (int i = 0; i < db.length; i++) {
            db[i] += offset;
        }
        return new Series(t.name(), Role.TARGET, shade, hz, db);
    }

    /**
     * The mean of reference - target where the reference plays: within {@value #PASSBAND_DB} dB of its
     * highest level in the audible band (a tweeter's or a subwoofer's own band, a full-range
     * speaker's whole band); 0 when the reference has no level there.
     */
    static double levelOffset(Series reference, Trace.Target t) {
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < reference.x().length; i++) {
            if (inAudibleBand(reference.x()[i]) && Double.isFinite(reference.y()[i])) {
                top = Math.max(top, reference.y()[i]);
            }
        }
        double sum = 0;
        int n = 0;
        for (int i = 0; i < reference.x().length; i++) {
            double f = reference.x()[i];
            double y = reference.y()[i];
            if (inAudibleBand(f) && Double.isFinite(y) && y >= top - PASSBAND_DB) {
                sum += y - t.curve().at(f);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static boolean inAudibleBand(double f) {
        return f >= PlotKind.LOW_HZ && f <= PlotKind.HIGH_HZ;
    }

    private static double[] milliseconds(double[] seconds) {
        double[] ms = new double[seconds.length];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = seconds[i] * 1000;
        }
        return ms;
    }

    /**
     * The phase with NaN put where it wraps (a jump of more than 180 degrees between points), so the
     * line breaks there instead of crossing the plot.
     */
    static double[] wrapBreaks(double[] degrees) {
        double[] out = degrees.clone();
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(degrees[i] - degrees[i - 1]) > 180) {
                out[i - 1] = Double.NaN;
            }
        }
        return out;
    }
}
