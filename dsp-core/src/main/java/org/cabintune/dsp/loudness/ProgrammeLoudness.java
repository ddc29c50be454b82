package org.cabintune.dsp.loudness;

import org.cabintune.dsp.wav.AudioReader;

import java.io.IOException;

/**
 * What static normalisation needs to know about a programme (a track, or an album measured as
 * one): its integrated loudness and its true peak, as a {@link LoudnessMeter} reads them.
 *
 * @param integratedLufs gated integrated loudness (BS.1770-5), LUFS; {@code -inf} when nothing
 *                       passed the gates (digital silence)
 * @param truePeakDbtp   largest true peak, dBTP; {@code -inf} for digital silence
 */
public record ProgrammeLoudness(double integratedLufs, double truePeakDbtp) {

    /** Rejects NaN and {@code +inf}. */
    public ProgrammeLoudness {
        if (Double.isNaN(integratedLufs) || integratedLufs == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("integratedLufs = " + integratedLufs + " is not a loudness");
        }
        if (Double.isNaN(truePeakDbtp) || truePeakDbtp == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("truePeakDbtp = " + truePeakDbtp + " is not a level");
        }
    }

    /** The programme as a meter read it at its end. */
    public static ProgrammeLoudness of(LoudnessReadings readings) {
        return new ProgrammeLoudness(readings.integratedLufs(), readings.truePeakDbtp());
    }

    /** Measures the rest of a stream (one track): integrated loudness and true peak. */
    public static ProgrammeLoudness measure(AudioReader reader) throws IOException {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(reader.sampleRate(), reader.channels()));
        feed(meter, reader);
        return of(meter.readings());
    }

    /** Feeds the rest of {@code reader} to {@code meter}: several readers in turn measure an album. */
    public static void feed(LoudnessMeter meter, AudioReader reader) throws IOException {
        int[][] buffer = new int[reader.channels()][FEED_BLOCK];
        int n;
        while ((n = reader.read(buffer, FEED_BLOCK)) > 0) {
            meter.process(buffer, n);
        }
    }

    private static final int FEED_BLOCK = 8192;
}
