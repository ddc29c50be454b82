package org.cabintune.tuner.rta;

import java.io.IOException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The analyser's loop: read the input, analyse, show the spectrum every {@code refreshSeconds}
 * of signal, until the input ends, {@code maxSeconds} of signal have been read, or
 * {@code stop} says so (Enter at the terminal). A live input paces the loop; a file runs it as
 * fast as it reads.
 */
public final class RtaRun {

    private RtaRun() {
    }

    /** Runs the loop and returns the last reading (also shown). */
    public static Spectrum run(RtaInput in, RtaAnalyzer rta, Consumer<Spectrum> show, double refreshSeconds,
                               double maxSeconds, BooleanSupplier stop) throws IOException {
        int rate = in.sampleRate();
        double[] block = new double[in.blockFrames()];
        long read = 0;
        long refresh = Math.max(1, Math.round(refreshSeconds * rate));
        long max = Double.isInfinite(maxSeconds) ? Long.MAX_VALUE : Math.round(maxSeconds * rate);
        long shown = 0;
        while (read < max && !stop.getAsBoolean()) {
            int n = in.read(block);
            if (n < 0) {
                break;
            }
            n = (int) Math.min(n, max - read);
            rta.accept(block, 0, n);
            read += n;
            if (read - shown >= refresh) {
                show.accept(rta.spectrum());
                shown = read;
            }
        }
        Spectrum last = rta.spectrum();
        show.accept(last);
        return last;
    }
}
