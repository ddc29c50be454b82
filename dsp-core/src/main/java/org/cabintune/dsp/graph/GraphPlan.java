package org.cabintune.dsp.graph;

import org.cabintune.dsp.dynamics.LimiterParams;
import org.cabintune.dsp.dynamics.MultibandParams;
import org.cabintune.dsp.filter.QuantizedBiquad;
import org.cabintune.dsp.loudness.CompensationDesign;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.dsp.loudness.RiderParams;
import org.cabintune.dsp.loudness.StaticNormalization;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.SectionDesign;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything a profile asks of the chain, designed and quantised, before any block exists:
 * the one place profile semantics turn into numbers. {@link GraphCompiler} builds the
 * fixed-point graph from it and {@link ProcessingGraphReference} its double twin, so the two
 * cannot disagree on what the profile means.
 *
 * @param sampleRate      the profile's rate
 * @param preampDb        bus preamp, dB, the same on every input
 * @param normalizeGainDb static normalisation's gain after the preamp, dB (0 without one); the
 *                        two run as one gain stage
 * @param rider           the bus's level rider (normalisation mode auto), if the profile has one
 * @param multiband       the bus's multiband compressor, if the profile has one
 * @param limiter         the bus's true-peak limiter, if the profile has one
 * @param mix             [output][input] linear gains
 * @param sections        per output, its filters as quantised sections in order
 * @param delaysMs        per output, its delay
 * @param gainsDb         per output, its level
 * @param inverted        per output, its polarity
 * @param protection      per output, its protection limiter; empty when no output asks for one
 * @param compensation    the loudness compensation at the end of every output, if the profile has one
 * @param trimDb          one gain on every output after everything else, 0 dB or below: a profile
 *                        turned down as a whole, its limiters acting as they would (0 in a profile's
 *                        own plan; the audition's loudness match sets it)
 * @param notes           what the user should know about this build of the profile
 */
public record GraphPlan(int sampleRate, double preampDb, double normalizeGainDb, Optional<RiderParams> rider,
                        Optional<MultibandParams> multiband, Optional<LimiterParams> limiter, double[][] mix,
                        List<List<QuantizedBiquad>> sections, double[] delaysMs, double[] gainsDb, boolean[] inverted,
                        List<LimiterParams> protection, Optional<CompensationDesign> compensation, double trimDb,
                        List<String> notes) {

    /** Refuses a trim above 0 dB: after the protection limiters a gain may only turn down. */
    public GraphPlan {
        if (!(trimDb <= 0)) {
            throw new IllegalArgumentException("trimDb = " + trimDb + " is above 0 dB: after the protection limiters"
                    + " a gain may only turn down");
        }
    }

    /**
     * Look-ahead of every protection limiter. One value for all outputs keeps them time
     * aligned; 1 ms is enough for the interpolating detector and adds 1 ms of latency.
     */
    public static final double PROTECTION_LOOKAHEAD_MS = 1.0;
    /** Release of the protection limiters: quick, since they only catch overs. */
    public static final double PROTECTION_RELEASE_MS = 50.0;

    /** Extra warm-up after the longest delay, so filters have started before a fade-in. */
    static final double SETTLE_MS = 5.0;

    /**
     * Designs every part of a validated profile. Static normalisation, which needs the
     * programme's measured loudness, gets 0 dB here; see {@link #of(Profile, ProgrammeLoudness)}.
     */
    public static GraphPlan of(Profile profile) {
        return of(profile, null);
    }

    /**
     * Designs every part of a validated profile, static normalisation from {@code programme}
     * (the loudness of the track or album about to play; null when it is not known).
     */
    public static GraphPlan of(Profile profile, ProgrammeLoudness programme) {
        List<Output> outputs = profile.outputs();
        int n = outputs.size();
        double[][] mix = new double[n][profile.inputs().size()];
        List<List<QuantizedBiquad>> sections = new ArrayList<>();
        double[] delays = new double[n];
        double[] gains = new double[n];
        boolean[] inverted = new boolean[n];
        for (int o = 0; o < n; o++) {
            Output out = outputs.get(o);
            for (var entry : out.mix().entrySet()) {
                mix[o][profile.inputs().indexOf(entry.getKey())] = entry.getValue();
            }
            sections.add(SectionDesign.quantize(out.filters(), profile.sampleRate()));
            delays[o] = out.delayMs();
            gains[o] = out.gainDb();
            inverted[o] = out.invert();
        }
        int inputs = profile.inputs().size();
        int fs = profile.sampleRate();
        Bus bus = profile.bus();
        Optional<MultibandParams> multiband = bus.multiband().map(m -> MultibandParams.fromProfile(m, fs, inputs));
        Optional<LimiterParams> limiter = bus.limiter().map(l -> LimiterParams.of(fs, inputs, l.ceilingDbtp(),
                l.lookaheadMs(), l.releaseMs()).withLinked(l.stereoLink()));
        List<String> notes = new ArrayList<>();
        Optional<Bus.Normalize> normalize = bus.normalize().filter(nz -> nz.mode() != Bus.Normalize.Mode.OFF);
        Optional<RiderParams> rider = normalize.filter(nz -> nz.mode() == Bus.Normalize.Mode.AUTO)
                .map(nz -> RiderParams.fromProfile(nz, fs, inputs));
        double normalizeGainDb = normalize.filter(nz -> nz.mode().isStatic())
                .map(nz -> staticGain(nz, bus, programme, notes)).orElse(0.0);
        Optional<CompensationDesign> compensation = bus.loudnessCompensation().map(c -> CompensationDesign.of(c, fs));
        return new GraphPlan(fs, bus.preampDb(), normalizeGainDb, rider, multiband, limiter, mix,
                List.copyOf(sections), delays, gains, inverted, protection(profile), compensation, 0, List.copyOf(notes));
    }

    private static double staticGain(Bus.Normalize normalize, Bus bus, ProgrammeLoudness programme, List<String> notes) {
        if (programme == null) {
            notes.add("bus.normalize is " + normalize.mode().jsonName()
                    + " but the programme's loudness was not measured: its gain is 0 dB");
            return 0.0;
        }
        StaticNormalization.Result result = StaticNormalization.gain(normalize, bus.preampDb(),
                bus.limiter().isPresent(), programme);
        String heldBy = switch (result.limit()) {
            case MAX_BOOST -> "maxBoostDb";
            case CEILING -> "ceilingDbtp (no limiter on the bus)";
            case GAIN_STAGE -> "the gain stage's +24 dB";
            case SILENT, NONE -> null;
        };
        if (result.limit() == StaticNormalization.Limit.SILENT) {
            notes.add("bus.normalize: the programme is silent; its gain is 0 dB");
        } else if (heldBy != null) {
            notes.add(String.format(Locale.ROOT, "bus.normalize: gain %+.1f dB, held by %s; the programme stays "
                    + "%.1f LU below the target %.1f LUFS", result.gainDb(), heldBy, result.shortfallLu(),
                    normalize.targetLufs()));
        }
        return result.gainDb();
    }

    /**
     * Protection limiters. When any output declares {@code protect}, every output gets one
     * (at its own ceiling, 0 dBTP by default) so all outputs keep the same latency and stay
     * time aligned; a profile without {@code protect} anywhere runs none.
     */
    private static List<LimiterParams> protection(Profile profile) {
        if (profile.outputs().stream().allMatch(o -> o.protect().equals(Output.Protect.DEFAULT))) {
            return List.of();
        }
        List<LimiterParams> limiters = new ArrayList<>();
        for (Output out : profile.outputs()) {
            limiters.add(LimiterParams.of(profile.sampleRate(), 1, out.protect().ceilingDbtp(),
                    PROTECTION_LOOKAHEAD_MS, PROTECTION_RELEASE_MS));
        }
        return List.copyOf(limiters);
    }

    /**
     * This plan with {@code busDb} more on the bus gain stage (before the level rider and the
     * bus dynamics, as a playback gain in front of the chain acts: a streaming platform's
     * normalisation) and {@code trimDb} (0 or below) more on the trim after everything else.
     */
    public GraphPlan withGains(double busDb, double trimDb) {
        return new GraphPlan(sampleRate, preampDb + busDb, normalizeGainDb, rider, multiband, limiter, mix, sections,
                delaysMs, gainsDb, inverted, protection, compensation, this.trimDb + trimDb, notes);
    }

    /** Number of inputs. */
    public int inputs() {
        return mix[0].length;
    }

    /** Number of outputs. */
    public int outputs() {
        return mix.length;
    }

    /** True when some output is delayed. */
    public boolean anyDelay() {
        for (double d : delaysMs) {
            if (d != 0) {
                return true;
            }
        }
        return false;
    }

    /** True when some output has a level other than 0 dB. */
    public boolean anyGain() {
        for (double g : gainsDb) {
            if (g != 0) {
                return true;
            }
        }
        return false;
    }

    /** True when some output is inverted. */
    public boolean anyInverted() {
        for (boolean i : inverted) {
            if (i) {
                return true;
            }
        }
        return false;
    }

    /** The bus gain stage: preamp plus static normalisation, dB. */
    public double busGainDb() {
        return preampDb + normalizeGainDb;
    }

    /** The trim for every output, dB. */
    public double[] trimPerOutput() {
        double[] trim = new double[outputs()];
        java.util.Arrays.fill(trim, trimDb);
        return trim;
    }

    /** The bus gain stage for every input, dB. */
    public double[] busGainPerInput() {
        double[] pre = new double[inputs()];
        java.util.Arrays.fill(pre, busGainDb());
        return pre;
    }

    /** Frames a fresh graph needs before its output is the steady programme: all its latency plus settling. */
    public int warmupFrames() {
        double maxDelayMs = 0;
        for (double d : delaysMs) {
            maxDelayMs = Math.max(maxDelayMs, d);
        }
        double lookaheadMs = limiter.map(LimiterParams::lookaheadMs).orElse(0.0)
                + (protection.isEmpty() ? 0 : PROTECTION_LOOKAHEAD_MS);
        return (int) Math.ceil((maxDelayMs + lookaheadMs + SETTLE_MS) * sampleRate / 1000.0);
    }
}
