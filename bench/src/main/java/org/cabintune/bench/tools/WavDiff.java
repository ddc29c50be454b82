package org.cabintune.bench.tools;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Compares two WAV files sample by sample: frame counts, and per channel the RMS and peak of
 * the difference. Used to check that two programs doing the same filtering agree.
 *
 * <pre>
 * WavDiff A.wav B.wav [--max-rms-dbfs LEVEL]
 * </pre>
 *
 * Exit status: 0 when the files have the same rate, channels and length and (if given) every
 * channel's RMS difference is at or below {@code LEVEL}; 1 otherwise; 2 for bad usage or an
 * unreadable file.
 */
public final class WavDiff {

    private static final int BLOCK = 8192;
    /** One LSB of a 24-bit word, in Q8.24 units: a 24-bit word has 23 fraction bits. */
    private static final double LSB24 = Q824.ONE / (double) (1 << 23);

    private WavDiff() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 && !(args.length == 4 && args[2].equals("--max-rms-dbfs"))) {
            err.println("usage: WavDiff A.wav B.wav [--max-rms-dbfs LEVEL]");
            return 2;
        }
        double limitDb = Double.POSITIVE_INFINITY;
        if (args.length == 4) {
            try {
                limitDb = Double.parseDouble(args[3]);
            } catch (NumberFormatException e) {
                err.println("--max-rms-dbfs " + args[3] + " is not a number");
                return 2;
            }
        }
        try {
            return compare(Path.of(args[0]), Path.of(args[1]), limitDb, out);
        } catch (IOException e) {
            err.println("cannot compare " + args[0] + " and " + args[1] + ": " + e.getMessage());
            return 2;
        }
    }

    private static int compare(Path a, Path b, double limitDb, PrintStream out) throws IOException {
        try (WavReader ra = WavReader.open(FileChannel.open(a, StandardOpenOption.READ));
             WavReader rb = WavReader.open(FileChannel.open(b, StandardOpenOption.READ))) {
            WavFormat fa = ra.format(), fb = rb.format();
            if (fa.sampleRate() != fb.sampleRate() || fa.channels() != fb.channels()) {
                out.printf(Locale.ROOT, "format differs: %d Hz x %d ch vs %d Hz x %d ch%n",
                        fa.sampleRate(), fa.channels(), fb.sampleRate(), fb.channels());
                return 1;
            }
            int channels = fa.channels();
            int[][] xa = new int[channels][BLOCK], xb = new int[channels][BLOCK];
            double[] sumSquares = new double[channels];
            long[] peak = new long[channels];
            long framesA = 0, framesB = 0, common = 0;
            boolean moreA = true, moreB = true;
            while (moreA && moreB) {
                int na = ra.read(xa, BLOCK), nb = rb.read(xb, BLOCK);
                moreA = na == BLOCK;
                moreB = nb == BLOCK;
                na = Math.max(na, 0);
                nb = Math.max(nb, 0);
                framesA += na;
                framesB += nb;
                int n = Math.min(na, nb);
                for (int c = 0; c < channels; c++) {
                    for (int i = 0; i < n; i++) {
                        long d = (long) xa[c][i] - xb[c][i];
                        sumSquares[c] += (double) d * d;
                        peak[c] = Math.max(peak[c], Math.abs(d));
                    }
                }
                common += n;
            }
            // Count whatever is left in the longer file without comparing it.
            framesA += drain(ra, xa, moreA);
            framesB += drain(rb, xb, moreB);
            out.printf(Locale.ROOT, "frames: %d vs %d (%.3f s vs %.3f s)%n", framesA, framesB,
                    framesA / (double) fa.sampleRate(), framesB / (double) fb.sampleRate());
            boolean pass = framesA == framesB;
            for (int c = 0; c < channels; c++) {
                double rms = common == 0 ? 0 : Math.sqrt(sumSquares[c] / common) / Q824.ONE;
                double rmsDb = 20 * Math.log10(Math.max(rms, 1e-30));
                out.printf(Locale.ROOT, "channel %d: rms difference %.1f dBFS, peak %.1f LSB at 24 bits%n",
                        c, rmsDb, peak[c] / LSB24);
                pass &= rmsDb <= limitDb;
            }
            out.println(pass ? "agree" : "DIFFER");
            return pass ? 0 : 1;
        }
    }

    private static long drain(WavReader reader, int[][] buffer, boolean more) throws IOException {
        long frames = 0;
        int n;
        while (more && (n = reader.read(buffer, BLOCK)) > 0) {
            frames += n;
        }
        return frames;
    }
}
