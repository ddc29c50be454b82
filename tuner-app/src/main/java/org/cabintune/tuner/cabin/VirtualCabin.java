package org.cabintune.tuner.cabin;

import java.util.List;
import java.util.Random;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.cabin.CabinSpec.Speaker;
import org.cabintune.tuner.cabin.CabinSpec.Vec;
import org.cabintune.tuner.measure.Fft;
import org.cabintune.tuner.measure.Arrival;
import org.cabintune.tuner.measure.Transfer;

/**
 * A car that plays any stimulus through chosen speakers and returns what a microphone at a
 * chosen seat and position would record, with the cabin's road noise, and the head unit's
 * latency and clock against the microphone's. It also tells the truth a measurement is judged
 * against: each speaker-to-microphone transfer function and impulse response, arrival time and
 * polarity.
 *
 * <p>Playing: each channel goes through its speaker's nonlinearity (if any) and then its
 * linear response ({@link Acoustics}) by FFT convolution at the stimulus's rate; the sum is
 * delayed by the latency and read by the microphone's clock (fast by the drift, started a
 * random time before playback) with a band-limited {@link Resampler}; noise is added last.
 * Everything random comes from the seed, so a recording can be replayed exactly.
 */
public final class VirtualCabin {

    /** Length of the true impulse responses: 20 time constants of the slowest mode (Q 30 at 60 Hz). */
    public static final double IMPULSE_SECONDS = 1.0;
    /** Silence the microphone keeps recording after the stimulus ends. */
    public static final double AFTER_SECONDS = 0.5;

    private final CabinSpec spec;
    private final int sampleRate;
    /** Impulse responses already computed, by speaker, microphone point and delay. */
    private final java.util.Map<String, double[]> impulses = new java.util.concurrent.ConcurrentHashMap<>();

    public VirtualCabin(CabinSpec spec, int sampleRate) {
        this.spec = spec;
        this.sampleRate = sampleRate;
    }

    public CabinSpec spec() {
        return spec;
    }

    /** The rate it plays and records at, Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** Where a microphone is: a seat's head centre plus a position's offset. */
    public Vec micPosition(String seat, String mic) {
        return spec.seat(seat).head().plus(spec.mic(mic).offset());
    }

    /** The true complex response {re, im} of speaker to microphone at {@code hz} (no latency). */
    public double[] transfer(String speaker, String seat, String mic, double hz) {
        return acoustics(speaker, seat, mic).response(hz, 0);
    }

    /** The true impulse response, sample 0 at the instant the speaker is driven (no latency). */
    public double[] impulse(String speaker, String seat, String mic) {
        return impulse(speaker, seat, mic, 0).clone();
    }

    private double[] impulse(String speaker, String seat, String mic, double delay) {
        return impulses.computeIfAbsent(speaker + "|" + seat + "|" + mic + "|" + delay,
                key -> impulse(acoustics(speaker, seat, mic), delay));
    }

    /**
     * Arrival time in seconds: the true response read by {@link Arrival}, exactly as a
     * measurement reads its own.
     */
    public double arrivalSeconds(String speaker, String seat, String mic) {
        int n = 1 << 17;
        return Arrival.of(transfer(speaker, seat, mic, (double) sampleRate / n, n / 2 + 1));
    }

    /** The true response on the grid k * binHz, k in [0, bins) (no latency): what a perfect measurement gives. */
    public Transfer transfer(String speaker, String seat, String mic, double binHz, int bins) {
        Acoustics a = acoustics(speaker, seat, mic);
        double[] re = new double[bins];
        double[] im = new double[bins];
        for (int k = 0; k < bins; k++) {
            double[] h = a.response(k * binHz, 0);
            re[k] = h[0];
            im[k] = h[1];
        }
        return new Transfer(binHz, re, im);
    }

    /** +1, or -1 for a speaker wired inverted: the polarity a measurement must find. */
    public int polarity(String speaker) {
        return spec.speaker(speaker).inverted() ? -1 : 1;
    }

    /**
     * The amplitudes of harmonics 1, 2, ... that the speaker's nonlinearity makes of a sine of
     * peak amplitude a at its input: y = x + a2 x^2 + a3 x^3 + ... expanded with the power
     * formulas sin^m = 2^(1-m) sum_k (-1)^(floor(m/2) - k) C(m, k) sin-or-cos((m - 2k) x)
     * (sines for odd m, cosines for even m, so each harmonic sums terms of one kind). Index
     * k - 1 holds harmonic k's magnitude.
     */
    public double[] harmonicAmplitudes(String speaker, double a, int harmonics) {
        Speaker s = spec.speaker(speaker);
        double[] out = new double[harmonics];
        int degree = s.nonlinearity().size() + 1;
        for (int m = 1; m <= degree; m++) {
            double coefficient = m == 1 ? 1 : s.nonlinearity().get(m - 2);
            for (int k = 0; 2 * k < m; k++) {
                int harmonic = m - 2 * k;
                if (harmonic <= harmonics) {
                    int sign = (m / 2 - k) % 2 == 0 ? 1 : -1;
                    out[harmonic - 1] += sign * coefficient * Math.pow(a, m) * binomial(m, k) / Math.pow(2, m - 1);
                }
            }
        }
        for (int k = 0; k < harmonics; k++) {
            out[k] = Math.abs(out[k]);
        }
        return out;
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }

    /**
     * What the microphone records.
     *
     * @param stimulus  the head unit's output channels, 1.0 = full scale
     * @param routes    which speaker plays which channel; a channel may drive several speakers and a speaker several channels
     * @param seat      seat name
     * @param mic       microphone position name
     * @param options   noise, drift and start (the cabin's own values unless overridden) and the seed
     */
    public double[] play(double[][] stimulus, List<Route> routes, String seat, String mic, PlayOptions options) {
        int frames = stimulus[0].length;
        Random random = new Random(options.seed());
        double latency = spec.clock().latencyMs() / 1000;
        int impulseFrames = (int) Math.round(IMPULSE_SECONDS * sampleRate);
        int outFrames = frames + impulseFrames;
        double[] sum = new double[outFrames];
        for (Route route : routes) {
            int channel = route.channel();
            if (channel < 0 || channel >= stimulus.length) {
                throw new IllegalArgumentException("channel " + channel + " is outside the stimulus's 0 .. "
                        + (stimulus.length - 1));
            }
            Speaker speaker = spec.speaker(route.speaker());
            double[] drive = nonlinear(stimulus[channel], speaker);
            double[] h = impulse(route.speaker(), seat, mic, latency);
            double[] y = convolve(drive, h, outFrames);
            for (int i = 0; i < outFrames; i++) {
                sum[i] += y[i];
            }
        }
        double drift = (options.driftPpm() != null ? options.driftPpm() : spec.clock().driftPpm()) * 1e-6;
        double start = options.startSeconds() != null ? options.startSeconds()
                : spec.clock().minStartSeconds()
                        + random.nextDouble() * (spec.clock().maxStartSeconds() - spec.clock().minStartSeconds());
        int micFrames = (int) Math.ceil((frames / (double) sampleRate + latency + AFTER_SECONDS + start)
                * sampleRate * (1 + drift));
        // Microphone sample n is taken at head-unit time n / (fs (1 + drift)) - start.
        double[] recorded = Resampler.resample(sum, 1 / (1 + drift), -start * sampleRate, micFrames);
        double noiseDbfs = options.noiseDbfs() != null ? options.noiseDbfs() : spec.noise().levelDbfs();
        double[] noise = roadNoise(micFrames, noiseDbfs, random);
        for (int i = 0; i < micFrames; i++) {
            recorded[i] += noise[i];
        }
        return recorded;
    }

    /**
     * The RMS level, dBFS, of a stimulus's sweep at the microphone: the stimulus played as routed
     * without noise, with the cabin's latency and the given drift (the cabin's own if null),
     * read over the sweep's span. What a signal-to-noise ratio is set against.
     */
    public double sweepDbfs(SweepSpec sweep, double[][] stimulus, List<Route> routes, String seat, String mic,
                            Double driftPpm) {
        double[] clean = play(stimulus, routes, seat, mic, new PlayOptions(-300.0, driftPpm, 0.0, 0));
        double drift = (driftPpm != null ? driftPpm : spec.clock().driftPpm()) * 1e-6;
        double latency = spec.clock().latencyMs() / 1000;
        int from = (int) Math.round((latency + sweep.layout().sweepStart() / (double) sampleRate) * sampleRate
                * (1 + drift));
        int to = Math.min(clean.length, from + (int) Math.round(sweep.sweepFrames() * (1 + drift)));
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += clean[i] * clean[i];
        }
        return 10 * Math.log10(sum / (to - from));
    }

    /** A speaker playing one channel of the stimulus. */
    public record Route(String speaker, int channel) {
    }

    /**
     * Choices for {@link #play}: null keeps the cabin's own value.
     *
     * @param noiseDbfs    road noise RMS at the microphone
     * @param driftPpm     how fast the microphone's clock runs
     * @param startSeconds how long before playback the microphone starts
     * @param seed         seed of everything random
     */
    public record PlayOptions(Double noiseDbfs, Double driftPpm, Double startSeconds, long seed) {
        /** The cabin as described, with a seed. */
        public static PlayOptions seeded(long seed) {
            return new PlayOptions(null, null, null, seed);
        }
    }

    private Acoustics acoustics(String speaker, String seat, String mic) {
        return new Acoustics(spec, spec.speaker(speaker), micPosition(seat, mic), sampleRate);
    }

    private double[] impulse(Acoustics a, double delay) {
        int frames = (int) Math.round(IMPULSE_SECONDS * sampleRate);
        int n = Fft.goodSize(2 * frames);
        double[] packed = new double[n];
        for (int k = 0; k <= n / 2; k++) {
            double[] h = a.response(k * (double) sampleRate / n, delay);
            Fft.set(packed, k, h[0], h[1]);
        }
        Fft.inverse(packed);
        return java.util.Arrays.copyOf(packed, frames);
    }

    private static double[] nonlinear(double[] x, Speaker s) {
        if (s.nonlinearity().isEmpty()) {
            return x;
        }
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = x[i];
            double power = v;
            double sum = v;
            for (double c : s.nonlinearity()) {
                power *= v;
                sum += c * power;
            }
            y[i] = sum;
        }
        return y;
    }

    private static double[] convolve(double[] x, double[] h, int frames) {
        int n = Fft.goodSize(x.length + h.length);
        double[] a = Fft.forward(x, n);
        double[] b = Fft.forward(h, n);
        for (int k = 0; k <= n / 2; k++) {
            double re = Fft.re(a, k) * Fft.re(b, k) - Fft.im(a, k) * Fft.im(b, k);
            double im = Fft.re(a, k) * Fft.im(b, k) + Fft.im(a, k) * Fft.re(b, k);
            Fft.set(a, k, re, im);
        }
        Fft.inverse(a);
        return java.util.Arrays.copyOf(a, frames);
    }

    /** Gaussian noise through a first-order low-pass at the cabin's corner, scaled to an RMS level. */
    private double[] roadNoise(int frames, double levelDbfs, Random random) {
        double[] x = new double[frames];
        if (levelDbfs <= -200) {
            return x;
        }
        double a = Math.exp(-2 * Math.PI * spec.noise().cornerHz() / sampleRate);
        double state = 0;
        double sumSquares = 0;
        for (int i = 0; i < frames; i++) {
            state = a * state + (1 - a) * random.nextGaussian();
            x[i] = state;
            sumSquares += state * state;
        }
        double scale = Math.pow(10, levelDbfs / 20) / Math.sqrt(sumSquares / frames);
        for (int i = 0; i < frames; i++) {
            x[i] *= scale;
        }
        return x;
    }
}
