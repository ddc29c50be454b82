package org.cabintune.tuner.design;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.tuner.measure.Arrival;
import org.cabintune.tuner.measure.Transfer;

/**
 * Delays that make predicted arrivals meet. An output's predicted arrival is {@link Arrival}
 * of its response at the seat times what the head unit realises for its filters and delay
 * ({@link Realized}): crossovers move the arrival (a 4th-order high-pass at 70 Hz by a few
 * tenths of a millisecond), and a fractional delay is not a pure delay.
 *
 * <p>The head unit delays D samples by M = floor(D - 1/2) whole samples and a first-order
 * all-pass for the rest, d = D - M in [0.5, 1.5) ({@code org.cabintune.dsp.delay.Delay}). The
 * all-pass's phase delay falls short of d at high frequencies (by 0.19 samples at 10 kHz), so a
 * tweeter's arrival moves by less than D across one segment [n + 1/2, n + 3/2) and jumps
 * when M steps up (by up to 0.6 samples at 48 kHz): the arrivals one output can reach are
 * intervals with gaps between them. So the common arrival is chosen, within one sample period
 * after the latest undelayed output, where the farthest output's reachable arrivals come
 * nearest (on a {@value #TARGET_STEPS}-step grid over the period); then each output's delay is
 * found in its segment by regula falsi (Illinois) to {@value #TOLERANCE_SECONDS} s, or is the
 * segment's nearer end when the target lies in one of its gaps. Every delay is 0 or at least
 * half a sample, so adding whole samples to all of them moves every predicted arrival by
 * exactly that much.
 */
final class TimeAlignment {

    /** Close enough: a hundredth of a microsecond. */
    static final double TOLERANCE_SECONDS = 1e-8;
    /** Candidate common arrivals per sample period (0.05 us at 48 kHz). */
    static final int TARGET_STEPS = 400;
    private static final int MAX_STEPS = 40;
    /** The most a fractional delay's arrival falls short of it, samples (0.6 for a tweeter at 48 kHz), with room. */
    private static final double SHORTFALL = 1.0;
    /**
     * How far inside a segment its ends are taken, samples: far more than the rounding of a
     * delay through milliseconds (1e-13), so a delay at an end stays in its segment.
     */
    private static final double EDGE = 1e-7;

    /**
     * Delays that bring outputs together.
     *
     * @param delaysMs     per output
     * @param arrivals     each one's predicted arrival with its delay
     * @param targetSeconds the common arrival aimed at
     */
    record Result(double[] delaysMs, double[] arrivals, double targetSeconds) {
    }

    private TimeAlignment() {
    }

    /** The predicted arrival of a response already through its filters, delayed by {@code delayMs}. */
    static double arrival(Transfer filtered, double delayMs, int sampleRate) {
        if (delayMs == 0) {
            return Arrival.of(filtered);
        }
        return Arrival.of(new Realized(List.of(), delayMs, 1, sampleRate).applied(filtered));
    }

    /**
     * Delays for responses already through their filters, whose undelayed arrivals are
     * {@code undelayed}, so they arrive together no earlier than {@code fromSeconds}.
     */
    static Result align(List<Transfer> filtered, double[] undelayed, double fromSeconds, int sampleRate) {
        int n = filtered.size();
        double period = 1.0 / sampleRate;
        List<List<Segment>> reach = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reach.add(segments(filtered.get(i), undelayed[i], fromSeconds, fromSeconds + period, sampleRate));
        }
        double target = fromSeconds;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= TARGET_STEPS; k++) {
            double t = fromSeconds + k * period / TARGET_STEPS;
            double cost = 0;
            for (List<Segment> r : reach) {
                cost = Math.max(cost, distance(r, t));
            }
            if (cost < bestCost) {
                bestCost = cost;
                target = t;
            }
        }
        double[] delays = new double[n];
        double[] arrivals = new double[n];
        for (int i = 0; i < n; i++) {
            Segment nearest = reach.get(i).get(0);
            for (Segment s : reach.get(i)) {
                if (s.distance(target) < nearest.distance(target)) {
                    nearest = s;
                }
            }
            double[] solved = solve(filtered.get(i), nearest, target, sampleRate);
            delays[i] = solved[0] * 1000 / sampleRate;
            arrivals[i] = solved[1];
        }
        return new Result(delays, arrivals, target);
    }

    /**
     * One whole part of the delay: delays [lo, hi] samples reach arrivals [arrivalLo, arrivalHi].
     */
    private record Segment(double lo, double hi, double arrivalLo, double arrivalHi) {
        double distance(double t) {
            double low = Math.min(arrivalLo, arrivalHi);
            double high = Math.max(arrivalLo, arrivalHi);
            return t < low ? low - t : t > high ? t - high : 0;
        }
    }

    /**
     * The segments whose arrivals may fall in [from, to]: a delay of D samples arrives between
     * D and D - {@value #SHORTFALL} samples after the undelayed arrival. Delays between 0 and
     * half a sample are left out (no delay at all stays): there the head unit's all-pass has
     * its pole near -1 and another form than above, so adding whole samples to such a delay
     * would not move its arrival by exactly that much.
     */
    private static List<Segment> segments(Transfer filtered, double undelayed, double from, double to, int sampleRate) {
        double first = Math.max(0, (from - undelayed) * sampleRate);
        double last = Math.max(0, (to - undelayed) * sampleRate + SHORTFALL);
        List<Segment> segments = new ArrayList<>();
        if (first < 0.5) {
            double a = arrivalAt(filtered, 0, sampleRate);
            segments.add(new Segment(0, 0, a, a));
        }
        for (int m = Math.max(0, (int) Math.floor(first - 0.5)); m <= (int) Math.floor(last - 0.5); m++) {
            double lo = m + 0.5 + EDGE;
            double hi = m + 1.5 - EDGE;
            segments.add(new Segment(lo, hi, arrivalAt(filtered, lo, sampleRate), arrivalAt(filtered, hi, sampleRate)));
        }
        return segments;
    }

    private static double distance(List<Segment> segments, double t) {
        double d = Double.POSITIVE_INFINITY;
        for (Segment s : segments) {
            d = Math.min(d, s.distance(t));
        }
        return d;
    }

    /**
     * {delay in samples, its arrival}: within segment s, the one whose arrival is nearest t,
     * by regula falsi with the Illinois halving.
     */
    private static double[] solve(Transfer filtered, Segment s, double t, int sampleRate) {
        double lo = s.lo();
        double hi = s.hi();
        double eLo = s.arrivalLo() - t;
        double eHi = s.arrivalHi() - t;
        double[] best = Math.abs(eLo) <= Math.abs(eHi) ? new double[] {lo, s.arrivalLo()}
                : new double[] {hi, s.arrivalHi()};
        if (eLo >= 0 || eHi <= 0) {
            return best;
        }
        int side = 0;
        for (int step = 0; step < MAX_STEPS && Math.abs(best[1] - t) > TOLERANCE_SECONDS; step++) {
            double x = lo - eLo * (hi - lo) / (eHi - eLo);
            double a = arrivalAt(filtered, x, sampleRate);
            double e = a - t;
            if (Math.abs(e) < Math.abs(best[1] - t)) {
                best = new double[] {x, a};
            }
            if (e < 0) {
                lo = x;
                eLo = e;
                if (side == -1) {
                    eHi /= 2;
                }
                side = -1;
            } else {
                hi = x;
                eHi = e;
                if (side == 1) {
                    eLo /= 2;
                }
                side = 1;
            }
        }
        return best;
    }

    private static double arrivalAt(Transfer filtered, double samples, int sampleRate) {
        return arrival(filtered, samples * 1000 / sampleRate, sampleRate);
    }
}
