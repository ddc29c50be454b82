package org.cabintune.dsp.dynamics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cabintune.dsp.ParamChecks;
import org.cabintune.dsp.profile.Bus;

/**
 * Parameters of a {@link MultibandCompressor}: the fields of a profile's
 * {@code bus.multiband} with the same ranges, plus what the profile leaves to the head unit
 * (sample rate, channel count, level detection, stereo link).
 *
 * @param sampleRate   44 100, 48 000, 88 200 or 96 000 Hz
 * @param channels     1 .. {@value #MAX_CHANNELS}
 * @param crossoversHz 1 .. 3 split frequencies, each {@value #MIN_CROSSOVER_HZ} ..
 *                     {@value #MAX_CROSSOVER_HZ} Hz, ascending, each at least an octave above
 *                     the one before (as the profile requires); they make 2 .. 4 bands
 * @param bands        one compressor per band, lowest band first; exactly one more than
 *                     crossovers
 * @param detection    what level drives the gain computer
 * @param rmsWindowMs  length of the RMS detector's rectangular window, ms,
 *                     {@value #MIN_RMS_WINDOW_MS} .. {@value #MAX_RMS_WINDOW_MS} (unused by
 *                     {@link Detection#PEAK}, still checked)
 * @param stereoLink   true: in each band the loudest channel's level sets one gain for all
 *                     channels, so the stereo image does not move; false: each channel on its
 *                     own
 */
public record MultibandParams(int sampleRate, int channels, List<Double> crossoversHz,
                              List<CompressorParams> bands, Detection detection,
                              double rmsWindowMs, boolean stereoLink) {

    /** The level a band's gain computer sees. */
    public enum Detection {
        /** Instantaneous absolute sample; the attack/release smoothing gives the ballistics. */
        PEAK,
        /** Root mean square over a rectangular window of {@code rmsWindowMs}. */
        RMS
    }

    /** Sample rates the head unit runs the bus at. */
    public static final List<Integer> SAMPLE_RATES = List.of(44_100, 48_000, 88_200, 96_000);
    /** Most channels (the bus is stereo; eight covers a 7.1 source). */
    public static final int MAX_CHANNELS = 8;
    /** Most crossovers (four bands). */
    public static final int MAX_CROSSOVERS = 3;
    /** Lowest crossover, Hz. */
    public static final double MIN_CROSSOVER_HZ = 20.0;
    /** Highest crossover, Hz. */
    public static final double MAX_CROSSOVER_HZ = 16_000.0;
    /** Bands narrower than an octave overlap so much that their compressors fight. */
    public static final double MIN_CROSSOVER_RATIO = 2.0;
    /** Shortest RMS window, ms. */
    public static final double MIN_RMS_WINDOW_MS = 1.0;
    /** Longest RMS window, ms; bounds the detector's memory and its 64-bit running sum. */
    public static final double MAX_RMS_WINDOW_MS = 50.0;
    /** RMS window when none is given: about one cycle of 100 Hz. */
    public static final double DEFAULT_RMS_WINDOW_MS = 10.0;

    /** Validates every field; messages name the field, its value and the allowed range. */
    public MultibandParams {
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("sampleRate = " + sampleRate
                    + " Hz is not one of the supported rates 44100, 48000, 88200, 96000 Hz");
        }
        ParamChecks.inRange("channels", channels, 1, MAX_CHANNELS, "");
        crossoversHz = checkCrossovers(crossoversHz);
        bands = checkBands(bands, crossoversHz.size() + 1);
        Objects.requireNonNull(detection, "detection is missing (null)");
        ParamChecks.inRange("rmsWindowMs", rmsWindowMs, MIN_RMS_WINDOW_MS, MAX_RMS_WINDOW_MS, "ms");
    }

    /** Peak detection, stereo link on, the given crossovers and bands. */
    public static MultibandParams of(int sampleRate, int channels, List<Double> crossoversHz,
                                     List<CompressorParams> bands) {
        return new MultibandParams(sampleRate, channels, crossoversHz, bands, Detection.PEAK,
                DEFAULT_RMS_WINDOW_MS, true);
    }

    /**
     * The compressor of a profile's {@code bus.multiband}: its crossovers, bands, detection,
     * RMS window and stereo link.
     */
    public static MultibandParams fromProfile(Bus.Multiband multiband, int sampleRate, int channels) {
        List<CompressorParams> bands = new ArrayList<>();
        for (int i = 0; i < multiband.bands().size(); i++) {
            bands.add(CompressorParams.of("bands[" + i + "]", multiband.bands().get(i)));
        }
        Detection detection = multiband.detection() == Bus.Detection.RMS ? Detection.RMS : Detection.PEAK;
        return new MultibandParams(sampleRate, channels, multiband.crossoversHz(), bands, detection,
                multiband.rmsWindowMs(), multiband.stereoLink());
    }

    /** The same compressor with another detection. */
    public MultibandParams withDetection(Detection value) {
        return new MultibandParams(sampleRate, channels, crossoversHz, bands, value, rmsWindowMs, stereoLink);
    }

    /** The same compressor with another RMS window. */
    public MultibandParams withRmsWindowMs(double value) {
        return new MultibandParams(sampleRate, channels, crossoversHz, bands, detection, value, stereoLink);
    }

    /** The same compressor with the stereo link on or off. */
    public MultibandParams withStereoLink(boolean value) {
        return new MultibandParams(sampleRate, channels, crossoversHz, bands, detection, rmsWindowMs, value);
    }

    /** The same compressor with other bands. */
    public MultibandParams withBands(List<CompressorParams> value) {
        return new MultibandParams(sampleRate, channels, crossoversHz, value, detection, rmsWindowMs, stereoLink);
    }

    /** Number of bands, {@code crossoversHz().size() + 1}. */
    public int bandCount() {
        return bands.size();
    }

    /** RMS window length in whole samples, at least one. */
    public int rmsWindowSamples() {
        return Math.max(1, (int) Math.round(rmsWindowMs * sampleRate / 1000.0));
    }

    private static List<Double> checkCrossovers(List<Double> crossoversHz) {
        if (crossoversHz == null) {
            throw new IllegalArgumentException("crossoversHz is missing (null)");
        }
        if (crossoversHz.isEmpty() || crossoversHz.size() > MAX_CROSSOVERS) {
            throw new IllegalArgumentException("crossoversHz has " + crossoversHz.size()
                    + " entries; the allowed range is 1 .. " + MAX_CROSSOVERS + " (2 .. 4 bands)");
        }
        for (int i = 0; i < crossoversHz.size(); i++) {
            String name = "crossoversHz[" + i + "]";
            Double hz = crossoversHz.get(i);
            if (hz == null) {
                throw new IllegalArgumentException(name + " is missing (null)");
            }
            ParamChecks.inRange(name, hz, MIN_CROSSOVER_HZ, MAX_CROSSOVER_HZ, "Hz");
            if (i > 0 && hz < crossoversHz.get(i - 1) * MIN_CROSSOVER_RATIO) {
                double previous = crossoversHz.get(i - 1);
                throw new IllegalArgumentException(name + " = " + hz + " Hz is less than one octave above crossoversHz["
                        + (i - 1) + "] = " + previous + " Hz; it must be at least "
                        + previous * MIN_CROSSOVER_RATIO + " Hz (crossovers ascend, an octave apart)");
            }
        }
        return List.copyOf(crossoversHz);
    }

    private static List<CompressorParams> checkBands(List<CompressorParams> bands, int expected) {
        if (bands == null) {
            throw new IllegalArgumentException("bands is missing (null)");
        }
        if (bands.size() != expected) {
            throw new IllegalArgumentException("bands has " + bands.size() + " entries; "
                    + (expected - 1) + " crossovers need " + expected + " bands");
        }
        for (int i = 0; i < bands.size(); i++) {
            if (bands.get(i) == null) {
                throw new IllegalArgumentException("bands[" + i + "] is missing (null)");
            }
        }
        return List.copyOf(bands);
    }
}
