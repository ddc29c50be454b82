package org.cabintune.dsp.meter;

/**
 * One channel's levels at the end of some processed period, in dBFS ({@code -inf} for
 * silence). Peak and RMS always come from the same period.
 *
 * @param peakDbfs held and decaying sample peak
 * @param rmsDbfs  RMS over the window
 */
public record MeterReading(double peakDbfs, double rmsDbfs) {

    /** Decodes the packed form a {@link Meter} publishes: two float amplitudes in one long. */
    static MeterReading unpack(long packed) {
        return new MeterReading(dbfs(Float.intBitsToFloat((int) (packed >>> 32))),
                dbfs(Float.intBitsToFloat((int) packed)));
    }

    /** Packs two linear amplitudes (1.0 = 0 dBFS) as floats, peak in the high word. */
    static long pack(double peak, double rms) {
        return ((long) Float.floatToRawIntBits((float) peak) << 32)
                | (Float.floatToRawIntBits((float) rms) & 0xFFFF_FFFFL);
    }

    static double dbfs(double amplitude) {
        return 20 * Math.log10(amplitude);
    }
}
