package org.cabintune.tuner.design;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.tuner.measure.Arrival;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.Polarity;
import org.cabintune.tuner.measure.Smoothing;
import org.cabintune.tuner.measure.Transfer;

/**
 * One head-unit output as measured at one seat: what it is, how the board protects it, and its
 * responses at each microphone position around the head. All responses of all outputs share one
 * time zero (the timing reference), so arrival times compare between outputs.
 *
 * @param index          the output's channel (its place in the profile's outputs)
 * @param name           the output's name, e.g. {@code front-left-tweeter}
 * @param role           what kind of driver it is
 * @param side           what it plays of the stereo bus
 * @param rear           whether it is rear fill (it may sit a few dB down)
 * @param minHighpassHz  the board's protection minimum high-pass; required for a tweeter
 * @param ceilingDbtp    the board's ceiling for the output, -20 .. 0 dBTP
 * @param positions      the complex response at each microphone position (empty: not measured);
 *                       their grids may differ
 * @param noise          the noise floor seen through each position's window, same scale; empty when unknown
 * @param arrivalSeconds arrival after time zero at the first position ({@link Arrival}), NaN without a response
 * @param polarity       +1, -1 (wired inverted), or 0 when there is no response to tell
 */
public record OutputMeasurement(int index, String name, Role role, Side side, boolean rear,
                                OptionalDouble minHighpassHz, double ceilingDbtp, List<Transfer> positions,
                                List<Transfer> noise, double arrivalSeconds, int polarity) {

    /** Power below this (-300 dB) counts as nothing at all. */
    static final double SILENCE = 1e-30;

    /** Checks every field; messages name the output and the field. */
    public OutputMeasurement {
        Objects.requireNonNull(name, "name");
        String at = "outputs[" + name + "]";
        Objects.requireNonNull(role, at + ".role");
        Objects.requireNonNull(side, at + ".side");
        Objects.requireNonNull(minHighpassHz, at + ".minHighpassHz");
        ParamChecks.inRange(at + ".index", index, 0, ParamChecks.MAX_CHANNELS - 1, "");
        minHighpassHz.ifPresent(hz -> ParamChecks.inRange(at + ".minHighpassHz", hz, 10, 20_000, "Hz"));
        if (role == Role.TWEETER && minHighpassHz.isEmpty()) {
            throw new IllegalArgumentException(at + ".minHighpassHz is missing; a tweeter must have one, because a"
                    + " tweeter must never get bass");
        }
        ParamChecks.inRange(at + ".ceilingDbtp", ceilingDbtp, -20, 0, "dBTP");
        positions = List.copyOf(positions);
        noise = List.copyOf(noise);
        if (!noise.isEmpty() && noise.size() != positions.size()) {
            throw new IllegalArgumentException(at + ".noise has " + noise.size() + " entries; it must have one per"
                    + " position (" + positions.size() + ") or none");
        }
        if (polarity < -1 || polarity > 1) {
            throw new IllegalArgumentException(at + ".polarity = " + polarity + " must be -1, 0 or 1");
        }
    }

    /**
     * An output from its responses: side and rear from its name, arrival read at the first
     * position (by convention the head's centre), polarity by majority over the positions
     * (ties go to the first).
     */
    public static OutputMeasurement of(int index, String name, Role role, OptionalDouble minHighpassHz,
                                       double ceilingDbtp, List<Transfer> positions, List<Transfer> noise) {
        double arrival = Double.NaN;
        int polarity = 0;
        if (!positions.isEmpty() && peakPower(positions.get(0)) > SILENCE) {
            arrival = Arrival.of(positions.get(0));
            polarity = majority(positions.stream().mapToInt(t -> peakPower(t) > SILENCE ? Polarity.of(t) : 0)
                    .toArray());
        }
        return new OutputMeasurement(index, name, role, Side.fromName(name), Side.rearFromName(name), minHighpassHz,
                ceilingDbtp, positions, noise, arrival, polarity);
    }

    /**
     * An output from analysed sweeps at each position: their responses and noise floors, the
     * arrival the first one read ({@link Measurement#arrivalSeconds}, through the longest window
     * the noise allows) and the polarity most of them read.
     */
    public static OutputMeasurement fromMeasurements(int index, String name, Role role, OptionalDouble minHighpassHz,
                                                     double ceilingDbtp, List<Measurement> measurements) {
        List<Transfer> positions = measurements.stream().map(Measurement::transfer).toList();
        List<Transfer> noise = measurements.stream().map(Measurement::noise).toList();
        double arrival = measurements.isEmpty() ? Double.NaN : measurements.get(0).arrivalSeconds();
        int polarity = majority(measurements.stream().mapToInt(Measurement::polarity).toArray());
        return new OutputMeasurement(index, name, role, Side.fromName(name), Side.rearFromName(name), minHighpassHz,
                ceilingDbtp, positions, noise, arrival, polarity);
    }

    /** This output placed otherwise than its name says. */
    public OutputMeasurement withSide(Side newSide, boolean newRear) {
        return new OutputMeasurement(index, name, role, newSide, newRear, minHighpassHz, ceilingDbtp, positions, noise,
                arrivalSeconds, polarity);
    }

    /** True when there is any response to work with. */
    public boolean measured() {
        return !positions.isEmpty();
    }

    /** The response at the first position: the one time alignment is read at. */
    public Transfer reference() {
        return positions.get(0);
    }

    /**
     * The RMS average over the positions (the mean of |H|^2, no level alignment: the positions
     * are all at the head) smoothed onto {@code hz}, in dB. Each position is smoothed on its own
     * grid (recordings analysed apart may have transforms of different lengths) and the smoothed
     * powers are averaged, which is the same as smoothing the average.
     */
    public double[] averageDb(double[] hz, Smoothing smoothing) {
        return meanDb(positions, hz, smoothing);
    }

    /** The noise floor averaged the same way, or null when unknown. */
    public double[] noiseDb(double[] hz, Smoothing smoothing) {
        return noise.isEmpty() ? null : meanDb(noise, hz, smoothing);
    }

    /** The power mean of transfers smoothed onto {@code hz}, dB (at least -300). */
    public static double[] meanDb(List<Transfer> transfers, double[] hz, Smoothing smoothing) {
        double[] power = new double[hz.length];
        for (Transfer t : transfers) {
            double[] smoothed = smoothing.mean(t.power(), t.binHz(), hz);
            for (int i = 0; i < power.length; i++) {
                power[i] += smoothed[i] / transfers.size();
            }
        }
        double[] db = new double[hz.length];
        for (int i = 0; i < db.length; i++) {
            db[i] = 10 * Math.log10(Math.max(power[i], SILENCE));
        }
        return db;
    }

    private static double peakPower(Transfer t) {
        double peak = 0;
        for (double p : t.power()) {
            peak = Math.max(peak, p);
        }
        return peak;
    }

    /** The sign most entries have; a tie goes to the first entry. */
    private static int majority(int[] signs) {
        int sum = 0;
        for (int s : signs) {
            sum += s;
        }
        return sum != 0 ? Integer.signum(sum) : signs.length > 0 ? signs[0] : 0;
    }
}
