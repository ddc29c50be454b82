package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;

/**
 * A virtual car as the calibration's microphone: the head unit's DAC outputs, read from the
 * recording the unit is writing, are wired to the cabin's speakers and played through the cabin
 * to every microphone position around the chosen seat at once, with the cabin's road noise, the
 * microphone's own clock and an unknown start. Each take gets a fresh noise seed. Held by hand
 * ({@link #handHeld}), it hears one position per take, as a real microphone moved between takes.
 */
public final class VirtualCar implements Microphone {

    /** How long the unit may take to start its recording. */
    private static final long OPEN_MILLIS = 30_000;

    private final VirtualCabin cabin;
    private final DacOpener opener;
    private final String seat;
    private final List<String> mics;
    private final List<VirtualCabin.Route> routes;
    private final List<String> wiring;
    private final boolean handHeld;
    private Dac tap;
    private int take;
    private long from = -1;
    private long seed;

    /**
     * @param cabin      the car
     * @param sampleRate the unit's rate
     * @param outputs    the unit's outputs in DAC order, by speaker name
     * @param recording  the WAV file the unit writes ({@code cabintune-hu run --sink wav:FILE})
     * @param seat       the seat the microphone is at
     * @param positions  how many of the cabin's microphone positions to record (1..all)
     * @param seed       the first seed of the road noise and the microphone's start
     */
    public VirtualCar(CabinSpec cabin, int sampleRate, List<String> outputs, Path recording, String seat, int positions,
                      long seed) {
        this(cabin, sampleRate, outputs, () -> DacTap.open(recording, OPEN_MILLIS), seat, positions, seed, false);
    }

    /** A car listening to a unit running in this process ({@link RenderedUnit}). */
    public VirtualCar(CabinSpec cabin, RenderedUnit unit, String seat, int positions, long seed) {
        this(cabin, unit.sampleRate(), unit.outputs(), () -> unit, seat, positions, seed, false);
    }

    /** A car listening to a unit running in this process, heard one position per take. */
    public static VirtualCar handHeld(CabinSpec cabin, RenderedUnit unit, String seat, int positions, long seed) {
        return new VirtualCar(cabin, unit.sampleRate(), unit.outputs(), () -> unit, seat, positions, seed, true);
    }

    /** A car listening to a unit's DAC recording, heard one position per take. */
    public static VirtualCar handHeld(CabinSpec cabin, int sampleRate, List<String> outputs, Path recording, String seat,
                                      int positions, long seed) {
        return new VirtualCar(cabin, sampleRate, outputs, () -> DacTap.open(recording, OPEN_MILLIS), seat, positions,
                seed, true);
    }

    /** Opens what the unit sends its DAC, when the first take starts. */
    interface DacOpener {
        Dac open() throws IOException;
    }

    private VirtualCar(CabinSpec cabin, int sampleRate, List<String> outputs, DacOpener opener, String seat, int positions,
                       long seed, boolean handHeld) {
        this.cabin = new VirtualCabin(cabin, sampleRate);
        this.handHeld = handHeld;
        this.opener = opener;
        cabin.seat(seat);
        this.seat = seat;
        if (positions < 1 || positions > cabin.mics().size()) {
            throw new IllegalArgumentException("--positions " + positions + " is outside 1.." + cabin.mics().size()
                    + ", the microphone positions of cabin " + cabin.name());
        }
        this.mics = cabin.mics().subList(0, positions).stream().map(CabinSpec.Mic::name).toList();
        this.seed = seed;
        List<VirtualCabin.Route> r = new ArrayList<>();
        List<String> w = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            Optional<String> speaker = speakerFor(cabin, outputs.get(i));
            if (speaker.isPresent()) {
                r.add(new VirtualCabin.Route(speaker.get(), i));
            }
            w.add(outputs.get(i) + " -> " + speaker.orElse("(nothing connected)"));
        }
        this.routes = List.copyOf(r);
        this.wiring = List.copyOf(w);
    }

    /**
     * The cabin speaker an output drives: the one of the same name, else the one whose name is
     * the output's without a trailing number ({@code subwoofer-1} drives {@code subwoofer}), else none.
     */
    static Optional<String> speakerFor(CabinSpec cabin, String output) {
        for (CabinSpec.Speaker s : cabin.speakers()) {
            if (s.name().equals(output)) {
                return Optional.of(s.name());
            }
        }
        String base = output.replaceFirst("-1$", "");
        return cabin.speakers().stream().map(CabinSpec.Speaker::name).filter(base::equals).findFirst();
    }

    /** One line per output: what it is wired to. */
    public List<String> wiring() {
        return wiring;
    }

    @Override
    public int sampleRate() {
        return cabin.sampleRate();
    }

    @Override
    public int takes() {
        return handHeld ? mics.size() : 1;
    }

    @Override
    public List<String> positions(int take) {
        if (take < 0 || take >= takes()) {
            throw new IllegalArgumentException("take " + take + " is outside 0.." + (takes() - 1));
        }
        return handHeld ? List.of(mics.get(take)) : mics;
    }

    @Override
    public void start(int take) throws IOException {
        positions(take);
        this.take = take;
        if (tap == null) {
            tap = opener.open();
            if (tap.sampleRate() != cabin.sampleRate()) {
                throw new IOException("the DAC recording runs at " + tap.sampleRate() + " Hz, not the unit's "
                        + cabin.sampleRate() + " Hz");
            }
        }
        from = tap.frames();
    }

    @Override
    public List<double[]> stop() throws IOException {
        if (from < 0) {
            throw new IllegalStateException("stop() without start()");
        }
        double[][] dac = tap.read(from, tap.frames());
        from = -1;
        List<VirtualCabin.Route> playing = new ArrayList<>();
        for (VirtualCabin.Route route : routes) {
            if (route.channel() < dac.length && !silent(dac[route.channel()])) {
                playing.add(route);
            }
        }
        List<String> heard = positions(take);
        long first = seed;
        seed += heard.size();
        // The positions are independent: heard on every core at once.
        return java.util.stream.IntStream.range(0, heard.size()).parallel()
                .mapToObj(p -> cabin.play(dac, playing, seat, heard.get(p), VirtualCabin.PlayOptions.seeded(first + p)))
                .toList();
    }

    @Override
    public void abort() {
        from = -1;
    }

    private static boolean silent(double[] x) {
        for (double v : x) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        if (tap != null) {
            tap.close();
        }
    }
}
