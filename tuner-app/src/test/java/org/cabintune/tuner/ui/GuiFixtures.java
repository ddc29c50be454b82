package org.cabintune.tuner.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.correct.AutoEq;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.LogGrid;
import org.cabintune.tuner.measure.RewText;

/**
 * A calibration folder as {@code cabintune demo} writes it, made in a second from the virtual
 * sedan's true responses at the driver's head: a tweeter and a mid-woofer with LR4 crossovers at
 * 3.5 kHz (and 80 Hz), their EQ fitted by the auto-EQ to the shipped default target, the
 * profile, and the before curves. No after curves: nothing was played.
 */
public final class GuiFixtures {

    /** The CabinTune checkout, seen from the module's folder where tests run. */
    public static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    public static final Path TARGET = HOME.resolve("calibration/targets/car-default.txt");
    public static final Path SEDAN = HOME.resolve("calibration/cabins/sedan.yaml");
    static final int RATE = 48_000;

    private GuiFixtures() {
    }

    private static FilterSpec lr4(boolean high, double hz) {
        FilterSpec.Slope slope = new FilterSpec.Slope.Aligned(4, FilterSpec.Align.LINKWITZ_RILEY);
        return high ? new FilterSpec.HighPass(hz, slope) : new FilterSpec.LowPass(hz, slope);
    }

    /** Writes the folder into {@code dir} and returns it. */
    public static Path calibration(Path dir) throws IOException {
        VirtualCabin car = new VirtualCabin(CabinReader.read(SEDAN), RATE);
        HouseCurve target = HouseCurve.read(TARGET);
        double[] hz = LogGrid.of(20, 20_000, 48);
        Files.createDirectories(dir.resolve("measurements"));
        List<Output> outputs = new ArrayList<>();
        record Planned(String name, Output.Role role, List<FilterSpec> crossover, double low, double high,
                       OptionalDouble protect) {
        }
        for (Planned p : List.of(
                new Planned("front-left-tweeter", Output.Role.TWEETER, List.of(lr4(true, 3500)), 3500, 18_000,
                        OptionalDouble.of(2000)),
                new Planned("front-left-midwoofer", Output.Role.MIDWOOFER, List.of(lr4(true, 80), lr4(false, 3500)), 80,
                        3500, OptionalDouble.empty()))) {
            FrequencyResponse before = truth(car, p.name(), hz);
            RewText.write(dir.resolve("measurements").resolve(p.name() + "-before.txt"),
                    List.of("Virtual sedan, driver seat, true response"), before);
            AutoEq.Result fit = AutoEq.fit(new AutoEq.Problem(RATE, hz, new double[][] {before.db()}, null, target.on(hz),
                    p.low(), p.high(), p.crossover(), AutoEq.Limits.DEFAULT));
            List<FilterSpec> filters = new ArrayList<>(p.crossover());
            filters.addAll(fit.filters());
            outputs.add(new Output(p.name(), p.role(), Map.of("L", 1.0), filters, p.role() == Output.Role.TWEETER ? 0.2 : 0,
                    -6, false, new Output.Protect(p.protect(), 0)));
        }
        try {
            ProfileWriter.write(new Profile(Profile.FORMAT, "Fixture driver", RATE, List.of("L", "R"),
                    new Bus(-3, java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                            java.util.Optional.empty()), outputs), dir.resolve("profile.json"));
        } catch (org.cabintune.dsp.profile.ProfileException e) {
            throw new IOException(String.join("; ", e.problems()), e);
        }
        return dir;
    }

    /** A speaker's true response at the driver's head centre, with phase. */
    static FrequencyResponse truth(VirtualCabin car, String speaker, double[] hz) {
        double[] db = new double[hz.length];
        double[] phase = new double[hz.length];
        double[] delay = new double[hz.length];
        for (int i = 0; i < hz.length; i++) {
            double[] h = car.transfer(speaker, "driver", "center", hz[i]);
            db[i] = 10 * Math.log10(h[0] * h[0] + h[1] * h[1]);
            phase[i] = Math.toDegrees(Math.atan2(h[1], h[0]));
            delay[i] = Double.NaN;
        }
        return new FrequencyResponse(hz, db, phase, delay);
    }
}
