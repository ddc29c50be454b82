package org.cabintune.tuner.design;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.graph.ProcessingGraph;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Output.Role;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.measure.Fft;
import org.cabintune.tuner.measure.Measurement;
import org.cabintune.tuner.measure.SweepAnalyzer;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.Transfer;

/**
 * A virtual car wired like the simulator board (board-configs/simulator.yaml): two tweeters,
 * two mid-woofers, two rear coaxials, and two subwoofer channels of which only the first has a
 * subwoofer on it; and what the head unit makes of a profile for it, as impulse responses of
 * the compiled fixed-point graph.
 */
final class CabinSystem {

    static final int RATE = 48_000;
    /**
     * Grid of the truth responses: 16384-point transforms, 2.9 Hz bins, 0.34 s of response (the
     * slowest decay, a Q 8 mode at 60 Hz, is 70 dB down by then).
     */
    static final int FFT = 1 << 14;
    static final String SEAT = "driver";
    /** The speaker that plays the timing marker. */
    static final String REFERENCE = "front-left-tweeter";

    /** A board output: the cabin speaker on it (null: nothing connected), name, role and protection. */
    record Channel(String speaker, String name, Role role, double minHighpassHz, double ceilingDbtp) {
    }

    /** The simulator board's outputs, on the cabins' speakers. */
    static final List<Channel> BOARD = List.of(
            new Channel("front-left-tweeter", "front-left-tweeter", Role.TWEETER, 2000, -1),
            new Channel("front-right-tweeter", "front-right-tweeter", Role.TWEETER, 2000, -1),
            new Channel("front-left-midwoofer", "front-left-midwoofer", Role.MIDWOOFER, 50, -1),
            new Channel("front-right-midwoofer", "front-right-midwoofer", Role.MIDWOOFER, 50, -1),
            new Channel("rear-left-coaxial", "rear-left-coaxial", Role.COAXIAL, 60, -2),
            new Channel("rear-right-coaxial", "rear-right-coaxial", Role.COAXIAL, 60, -2),
            new Channel("subwoofer", "subwoofer-1", Role.SUBWOOFER, 20, -1.5),
            new Channel(null, "subwoofer-2", Role.SUBWOOFER, 20, -1.5));

    private CabinSystem() {
    }

    static VirtualCabin car(String name) throws IOException {
        CabinSpec spec = CabinReader.read(Path.of("..", "calibration", "cabins", name + ".yaml"));
        return new VirtualCabin(spec, RATE);
    }

    /** The plan's grid: 20 Hz - 20 kHz, 24 points per octave. */
    static double[] grid() {
        return LogGrid.of(20, 20_000, 24);
    }

    /**
     * A house curve: a bass lift of 8 dB below about 80 Hz (second-order shelf shape) and a
     * treble tilt of -1 dB per octave above 1 kHz.
     */
    static double[] target(double[] hz) {
        double[] db = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            double f = hz[i];
            db[i] = 10 * Math.log10(1 + Math.pow(10, 0.8) / (1 + Math.pow(f / 80, 4)))
                    - Math.max(0, Math.log(f / 1000) / Math.log(2));
        }
        return db;
    }

    /** Every board output measured perfectly: the cabin's true responses at each microphone position. */
    static List<OutputMeasurement> truth(VirtualCabin car) {
        List<OutputMeasurement> outputs = new ArrayList<>();
        double bin = (double) RATE / FFT;
        for (int i = 0; i < BOARD.size(); i++) {
            Channel c = BOARD.get(i);
            List<Transfer> positions = new ArrayList<>();
            for (CabinSpec.Mic mic : car.spec().mics()) {
                positions.add(c.speaker() == null ? new Transfer(bin, new double[FFT / 2 + 1], new double[FFT / 2 + 1])
                        : car.transfer(c.speaker(), SEAT, mic.name(), bin, FFT / 2 + 1));
            }
            outputs.add(OutputMeasurement.of(i, c.name(), c.role(), OptionalDouble.of(c.minHighpassHz()),
                    c.ceilingDbtp(), positions, List.of()));
        }
        return outputs;
    }

    /**
     * Every board output measured as the tuner does: for each microphone position a recording
     * of the sweep (timing marker on the front-left tweeter, sweep on the output's speaker; an
     * output with nothing connected records the marker and the road noise only), with the
     * cabin's own noise, clock drift and a random start, analysed by {@link SweepAnalyzer}.
     */
    static List<OutputMeasurement> measured(VirtualCabin car, List<String> mics, long seed) {
        SweepSpec sweep = new SweepSpec(RATE, 10, 22_800, 1, -12, true);
        double[][] stimulus = new SweepGenerator(sweep).render();
        SweepAnalyzer analyzer = new SweepAnalyzer(sweep, 1);
        List<OutputMeasurement> outputs = new ArrayList<>();
        long next = seed;
        for (int i = 0; i < BOARD.size(); i++) {
            Channel c = BOARD.get(i);
            List<VirtualCabin.Route> routes = new ArrayList<>(List.of(new VirtualCabin.Route(REFERENCE, 0)));
            if (c.speaker() != null) {
                routes.add(new VirtualCabin.Route(c.speaker(), 1));
            }
            List<Measurement> measurements = new ArrayList<>();
            for (String mic : mics) {
                double[] recording = car.play(stimulus, routes, SEAT, mic, VirtualCabin.PlayOptions.seeded(next++));
                measurements.add(analyzer.analyze(recording));
            }
            outputs.add(OutputMeasurement.fromMeasurements(i, c.name(), c.role(), OptionalDouble.of(c.minHighpassHz()),
                    c.ceilingDbtp(), measurements));
        }
        return outputs;
    }

    /** The profile of a plan's outputs, validated as the head unit would. */
    static Profile profile(List<Output> outputs) throws ProfileException {
        Profile p = new Profile(Profile.FORMAT, "System plan", RATE, List.of("L", "R"), Bus.OFF, outputs);
        ProfileValidator.validate(p);
        return p;
    }

    /**
     * Each output's impulse response as the head unit realises it: an impulse on both inputs
     * through the compiled fixed-point graph (mix, filters, delay, level, polarity, protection).
     * The protection limiters' look-ahead delays all outputs alike.
     */
    static double[][] impulses(Profile profile) {
        ProcessingGraph graph = GraphCompiler.compile(profile, 4096);
        double amplitude = 1.0 / 64;
        int outputs = graph.outputs();
        double[][] ir = new double[outputs][FFT];
        int[][] in = new int[2][4096];
        int[][] out = new int[outputs][4096];
        for (int at = 0; at < FFT; at += 4096) {
            // One impulse at the start; the rest is the response ringing out.
            in[0][0] = at == 0 ? Q824.fromDouble(amplitude) : 0;
            in[1][0] = in[0][0];
            graph.process(in, out, 4096);
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < 4096; i++) {
                    ir[o][at + i] = Q824.toDouble(out[o][i]) / amplitude;
                }
            }
        }
        return ir;
    }

    /** {@link #impulses} as transfers on the truth grid. */
    static Transfer[] realised(Profile profile) {
        double[][] ir = impulses(profile);
        Transfer[] t = new Transfer[ir.length];
        for (int o = 0; o < ir.length; o++) {
            double[] packed = Fft.forward(ir[o], FFT);
            double[] re = new double[FFT / 2 + 1];
            double[] im = new double[FFT / 2 + 1];
            for (int k = 0; k < re.length; k++) {
                re[k] = Fft.re(packed, k);
                im[k] = Fft.im(packed, k);
            }
            t[o] = new Transfer((double) RATE / FFT, re, im);
        }
        return t;
    }

    /** The spectrum {re, im} of an impulse response at any frequency (a direct transform). */
    static double[] at(double[] ir, double hz) {
        double re = 0;
        double im = 0;
        double step = -2 * Math.PI * hz / RATE;
        for (int block = 0; block < ir.length; block += 1024) {
            // The phasor e^{j step n} by rotation, restarted exactly every block.
            double c = Math.cos(step * block);
            double s = Math.sin(step * block);
            double dc = Math.cos(step);
            double ds = Math.sin(step);
            for (int n = block; n < Math.min(ir.length, block + 1024); n++) {
                re += ir[n] * c;
                im += ir[n] * s;
                double t = c * dc - s * ds;
                s = c * ds + s * dc;
                c = t;
            }
        }
        return new double[] {re, im};
    }

    /** a times b, bin by bin (b on the same grid). */
    static Transfer times(Transfer a, Transfer b) {
        double[] re = new double[a.bins()];
        double[] im = new double[a.bins()];
        for (int k = 0; k < re.length; k++) {
            re[k] = a.re()[k] * b.re()[k] - a.im()[k] * b.im()[k];
            im[k] = a.re()[k] * b.im()[k] + a.im()[k] * b.re()[k];
        }
        return new Transfer(a.binHz(), re, im);
    }
}
