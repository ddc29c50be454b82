package org.cabintune.dsp.loudness;

/**
 * What a loudness meter read at the end of some processed period; all values from the same
 * period. "No value" is {@code -inf} for levels (silence, or nothing above the gates) and NaN
 * for the loudness range (no 3 s block passed its gates).
 *
 * @param momentaryLufs    loudness of the last 400 ms
 * @param shortTermLufs    loudness of the last 3 s
 * @param integratedLufs   gated loudness of the whole programme so far (BS.1770-5)
 * @param loudnessRangeLu  loudness range so far (EBU Tech 3342)
 * @param samplePeakDbfs   largest sample magnitude so far, any channel
 * @param truePeakDbtp     largest oversampled magnitude so far (never below the sample peak)
 * @param maxMomentaryLufs largest momentary loudness so far (10 ms resolution)
 * @param maxShortTermLufs largest short-term loudness so far (10 ms resolution)
 * @param frames           frames measured since construction or reset
 */
public record LoudnessReadings(double momentaryLufs, double shortTermLufs, double integratedLufs,
        double loudnessRangeLu, double samplePeakDbfs, double truePeakDbtp, double maxMomentaryLufs,
        double maxShortTermLufs, long frames) {
}
