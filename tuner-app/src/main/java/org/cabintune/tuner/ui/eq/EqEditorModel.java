package org.cabintune.tuner.ui.eq;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.correct.EqExport;

/**
 * The EQ editor without Swing: one output's EQ filters over its measurement and target, every
 * change checked as the head unit would check the profile ({@link ProfileValidator}: Nyquist,
 * Q and gain ranges, designs that fit the fixed-point kernel) and refused whole with the
 * validator's message when it fails, and the predicted response (the measurement through the
 * output's fixed filters and the EQ's exact quantised coefficients) kept up to date through the
 * auto-EQ's own {@link AutoEq.Predictor}. Not thread-safe: one thread (the event thread) edits.
 */
public final class EqEditorModel {

    /** The name of the output of a profile made without a base profile. */
    static final String DEFAULT_OUTPUT = "eq";
    /** The Q of a suggested filter: about two-thirds of an octave wide. */
    static final double SUGGESTED_Q = 2;
    private static final Pattern FILTER_PATH = Pattern.compile("outputs\\[(\\d+)]\\.filters\\[(\\d+)]\\.?");

    /**
     * What the editor works on.
     *
     * @param title      what is being edited, for titles and exports
     * @param sampleRate the rate the head unit runs the filters at
     * @param hz         frequencies of the measurement, rising
     * @param measuredDb the output's measured level on {@code hz}, without the fixed filters in the path
     * @param targetDb   the target on {@code hz} (its level does not matter)
     * @param lowHz      start of the band the prediction is judged in
     * @param highHz     end of that band
     * @param fixed      the output's filters that are not EQ (crossover, protection), part of the prediction
     * @param base       the profile the EQ goes into, or null for a profile of its own
     * @param outputName the output in {@code base}, or the name of the own profile's output
     */
    public record Setup(String title, int sampleRate, double[] hz, double[] measuredDb, double[] targetDb, double lowHz,
                        double highHz, List<FilterSpec> fixed, Profile base, String outputName) {
        public Setup {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(outputName, "outputName");
            fixed = List.copyOf(fixed);
            if (base != null) {
                EqExport.output(base, outputName);
            }
        }
    }

    private final Setup setup;
    private final AutoEq.Problem problem;
    private final AutoEq.Predictor predictor;
    private final List<EqBand> bands = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private AutoEq.Result prediction;

    /**
     * An editor over {@code setup} starting from {@code eq}.
     *
     * @throws IllegalArgumentException when the setup's data or the filters are not valid, with the reason
     */
    public EqEditorModel(Setup setup, List<FilterSpec> eq) {
        this.setup = setup;
        this.problem = problem(setup, AutoEq.Limits.DEFAULT);
        this.predictor = AutoEq.predictor(problem);
        List<EqBand> start = eq.stream().map(EqBand::of).toList();
        check(start);
        bands.addAll(start);
        prediction = predictor.predict(specs(bands));
    }

    private static AutoEq.Problem problem(Setup s, AutoEq.Limits limits) {
        return new AutoEq.Problem(s.sampleRate(), s.hz(), new double[][] {s.measuredDb()}, null, s.targetDb(), s.lowHz(),
                s.highHz(), s.fixed(), limits.withMaxFilters(Math.min(limits.maxFilters(), 32 - s.fixed().size())));
    }

    public Setup setup() {
        return setup;
    }

    /** The EQ filters, in order. */
    public List<EqBand> bands() {
        return List.copyOf(bands);
    }

    /** The prediction for the current filters: average, EQ, predicted, nulls, residual and level offset to the target. */
    public AutoEq.Result prediction() {
        return prediction;
    }

    /** Called after every change. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * A peaking filter where the prediction misses the target most (in the band, nulls left out):
     * half the miss as gain, never a boost into a dip deeper than the auto-EQ's limits allow, Q 2.
     */
    public EqBand suggestion() {
        AutoEq.Result r = prediction;
        double[] hz = r.hz();
        int worst = -1;
        double miss = 0;
        for (int i = 0; i < hz.length; i++) {
            if (hz[i] >= setup.lowHz() && hz[i] <= setup.highHz() && !r.nullMask()[i]) {
                double e = r.predictedDb()[i] + r.levelOffsetDb() - setup.targetDb()[i];
                if (Math.abs(e) > Math.abs(miss)) {
                    miss = e;
                    worst = i;
                }
            }
        }
        double f = worst < 0 ? Math.sqrt(setup.lowHz() * setup.highHz()) : hz[worst];
        double gain = Math.clamp(-miss / 2, AutoEq.Limits.DEFAULT.maxCutDb(), AutoEq.Limits.DEFAULT.maxBoostDb());
        return new EqBand(EqBand.Kind.PEAKING, Math.round(f), Math.round(gain * 10) / 10.0, SUGGESTED_Q);
    }

    /** Adds a filter at the end. */
    public void add(EqBand band) {
        List<EqBand> next = new ArrayList<>(bands);
        next.add(band);
        apply(next);
    }

    /** Replaces filter {@code index}. */
    public void set(int index, EqBand band) {
        checkIndex(index);
        List<EqBand> next = new ArrayList<>(bands);
        next.set(index, band);
        apply(next);
    }

    /** Moves filter {@code index} to another frequency and gain, its Q kept (a drag on the plot). */
    public void move(int index, double freqHz, double gainDb) {
        checkIndex(index);
        set(index, bands.get(index).withFrequency(freqHz).withGain(gainDb));
    }

    /** Multiplies filter {@code index}'s Q by {@code factor} (the mouse wheel). */
    public void scaleQ(int index, double factor) {
        checkIndex(index);
        set(index, bands.get(index).withQ(bands.get(index).q() * factor));
    }

    public void remove(int index) {
        checkIndex(index);
        List<EqBand> next = new ArrayList<>(bands);
        next.remove(index);
        apply(next);
    }

    /** Replaces every filter (with an auto-EQ's result). */
    public void replace(List<FilterSpec> eq) {
        apply(eq.stream().map(EqBand::of).toList());
    }

    /**
     * Fits the EQ afresh with the auto-EQ on this editor's measurement, target and band, without
     * changing the editor (the caller {@link #replace}s with the result's filters). Safe to call
     * from another thread than the editing one: it reads only the fixed setup.
     */
    public AutoEq.Result autoEq(AutoEq.Limits limits, AutoEq.Listener listener) {
        return AutoEq.fit(problem(setup, limits), listener);
    }

    /** The EQ in another equaliser's format ({@link EqExport}); {@code PROFILE} gives {@link #profile()} as JSON. */
    public String export(EqExport.Format format) {
        List<FilterSpec> eq = specs(bands);
        String name = setup.outputName();
        return switch (format) {
            case APO -> "# CabinTune EQ, " + setup.title() + "\n" + EqExport.apo(eq, setup.sampleRate());
            case REW -> EqExport.rew(eq, "CabinTune EQ, " + setup.title(), name, LocalDateTime.now());
            case CAMILLADSP -> "# CabinTune EQ, " + setup.title() + "\n" + EqExport.camillaDsp(eq, name.replace('-', '_'), 0);
            case MINIDSP -> EqExport.miniDsp(eq, setup.sampleRate());
            case PROFILE -> {
                try {
                    yield ProfileWriter.write(profile());
                } catch (ProfileException e) {
                    throw new IllegalArgumentException(readable(e));
                }
            }
        };
    }

    /** The profile with this EQ: the base profile with its output's EQ replaced, or a profile of its own. */
    public Profile profile() {
        return profile(bands);
    }

    /** Writes {@link #profile()} to {@code file}. */
    public void saveProfile(Path file) throws IOException {
        try {
            ProfileWriter.write(profile(), file);
        } catch (ProfileException e) {
            throw new IOException(readable(e), e);
        }
    }

    private Profile profile(List<EqBand> eq) {
        List<FilterSpec> specs = specs(eq);
        return setup.base() != null ? EqExport.profile(setup.base(), setup.outputName(), specs)
                : EqExport.profile("CabinTune EQ", setup.sampleRate(), setup.outputName(), setup.fixed(), specs);
    }

    private void apply(List<EqBand> next) {
        check(next);
        bands.clear();
        bands.addAll(next);
        prediction = predictor.predict(specs(bands));
        listeners.forEach(Runnable::run);
    }

    /** Refuses filters the profile validator refuses, with its first message put in the editor's words. */
    private void check(List<EqBand> next) {
        // A profile of its own is checked before its level trim is worked out, which designs the filters.
        List<FilterSpec> all = new ArrayList<>(setup.fixed());
        all.addAll(specs(next));
        Profile checked = setup.base() != null ? profile(next) : new Profile(Profile.FORMAT, "CabinTune EQ",
                setup.sampleRate(), List.of("L"), Bus.OFF, List.of(new Output(setup.outputName(), Output.Role.FULLRANGE,
                Map.of("L", 1.0), all, 0, 0, false, Output.Protect.DEFAULT)));
        try {
            ProfileValidator.validate(checked);
        } catch (ProfileException e) {
            throw new IllegalArgumentException(readable(e));
        }
    }

    /** The validator's first problem with {@code outputs[i].filters[k].} turned into {@code EQ filter n: }. */
    private String readable(ProfileException e) {
        String first = e.problems().getFirst();
        Matcher m = FILTER_PATH.matcher(first);
        if (m.find()) {
            int filter = Integer.parseInt(m.group(2)) - setup.fixed().size();
            String where = filter >= 0 ? "EQ filter " + (filter + 1) + ": " : "fixed filter " + (Integer.parseInt(m.group(2)) + 1) + ": ";
            return m.replaceFirst(Matcher.quoteReplacement(where));
        }
        return first;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= bands.size()) {
            throw new IllegalArgumentException("filter " + (index + 1) + " does not exist; there are " + bands.size());
        }
    }

    private static List<FilterSpec> specs(List<EqBand> bands) {
        return bands.stream().map(EqBand::spec).toList();
    }
}
