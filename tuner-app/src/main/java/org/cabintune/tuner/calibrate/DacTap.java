package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.wav.WavProgress;

/**
 * Follows what a head unit sends its DAC in the WAV recording it is still writing
 * ({@code cabintune-hu run --sink wav:FILE}; {@link WavProgress} counts the frames present).
 */
final class DacTap implements Dac {

    private final Path file;
    private final FileChannel in;

    private DacTap(Path file, FileChannel in) {
        this.file = file;
        this.in = in;
    }

    /** Opens the recording, waiting up to {@code waitMillis} for the unit to have written its header. */
    static DacTap open(Path file, long waitMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (true) {
            if (file.toFile().exists()) {
                FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                try {
                    if (WavProgress.of(in).isPresent()) {
                        return new DacTap(file, in);
                    }
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw new IOException(file + " is not a head unit's DAC recording: " + e.getMessage(), e);
                }
                in.close();
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(file + ": the unit has not started its DAC recording within "
                        + waitMillis / 1000 + " s; does it run with --sink wav:" + file + "?");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private WavProgress now() throws IOException {
        Optional<WavProgress> p = WavProgress.of(in);
        return p.orElseThrow(() -> new IOException(file + " lost its header"));
    }

    @Override
    public int sampleRate() throws IOException {
        return now().format().sampleRate();
    }

    /** Whole frames written so far. */
    @Override
    public long frames() throws IOException {
        return now().frames();
    }

    /** Frames [from, to) as full scale 1.0, one array per channel. */
    @Override
    public double[][] read(long from, long to) throws IOException {
        WavProgress p = now();
        int n = Math.toIntExact(to - from);
        int channels = p.format().channels();
        int[][] q = new int[channels][n];
        int got = p.read(in, from, q, n);
        double[][] out = new double[channels][got];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < got; i++) {
                out[c][i] = q[c][i] / (double) Q824.ONE;
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
