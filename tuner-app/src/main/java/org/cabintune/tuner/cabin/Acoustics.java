package org.cabintune.tuner.cabin;

import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.filter.BiquadCoefficients;
import org.cabintune.dsp.filter.CrossoverDesign;
import org.cabintune.dsp.filter.FilterDesign;
import org.cabintune.tuner.cabin.CabinSpec.Reflector;
import org.cabintune.tuner.cabin.CabinSpec.Speaker;
import org.cabintune.tuner.cabin.CabinSpec.Vec;

/**
 * The linear acoustics of one speaker heard at one point, in closed form: the speaker's own
 * response (level, Butterworth roll-offs, peaks, polarity), the direct path and first-order
 * reflections as pure delays with 1/r spreading, the cabin gain, and the axial modes coupled by
 * the positions of speaker and microphone. All filters are minimum-phase sections designed at
 * the simulation's sample rate, so the response is causal and evaluated exactly at any
 * frequency.
 */
final class Acoustics {

    /** Lowest and highest mode frequency modelled. */
    static final double MODES_FROM_HZ = 60;
    static final double MODES_TO_HZ = 300;

    private final double sampleRate;
    private final List<BiquadCoefficients> sections = new ArrayList<>();
    private final double[] delays;
    private final double[] gains;

    Acoustics(CabinSpec cabin, Speaker speaker, Vec mic, double sampleRate) {
        this.sampleRate = sampleRate;
        double nyquist = sampleRate / 2;
        sections.addAll(CrossoverDesign.butterworth(CrossoverDesign.Pass.HIGHPASS, speaker.highpassOrder(), sampleRate,
                speaker.highpassHz()));
        if (speaker.lowpassHz() > 0 && speaker.lowpassHz() < 0.45 * sampleRate) {
            sections.addAll(CrossoverDesign.butterworth(CrossoverDesign.Pass.LOWPASS, speaker.lowpassOrder(), sampleRate,
                    speaker.lowpassHz()));
        }
        for (CabinSpec.Peak p : speaker.peaks()) {
            if (p.freqHz() < 0.45 * sampleRate) {
                sections.add(FilterDesign.peaking(sampleRate, p.freqHz(), p.q(), p.gainDb()));
            }
        }
        sections.add(FilterDesign.lowShelf(sampleRate, cabin.cabinGain().cornerHz(), 0.707, cabin.cabinGain().gainDb()));
        for (double[] mode : modes(cabin, speaker.position(), mic)) {
            if (mode[0] < nyquist) {
                sections.add(FilterDesign.peaking(sampleRate, mode[0], cabin.modes().q(), mode[1]));
            }
        }
        List<double[]> paths = new ArrayList<>();
        double level = Math.pow(10, speaker.levelDb() / 20) * (speaker.inverted() ? -1 : 1);
        double direct = speaker.position().minus(mic).length();
        paths.add(new double[] {direct / cabin.speedOfSound(), level / Math.max(direct, 0.05)});
        for (Reflector r : cabin.reflectors()) {
            double[] path = reflection(r, speaker.position(), mic);
            if (path != null) {
                paths.add(new double[] {path[0] / cabin.speedOfSound(), level * r.coefficient() / path[0]});
            }
        }
        delays = new double[paths.size()];
        gains = new double[paths.size()];
        for (int i = 0; i < paths.size(); i++) {
            delays[i] = paths.get(i)[0];
            gains[i] = paths.get(i)[1];
        }
    }

    /** The complex response {re, im} at {@code hz}, plus an extra pure delay. */
    double[] response(double hz, double extraDelaySeconds) {
        double[] h = BiquadCoefficients.response(sections, hz, sampleRate);
        double re = 0;
        double im = 0;
        for (int i = 0; i < delays.length; i++) {
            double phi = -2 * Math.PI * hz * (delays[i] + extraDelaySeconds);
            re += gains[i] * Math.cos(phi);
            im += gains[i] * Math.sin(phi);
        }
        return new double[] {h[0] * re - h[1] * im, h[0] * im + h[1] * re};
    }

    /** {frequency, gainDb} of every axial mode between 60 and 300 Hz, coupled by the two positions. */
    static List<double[]> modes(CabinSpec cabin, Vec source, Vec receiver) {
        List<double[]> out = new ArrayList<>();
        Vec size = cabin.size();
        double[] lengths = {size.x(), size.y(), size.z()};
        double[] src = {source.x(), source.y() + size.y() / 2, source.z()};
        double[] rcv = {receiver.x(), receiver.y() + size.y() / 2, receiver.z()};
        for (int axis = 0; axis < 3; axis++) {
            for (int n = 1; ; n++) {
                double f = n * cabin.speedOfSound() / (2 * lengths[axis]);
                if (f > MODES_TO_HZ) {
                    break;
                }
                if (f < MODES_FROM_HZ) {
                    continue;
                }
                double coupling = Math.cos(n * Math.PI * src[axis] / lengths[axis])
                        * Math.cos(n * Math.PI * rcv[axis] / lengths[axis]);
                out.add(new double[] {f, cabin.modes().depthDb() * coupling});
            }
        }
        return out;
    }

    /** {path length} of the reflection of source off r heard at receiver, or null if it misses the surface. */
    static double[] reflection(Reflector r, Vec source, Vec receiver) {
        double ds = source.minus(r.point()).dot(r.normal());
        double dr = receiver.minus(r.point()).dot(r.normal());
        if (ds <= 0 || dr <= 0) {
            return null;
        }
        Vec image = source.minus(r.normal().times(2 * ds));
        // Where the path from the image to the receiver crosses the surface.
        double t = ds / (ds + dr);
        Vec hit = image.plus(receiver.minus(image).times(t));
        if (hit.z() < r.minZ()) {
            return null;
        }
        return new double[] {receiver.minus(image).length()};
    }
}
