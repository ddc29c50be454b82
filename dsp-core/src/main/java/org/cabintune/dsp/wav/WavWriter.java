package org.cabintune.dsp.wav;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Objects;

/**
 * Writes Q8.24 blocks as a RIFF/WAVE stream: integer PCM of 8 (unsigned), 16, 24 or 32 bits,
 * or IEEE float of 32 or 64 bits. {@link #write(int[][], int)} allocates nothing and buffers
 * its output, so it can run in a render loop on an unbuffered channel.
 *
 * <p><b>Samples.</b> Integer PCM is the sink format of the chain: values are rounded to the
 * word length (with TPDF {@link Dither}, plain or shaped, when one is given; never at 32 bits, which holds
 * every Q8.24 value exactly) and saturated to [-1, 1 - 1 LSB]. Floats are not clipped: they
 * keep Q8.24's headroom, and every value within &plusmn;1.0 is exact in a 32-bit float.
 *
 * <p><b>Header.</b> {@code WAVE_FORMAT_EXTENSIBLE} is used when there are more than 2
 * channels or more than 16 bits (float included), as Microsoft's WAVEFORMATEXTENSIBLE
 * guidance asks; otherwise a plain 16-byte PCM {@code fmt}. Float files get the
 * {@code fact} chunk the format requires for non-PCM data. The speaker mask defaults to
 * {@link #defaultChannelMask(int)}; pass 0 for channels that are not surround positions,
 * such as a per-speaker render of a car's outputs. It is stored only in extensible headers.
 *
 * <p><b>Sizes.</b> On a {@link SeekableByteChannel} the header is written at the channel's
 * position with 0xFFFFFFFF sizes, which {@link #close()} patches, so a render that dies
 * before closing still leaves a file that readers take to the end of the stream. On an
 * {@link OutputStream} nothing can be patched: if the format's {@code frameCount} is known
 * the sizes are exact up front and exactly that many frames must be written, otherwise they
 * stay 0xFFFFFFFF ("unknown, read to the end"). RIFF sizes are 32-bit: a file whose data
 * would pass 4 GiB is refused rather than written with wrapped sizes.
 *
 * <p>Not thread-safe. {@link #close()} closes the underlying channel or stream.
 */
public final class WavWriter implements Closeable {

    private static final int BUFFER_BYTES = 64 * 1024;
    private static final int EXTENSIBLE_FMT_SIZE = 40;
    private static final int PLAIN_FMT_SIZE = 16;
    /** Speaker bits defined by WAVEFORMATEXTENSIBLE: SPEAKER_FRONT_LEFT .. SPEAKER_TOP_BACK_RIGHT. */
    private static final int DEFINED_SPEAKERS = 0x3FFFF;

    private final SeekableByteChannel channel;
    private final OutputStream stream;
    private final WavFormat format;
    private final Dither dither;
    private final int kind;
    private final int channels;
    private final int blockAlign;
    private final byte[] buffer;
    private final ByteBuffer view;
    private final long headerStart;
    private final byte[] header;
    private final long maxDataBytes;
    private int fill;
    private long framesWritten;
    private boolean closed;

    private WavWriter(SeekableByteChannel channel, OutputStream stream, WavFormat format, Dither dither,
                      int channelMask) throws IOException {
        checkMask(channelMask, format.channels());
        if (dither != null) {
            dither.checkFits(format);
        }
        this.channel = channel;
        this.stream = stream;
        this.format = format;
        this.dither = dither;
        this.kind = SampleCodec.kindOf(format);
        this.channels = format.channels();
        this.blockAlign = format.blockAlign();
        int frames = Math.max(1, BUFFER_BYTES / blockAlign);
        this.buffer = new byte[frames * blockAlign];
        this.view = ByteBuffer.wrap(buffer);
        this.headerStart = channel != null ? channel.position() : 0;
        this.header = header(format, channelMask);
        // The RIFF size counts everything after its own field, including a pad byte.
        this.maxDataBytes = Riff.SIZE_UNKNOWN - (header.length - 8) - 1;
        boolean exact = channel == null && format.frameCount() >= 0;
        if (exact) {
            long dataBytes = format.frameCount() * blockAlign;
            if (format.frameCount() > maxDataBytes / blockAlign) {
                throw new IllegalArgumentException("frameCount " + format.frameCount()
                        + " needs more than the 4 GiB a RIFF/WAVE file can hold");
            }
            patchSizes(header, dataBytes, format.frameCount());
        }
        System.arraycopy(header, 0, buffer, 0, header.length);
        fill = header.length;
    }

    /**
     * Starts a WAV file at the channel's position; sizes are patched on {@link #close()}.
     *
     * @param dither TPDF dither for integer PCM shorter than 25 bits, or null for plain rounding
     */
    public static WavWriter create(SeekableByteChannel out, WavFormat format, Dither dither)
            throws IOException {
        return create(out, format, dither, defaultChannelMask(format.channels()));
    }

    /** Like {@link #create(SeekableByteChannel, WavFormat, Dither)} with an explicit speaker mask. */
    public static WavWriter create(SeekableByteChannel out, WavFormat format, Dither dither, int channelMask)
            throws IOException {
        return new WavWriter(Objects.requireNonNull(out, "out"), null, format, dither, channelMask);
    }

    /**
     * Starts a WAV stream that cannot be patched: exact sizes when {@code format.frameCount()}
     * is known (and then exactly that many frames must be written), 0xFFFFFFFF otherwise.
     */
    public static WavWriter create(OutputStream out, WavFormat format, Dither dither) throws IOException {
        return create(out, format, dither, defaultChannelMask(format.channels()));
    }

    /** Like {@link #create(OutputStream, WavFormat, Dither)} with an explicit speaker mask. */
    public static WavWriter create(OutputStream out, WavFormat format, Dither dither, int channelMask)
            throws IOException {
        return new WavWriter(null, Objects.requireNonNull(out, "out"), format, dither, channelMask);
    }

    /**
     * The usual speaker mask for a channel count (Microsoft {@code KSAUDIO_SPEAKER_*}
     * layouts): 1 front centre, 2 stereo, 3 L R C, 4 quad, 5 L R C + back pair, 6 5.1,
     * 7 5.1 + back centre, 8 7.1 surround; 0 (no positions) above 8 channels.
     */
    public static int defaultChannelMask(int channels) {
        return switch (channels) {
            case 1 -> 0x4;
            case 2 -> 0x3;
            case 3 -> 0x7;
            case 4 -> 0x33;
            case 5 -> 0x37;
            case 6 -> 0x3F;
            case 7 -> 0x13F;
            case 8 -> 0x63F;
            default -> 0;
        };
    }

    /** The format being written (its frameCount as given to the factory). */
    public WavFormat format() {
        return format;
    }

    /** Frames accepted by {@link #write} so far. */
    public long framesWritten() {
        return framesWritten;
    }

    /**
     * Appends {@code frames} frames from {@code src[c][0..frames)} for every channel c.
     * Allocates nothing; output is flushed in 64 KiB pieces.
     *
     * @throws IOException if writing fails or the file would pass the 4 GiB RIFF limit
     * @throws IllegalStateException if closed, or past the frame count declared to a stream
     */
    public void write(int[][] src, int frames) throws IOException {
        if (closed) {
            throw new IllegalStateException("WavWriter is closed");
        }
        if (frames < 0 || src.length < channels) {
            throw new IllegalArgumentException("need " + channels + " channel arrays and frames >= 0, got "
                    + src.length + " arrays and frames " + frames);
        }
        for (int c = 0; c < channels; c++) {
            if (src[c].length < frames) {
                throw new IllegalArgumentException("src[" + c + "] holds " + src[c].length
                        + " frames, fewer than " + frames);
            }
        }
        long total = framesWritten + frames;
        if (channel == null && format.frameCount() >= 0 && total > format.frameCount()) {
            throw new IllegalStateException("writing " + total + " frames, more than the frameCount "
                    + format.frameCount() + " already written to the stream's header");
        }
        if (total > maxDataBytes / blockAlign) {
            throw new IOException("WAV data would pass the 4 GiB RIFF limit after frame " + framesWritten
                    + "; split the output into several files");
        }
        int done = 0;
        while (done < frames) {
            int room = (buffer.length - fill) / blockAlign;
            if (room == 0) {
                flush();
                continue;
            }
            int n = Math.min(room, frames - done);
            SampleCodec.encode(kind, src, done, n, channels, buffer, fill, dither);
            fill += n * blockAlign;
            done += n;
        }
        framesWritten = total;
    }

    /**
     * Finishes the file: flushes, adds the pad byte an odd-sized data chunk needs, patches the
     * sizes (on a channel), and closes the channel or stream, even if finishing fails.
     *
     * @throws IOException if writing fails, or fewer frames were written to a stream than
     *     its header declared (the file is then wrong and should be discarded)
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            finish();
        } finally {
            if (channel != null) {
                channel.close();
            } else {
                stream.close();
            }
        }
    }

    private void finish() throws IOException {
        long dataBytes = framesWritten * blockAlign;
        boolean sizesKnown = channel != null || format.frameCount() >= 0;
        if ((dataBytes & 1) != 0 && sizesKnown) {
            // RIFF keeps chunks word-aligned; the pad byte is not part of the data size.
            if (fill == buffer.length) {
                flush();
            }
            buffer[fill++] = 0;
        }
        flush();
        if (channel != null) {
            patchSizes(header, dataBytes, framesWritten);
            long end = channel.position();
            writeAt(4, 8);
            if (format.encoding() == WavEncoding.IEEE_FLOAT) {
                writeAt(header.length - 12, header.length - 8);
            }
            writeAt(header.length - 4, header.length);
            channel.position(end);
        } else if (format.frameCount() >= 0 && framesWritten != format.frameCount()) {
            throw new IOException("the header declared " + format.frameCount() + " frames but "
                    + framesWritten + " were written; the file is incomplete");
        }
    }

    /**
     * Builds the header with all sizes at 0xFFFFFFFF; {@link #patchSizes} fills them in. The
     * size fields sit at fixed places: RIFF at 4, the fact sample count (float only) at
     * length - 12, the data size at length - 4.
     */
    private static byte[] header(WavFormat format, int channelMask) {
        boolean isFloat = format.encoding() == WavEncoding.IEEE_FLOAT;
        boolean extensible = format.channels() > 2 || format.bitsPerSample() > 16;
        int fmtSize = extensible ? EXTENSIBLE_FMT_SIZE : PLAIN_FMT_SIZE;
        int length = 12 + 8 + fmtSize + (isFloat ? 12 : 0) + 8;
        byte[] h = new byte[length];
        int tag = isFloat ? Riff.TAG_IEEE_FLOAT : Riff.TAG_PCM;
        Riff.put32(h, 0, Riff.RIFF);
        Riff.put32(h, 4, Riff.SIZE_UNKNOWN);
        Riff.put32(h, 8, Riff.WAVE);
        Riff.put32(h, 12, Riff.FMT);
        Riff.put32(h, 16, fmtSize);
        Riff.put16(h, 20, extensible ? Riff.TAG_EXTENSIBLE : tag);
        Riff.put16(h, 22, format.channels());
        Riff.put32(h, 24, format.sampleRate());
        Riff.put32(h, 28, (long) format.sampleRate() * format.blockAlign());
        Riff.put16(h, 32, format.blockAlign());
        Riff.put16(h, 34, format.bitsPerSample());
        if (extensible) {
            Riff.put16(h, 36, 22);
            Riff.put16(h, 38, format.bitsPerSample());
            Riff.put32(h, 40, channelMask);
            Riff.put16(h, 44, tag);
            System.arraycopy(Riff.SUBTYPE_SUFFIX, 0, h, 46, Riff.SUBTYPE_SUFFIX.length);
        }
        int at = 20 + fmtSize;
        if (isFloat) {
            Riff.put32(h, at, Riff.FACT);
            Riff.put32(h, at + 4, 4);
            Riff.put32(h, at + 8, Riff.SIZE_UNKNOWN);
            at += 12;
        }
        Riff.put32(h, at, Riff.DATA);
        Riff.put32(h, at + 4, Riff.SIZE_UNKNOWN);
        return h;
    }

    private static void patchSizes(byte[] header, long dataBytes, long frames) {
        int length = header.length;
        Riff.put32(header, 4, length - 8 + dataBytes + (dataBytes & 1));
        if (Riff.s32(header, length - 20) == Riff.FACT) {
            // Float files: fact holds the frame count (saturated for the 4 GiB-sized edge).
            Riff.put32(header, length - 12, Math.min(frames, Riff.SIZE_UNKNOWN));
        }
        Riff.put32(header, length - 4, dataBytes);
    }

    /** Rewrites {@code header[from..to)} in place in the channel. */
    private void writeAt(int from, int to) throws IOException {
        channel.position(headerStart + from);
        ByteBuffer b = ByteBuffer.wrap(header, from, to - from);
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private void flush() throws IOException {
        if (channel != null) {
            view.clear().limit(fill);
            while (view.hasRemaining()) {
                channel.write(view);
            }
        } else {
            stream.write(buffer, 0, fill);
        }
        fill = 0;
    }

    private static void checkMask(int mask, int channels) {
        if ((mask & ~DEFINED_SPEAKERS) != 0 || Integer.bitCount(mask) > channels) {
            throw new IllegalArgumentException(String.format(
                    "channelMask 0x%X names undefined speakers or more speakers than %d channels", mask, channels));
        }
    }
}
