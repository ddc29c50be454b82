package org.cabintune.dsp.wav;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The inner loops that convert interleaved little-endian WAV bytes to and from Q8.24
 * {@code int[channel][frame]} blocks. One static loop per sample kind, chosen once per block
 * by a switch, so the per-sample work is a load, a shift or two and a store: no virtual calls
 * and no buffer objects. The byte-array view handles compile to plain unaligned loads.
 */
final class SampleCodec {

    static final int U8 = 0;
    static final int S16 = 1;
    static final int S24 = 2;
    static final int S32 = 3;
    static final int F32 = 4;
    static final int F64 = 5;

    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** 2^24 as a double: a float sample of 1.0 is Q8.24 {@code 1 << 24}. */
    private static final double Q824_SCALE = 0x1p24;

    private SampleCodec() {
    }

    /** The loop kind for a validated format. */
    static int kindOf(WavFormat format) {
        if (format.encoding() == WavEncoding.IEEE_FLOAT) {
            return format.bitsPerSample() == 32 ? F32 : F64;
        }
        return switch (format.bitsPerSample()) {
            case 8 -> U8;
            case 16 -> S16;
            case 24 -> S24;
            default -> S32;
        };
    }

    /**
     * Decodes {@code frames} interleaved frames from {@code in[0..)} into
     * {@code dest[c][off..off + frames)}. Integer PCM at 8, 16 and 24 bits maps exactly (a
     * 24-bit word has 23 fractional bits, Q8.24 has 24, so even 24-bit is a shift); 32-bit
     * PCM drops 7 fractional bits rounding to nearest; floats are scaled by 2^24, rounded,
     * and saturated by the double-to-int cast, which also maps NaN to 0.
     */
    static void decode(int kind, byte[] in, int frames, int channels, int[][] dest, int off) {
        int step = channels * bytesPerSample(kind);
        for (int c = 0; c < channels; c++) {
            int[] d = dest[c];
            int p = c * bytesPerSample(kind);
            int end = off + frames;
            switch (kind) {
                case U8 -> {
                    for (int f = off; f < end; f++, p += step) {
                        d[f] = ((in[p] & 0xFF) - 128) << 17;
                    }
                }
                case S16 -> {
                    for (int f = off; f < end; f++, p += step) {
                        d[f] = (short) SHORT.get(in, p) << 9;
                    }
                }
                case S24 -> {
                    for (int f = off; f < end; f++, p += step) {
                        // Assemble the word in the top 24 bits, then an arithmetic shift
                        // sign-extends it and leaves the one extra Q8.24 fraction bit at 0.
                        d[f] = ((in[p] & 0xFF) << 8 | (in[p + 1] & 0xFF) << 16 | in[p + 2] << 24) >> 7;
                    }
                }
                case S32 -> {
                    for (int f = off; f < end; f++, p += step) {
                        d[f] = (int) (((int) INT.get(in, p) + 64L) >> 7);
                    }
                }
                case F32 -> {
                    for (int f = off; f < end; f++, p += step) {
                        float v = Float.intBitsToFloat((int) INT.get(in, p));
                        d[f] = (int) Math.rint(v * Q824_SCALE);
                    }
                }
                default -> {
                    for (int f = off; f < end; f++, p += step) {
                        double v = Double.longBitsToDouble((long) LONG.get(in, p));
                        d[f] = (int) Math.rint(v * Q824_SCALE);
                    }
                }
            }
        }
    }

    /**
     * Encodes {@code src[c][off..off + frames)} into interleaved frames at {@code out[outOff..)}.
     * Integer PCM is rounded (with TPDF dither, plain or shaped, when {@code dither} is not null
     * and the word is shorter than 25 bits) and saturated to [-1, 1 - 1 LSB]. Floats are not clipped: they
     * keep the headroom of Q8.24, and every value within +-1.0 is exact in a 32-bit float.
     */
    static void encode(int kind, int[][] src, int off, int frames, int channels, byte[] out, int outOff,
                       Dither dither) {
        int step = channels * bytesPerSample(kind);
        for (int c = 0; c < channels; c++) {
            int[] s = src[c];
            int p = outOff + c * bytesPerSample(kind);
            int end = off + frames;
            switch (kind) {
                case U8 -> {
                    for (int f = off; f < end; f++, p += step) {
                        out[p] = (byte) (Dither.encode(dither, c, s[f], 8) + 128);
                    }
                }
                case S16 -> {
                    for (int f = off; f < end; f++, p += step) {
                        SHORT.set(out, p, (short) Dither.encode(dither, c, s[f], 16));
                    }
                }
                case S24 -> {
                    for (int f = off; f < end; f++, p += step) {
                        int v = Dither.encode(dither, c, s[f], 24);
                        out[p] = (byte) v;
                        out[p + 1] = (byte) (v >> 8);
                        out[p + 2] = (byte) (v >> 16);
                    }
                }
                case S32 -> {
                    for (int f = off; f < end; f++, p += step) {
                        INT.set(out, p, Dither.roundWith(s[f], 32, 0));
                    }
                }
                case F32 -> {
                    for (int f = off; f < end; f++, p += step) {
                        INT.set(out, p, Float.floatToRawIntBits(s[f] * 0x1p-24f));
                    }
                }
                default -> {
                    for (int f = off; f < end; f++, p += step) {
                        LONG.set(out, p, Double.doubleToRawLongBits(s[f] * 0x1p-24));
                    }
                }
            }
        }
    }

    static int bytesPerSample(int kind) {
        return switch (kind) {
            case U8 -> 1;
            case S16 -> 2;
            case S24 -> 3;
            case S32, F32 -> 4;
            default -> 8;
        };
    }
}
