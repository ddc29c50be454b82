package org.cabintune.tuner.rta;

/**
 * What the analyser reads now: per band, the averaged level and the highest frame level since
 * the start, both in dBFS RMS (10 log10 of the band's mean square, full scale 1.0, so a
 * full-scale sine reads -3.01) or, with the microphone's sensitivity known, dB SPL.
 *
 * @param bands     the bands
 * @param db        the averaged level of each band
 * @param peakDb    the highest single-frame level of each band
 * @param frames    how many FFT frames were averaged
 * @param seconds   how much signal was analysed
 * @param averaging how, for headers
 * @param unit      {@code dBFS} or {@code dB SPL}
 */
public record Spectrum(Bands bands, double[] db, double[] peakDb, long frames, double seconds, Averaging averaging,
                       String unit) {

    /** The same readings offset by {@code db} in a new unit (dBFS to dB SPL). */
    public Spectrum offset(double offsetDb, String newUnit) {
        double[] a = db.clone();
        double[] p = peakDb.clone();
        for (int i = 0; i < a.length; i++) {
            a[i] += offsetDb;
            p[i] += offsetDb;
        }
        return new Spectrum(bands, a, p, frames, seconds, averaging, newUnit);
    }
}
