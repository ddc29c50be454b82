package org.cabintune.dsp.wav;

/** How samples are stored in the {@code data} chunk of a WAV file. */
public enum WavEncoding {
    /**
     * Two's-complement little-endian integers of 16, 24 or 32 bits; 8-bit samples are
     * unsigned with 128 as zero, as the WAV format defines them.
     */
    PCM,
    /** IEEE 754 little-endian floats of 32 or 64 bits, 1.0 = full scale. */
    IEEE_FLOAT
}
