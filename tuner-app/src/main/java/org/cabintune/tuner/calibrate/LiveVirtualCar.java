package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.Fft;

/**
 * A virtual car heard live at one microphone position, for the real-time analyser: what the
 * unit sends its DAC, followed block by block in the recording it is writing, wired as
 * {@link VirtualCar} wires it, played through each speaker's true impulse response by
 * overlap-add, with the cabin's road noise. It keeps the unit's pace (a block is ready when the
 * unit has written it). Unlike {@link VirtualCar} it leaves out the speakers' nonlinearity and
 * the microphone's clock, which a spectrum of steady noise does not show.
 */
public final class LiveVirtualCar implements AutoCloseable {

    /** How long the unit may take to start its recording. */
    private static final long OPEN_MILLIS = 30_000;
    /** How often to look for more of the recording. */
    private static final long POLL_MILLIS = 10;

    private final Dac tap;
    private final int block;
    private final int fftSize;
    private final int[] channels;
    private final double[][] spectra;
    private final double[] tail;
    private final double noiseLevel;
    private final double noisePole;
    private final Random random;
    private double noiseState;
    private long from;

    /**
     * @param cabin       the car
     * @param outputs     the unit's outputs in DAC order, by speaker name
     * @param recording   the WAV file the unit writes ({@code cabintune-hu run --sink wav:FILE})
     * @param seat        the seat
     * @param mic         the microphone position's name
     * @param blockFrames frames per {@link #read}
     * @param noiseDbfs   the road noise's RMS level, or null for the cabin's own
     * @param seed        the road noise's seed
     * @param fromStart   hear the recording from its start (one already made) rather than from what comes next
     */
    public static LiveVirtualCar open(CabinSpec cabin, List<String> outputs, Path recording, String seat, String mic,
                                      int blockFrames, Double noiseDbfs, long seed, boolean fromStart) throws IOException {
        Dac tap = DacTap.open(recording, OPEN_MILLIS);
        try {
            LiveVirtualCar car = new LiveVirtualCar(cabin, tap, outputs, seat, mic, blockFrames, noiseDbfs, seed);
            if (fromStart) {
                car.from = 0;
            }
            return car;
        } catch (RuntimeException | IOException e) {
            tap.close();
            throw e;
        }
    }

    private LiveVirtualCar(CabinSpec spec, Dac tap, List<String> outputs, String seat, String mic, int blockFrames,
                           Double noiseDbfs, long seed) throws IOException {
        spec.seat(seat);
        spec.mic(mic);
        int rate = tap.sampleRate();
        VirtualCabin cabin = new VirtualCabin(spec, rate);
        List<Integer> wired = new ArrayList<>();
        List<double[]> responses = new ArrayList<>();
        int impulseFrames = (int) Math.round(VirtualCabin.IMPULSE_SECONDS * rate);
        this.fftSize = Fft.goodSize(blockFrames + impulseFrames);
        for (int i = 0; i < outputs.size(); i++) {
            Optional<String> speaker = VirtualCar.speakerFor(spec, outputs.get(i));
            if (speaker.isPresent()) {
                wired.add(i);
                responses.add(Fft.forward(cabin.impulse(speaker.get(), seat, mic), fftSize));
            }
        }
        this.tap = tap;
        this.block = blockFrames;
        this.channels = wired.stream().mapToInt(Integer::intValue).toArray();
        this.spectra = responses.toArray(double[][]::new);
        this.tail = new double[fftSize];
        this.noisePole = Math.exp(-2 * Math.PI * spec.noise().cornerHz() / rate);
        // A one-pole low-pass of unit white noise has variance (1 - a) / (1 + a).
        double noise = noiseDbfs != null ? noiseDbfs : spec.noise().levelDbfs();
        this.noiseLevel = Math.pow(10, noise / 20) / Math.sqrt((1 - noisePole) / (1 + noisePole));
        this.random = new Random(seed);
        this.from = tap.frames();
    }

    /** The rate, Hz. */
    public int sampleRate() throws IOException {
        return tap.sampleRate();
    }

    /** Frames per read. */
    public int blockFrames() {
        return block;
    }

    /** Waits for the unit's next block and returns what the microphone hears of it in {@code out[0, block)}. */
    public int read(double[] out) throws IOException {
        while (tap.frames() < from + block) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the unit's DAC recording", e);
            }
        }
        double[][] dac = tap.read(from, from + block);
        from += block;
        double[] sum = new double[fftSize];
        for (int r = 0; r < channels.length; r++) {
            if (channels[r] >= dac.length) {
                continue;
            }
            double[] x = Fft.forward(dac[channels[r]], fftSize);
            double[] h = spectra[r];
            for (int k = 0; k <= fftSize / 2; k++) {
                double re = Fft.re(x, k) * Fft.re(h, k) - Fft.im(x, k) * Fft.im(h, k);
                double im = Fft.re(x, k) * Fft.im(h, k) + Fft.im(x, k) * Fft.re(h, k);
                Fft.set(sum, k, Fft.re(sum, k) + re, Fft.im(sum, k) + im);
            }
        }
        Fft.inverse(sum);
        // Overlap-add: this block's output starts where the last left its tail.
        for (int i = 0; i < fftSize; i++) {
            tail[i] += sum[i];
        }
        for (int i = 0; i < block; i++) {
            noiseState = noisePole * noiseState + (1 - noisePole) * random.nextGaussian();
            out[i] = tail[i] + noiseLevel * noiseState;
        }
        System.arraycopy(tail, block, tail, 0, fftSize - block);
        java.util.Arrays.fill(tail, fftSize - block, fftSize, 0);
        return block;
    }

    @Override
    public void close() throws IOException {
        tap.close();
    }
}
