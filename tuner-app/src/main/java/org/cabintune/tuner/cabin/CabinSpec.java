package org.cabintune.tuner.cabin;

import java.util.List;
import org.cabintune.dsp.ParamChecks;

/**
 * A virtual car as read from {@code calibration/cabins/*.yaml} ({@code docs/virtual-cabin.md}
 * describes every field). Coordinates are metres: x forward from the rear of the cabin, y to the
 * left from the centre line, z up from the floor.
 *
 * @param format        {@value #FORMAT}
 * @param name          short name
 * @param description   one line for people
 * @param size          interior length, width, height (the box the axial modes come from)
 * @param speedOfSound  m/s
 * @param cabinGain     the low-frequency lift of a small closed cabin
 * @param modes         how strongly the axial modes between 60 and 300 Hz show
 * @param reflectors    glass and other surfaces that give early reflections
 * @param speakers      the speakers
 * @param seats         listening positions (head centres)
 * @param mics          microphone positions around a head, as offsets from its centre
 * @param noise         background road noise at the microphone
 * @param clock         the head unit's clock and latency against the microphone's
 */
public record CabinSpec(String format, String name, String description, Vec size, double speedOfSound,
                        CabinGain cabinGain, Modes modes, List<Reflector> reflectors, List<Speaker> speakers,
                        List<Seat> seats, List<Mic> mics, Noise noise, Clock clock) {

    /** The format tag. */
    public static final String FORMAT = "cabintune.cabin/1";

    /** Checks every field; messages name the field and its allowed range. */
    public CabinSpec {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("format = " + format + " must be " + FORMAT);
        }
        require(name, "name");
        require(size, "size");
        ParamChecks.inRange("size.x", size.x(), 1, 6, "m");
        ParamChecks.inRange("size.y", size.y(), 1, 3, "m");
        ParamChecks.inRange("size.z", size.z(), 0.8, 2.5, "m");
        ParamChecks.inRange("speedOfSound", speedOfSound, 300, 360, "m/s");
        require(cabinGain, "cabinGain");
        require(modes, "modes");
        reflectors = reflectors == null ? List.of() : List.copyOf(reflectors);
        speakers = ParamChecks.channelList("speakers", speakers);
        seats = ParamChecks.channelList("seats", seats);
        mics = ParamChecks.channelList("mics", mics);
        require(noise, "noise");
        require(clock, "clock");
        for (Speaker s : speakers) {
            inside("speakers[" + s.name() + "].position", s.position(), size);
        }
        for (Seat s : seats) {
            inside("seats[" + s.name() + "].head", s.head(), size);
        }
        unique("speakers", speakers.stream().map(Speaker::name).toList());
        unique("seats", seats.stream().map(Seat::name).toList());
        unique("mics", mics.stream().map(Mic::name).toList());
    }

    /** The speaker called {@code name}; the message lists the names there are. */
    public Speaker speaker(String name) {
        return speakers.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no speaker '" + name + "' in cabin " + this.name + "; speakers: "
                        + speakers.stream().map(Speaker::name).toList()));
    }

    /** The seat called {@code name}. */
    public Seat seat(String name) {
        return seats.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no seat '" + name + "' in cabin " + this.name + "; seats: "
                        + seats.stream().map(Seat::name).toList()));
    }

    /** The microphone position called {@code name}. */
    public Mic mic(String name) {
        return mics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no mic position '" + name + "' in cabin " + this.name + "; mics: "
                        + mics.stream().map(Mic::name).toList()));
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    private static void inside(String field, Vec p, Vec size) {
        require(p, field);
        ParamChecks.inRange(field + ".x", p.x(), 0, size.x(), "m");
        ParamChecks.inRange(field + ".y", p.y(), -size.y() / 2, size.y() / 2, "m");
        ParamChecks.inRange(field + ".z", p.z(), 0, size.z(), "m");
    }

    private static void unique(String field, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (names.indexOf(names.get(i)) != i) {
                throw new IllegalArgumentException(field + "[" + i + "].name = " + names.get(i) + " is used twice");
            }
        }
    }

    /** A point or offset in metres. */
    public record Vec(double x, double y, double z) {
        Vec minus(Vec o) {
            return new Vec(x - o.x, y - o.y, z - o.z);
        }

        Vec plus(Vec o) {
            return new Vec(x + o.x, y + o.y, z + o.z);
        }

        Vec times(double k) {
            return new Vec(x * k, y * k, z * k);
        }

        double dot(Vec o) {
            return x * o.x + y * o.y + z * o.z;
        }

        double length() {
            return Math.sqrt(dot(this));
        }
    }

    /**
     * The cabin's pressure-vessel lift: an RBJ low shelf of {@code gainDb} at {@code cornerHz}.
     *
     * @param cornerHz where the lift is half done, 20 .. 120 Hz
     * @param gainDb   the lift at the bottom, 0 .. 20 dB
     */
    public record CabinGain(double cornerHz, double gainDb) {
        public CabinGain {
            ParamChecks.inRange("cabinGain.cornerHz", cornerHz, 20, 120, "Hz");
            ParamChecks.inRange("cabinGain.gainDb", gainDb, 0, 20, "dB");
        }
    }

    /**
     * The axial modes of the interior box (f = n c / 2L along each axis) between 60 and 300 Hz,
     * each a peaking section whose gain is {@code depthDb} times the product of the mode's shape
     * (cos(n pi x / L)) at speaker and microphone: a peak where both sit near the same pressure
     * maximum, a dip where they sit on opposite lobes.
     *
     * @param q       quality factor of every mode, 1 .. 30
     * @param depthDb the largest peak or dip, 0 .. 20 dB
     */
    public record Modes(double q, double depthDb) {
        public Modes {
            ParamChecks.inRange("modes.q", q, 1, 30, "");
            ParamChecks.inRange("modes.depthDb", depthDb, 0, 20, "dB");
        }
    }

    /**
     * A flat reflecting surface (first-order image source): through {@code point}, facing
     * {@code normal}, reflecting {@code coefficient} of the pressure, and only where the
     * reflection point is at least {@code minZ} high (glass starts at the belt line).
     */
    public record Reflector(String name, Vec point, Vec normal, double coefficient, double minZ) {
        public Reflector {
            require(name, "reflectors[].name");
            require(point, "reflectors[" + name + "].point");
            require(normal, "reflectors[" + name + "].normal");
            if (normal.length() < 1e-6) {
                throw new IllegalArgumentException("reflectors[" + name + "].normal must not be zero");
            }
            normal = normal.times(1 / normal.length());
            ParamChecks.inRange("reflectors[" + name + "].coefficient", coefficient, 0, 1, "");
        }
    }

    /**
     * A speaker.
     *
     * @param name          unique name, e.g. {@code front-left-tweeter}
     * @param role          tweeter, midwoofer, coaxial, subwoofer, midrange (informational)
     * @param position      where it is
     * @param levelDb       level at 1 m for a full-scale input, dBFS at the microphone
     * @param highpassHz    the driver's low-frequency roll-off (Butterworth), 10 .. 5000 Hz
     * @param highpassOrder 1 .. 4
     * @param lowpassHz     its high-frequency roll-off (Butterworth), 50 .. 40000 Hz (0 for none)
     * @param lowpassOrder  1 .. 4
     * @param peaks         response irregularities, peaking sections
     * @param inverted      wired with inverted polarity
     * @param nonlinearity  polynomial coefficients a2, a3, ... of y = x + a2 x^2 + a3 x^3 + ... (empty for linear)
     */
    public record Speaker(String name, String role, Vec position, double levelDb, double highpassHz, int highpassOrder,
                          double lowpassHz, int lowpassOrder, List<Peak> peaks, boolean inverted,
                          List<Double> nonlinearity) {
        public Speaker {
            require(name, "speakers[].name");
            String f = "speakers[" + name + "].";
            ParamChecks.inRange(f + "levelDb", levelDb, -60, 20, "dB");
            ParamChecks.inRange(f + "highpassHz", highpassHz, 10, 5000, "Hz");
            ParamChecks.inRange(f + "highpassOrder", highpassOrder, 1, 4, "");
            if (lowpassHz != 0) {
                ParamChecks.inRange(f + "lowpassHz", lowpassHz, 50, 40_000, "Hz");
                ParamChecks.inRange(f + "lowpassOrder", lowpassOrder, 1, 4, "");
            }
            peaks = peaks == null ? List.of() : List.copyOf(peaks);
            nonlinearity = nonlinearity == null ? List.of() : List.copyOf(nonlinearity);
            for (int i = 0; i < nonlinearity.size(); i++) {
                ParamChecks.inRange(f + "nonlinearity[" + i + "]", nonlinearity.get(i), -10, 10, "");
            }
        }
    }

    /** A peaking section: centre, Q, gain. */
    public record Peak(double freqHz, double q, double gainDb) {
        public Peak {
            ParamChecks.inRange("peaks[].freqHz", freqHz, 10, 40_000, "Hz");
            ParamChecks.inRange("peaks[].q", q, 0.1, 30, "");
            ParamChecks.inRange("peaks[].gainDb", gainDb, -30, 30, "dB");
        }
    }

    /** A listening position: the centre of a head. */
    public record Seat(String name, Vec head) {
        public Seat {
            require(name, "seats[].name");
        }
    }

    /** A microphone position around a head, as an offset from its centre. */
    public record Mic(String name, Vec offset) {
        public Mic {
            require(name, "mics[].name");
            require(offset, "mics[" + name + "].offset");
            ParamChecks.inRange("mics[" + name + "].offset length", offset.length(), 0, 0.5, "m");
        }
    }

    /**
     * Road noise at the microphone: Gaussian noise through a first-order low-pass at
     * {@code cornerHz} (6 dB per octave above it, as tyre and engine noise fall), scaled to
     * {@code levelDbfs} RMS.
     */
    public record Noise(double levelDbfs, double cornerHz) {
        public Noise {
            ParamChecks.inRange("noise.levelDbfs", levelDbfs, -200, 0, "dBFS");
            ParamChecks.inRange("noise.cornerHz", cornerHz, 10, 20_000, "Hz");
        }
    }

    /**
     * The head unit's clock against the microphone's: the microphone runs {@code driftPpm}
     * fast, the head unit's output lags its input by {@code latencyMs}, and the microphone
     * starts recording a random {@code minStartSeconds .. maxStartSeconds} before playback.
     */
    public record Clock(double driftPpm, double latencyMs, double minStartSeconds, double maxStartSeconds) {
        public Clock {
            ParamChecks.inRange("clock.driftPpm", driftPpm, -500, 500, "ppm");
            ParamChecks.inRange("clock.latencyMs", latencyMs, 0, 200, "ms");
            ParamChecks.inRange("clock.minStartSeconds", minStartSeconds, 0, 10, "s");
            ParamChecks.inRange("clock.maxStartSeconds", maxStartSeconds, minStartSeconds, 10, "s");
        }
    }
}
