package org.cabintune.hu.audio;

import org.cabintune.dsp.wav.WavFormat;

/** The sample formats the head unit sends to a DAC, with ALSA's {@code snd_pcm_format_t} codes. */
public enum PcmFormat {
    /** 16-bit little-endian in 2 bytes. */
    S16_LE(2, 16),
    /** 24-bit little-endian packed in 3 bytes (many USB DACs). */
    S24_3LE(32, 24),
    /** 32-bit little-endian (I2S DACs such as the PCM5122; the low bits carry the dither). */
    S32_LE(10, 32);

    private final int alsaCode;
    private final int bits;

    PcmFormat(int alsaCode, int bits) {
        this.alsaCode = alsaCode;
        this.bits = bits;
    }

    /** ALSA's {@code SND_PCM_FORMAT_*} value. */
    int alsaCode() {
        return alsaCode;
    }

    /** Word length in bits. */
    public int bits() {
        return bits;
    }

    /** The matching WAV word format, for the shared PCM codec. */
    WavFormat wavFormat(int rate, int channels) {
        return WavFormat.pcm(rate, channels, bits);
    }
}
