package org.cabintune.dsp.wav;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Reads a WAV stream into Q8.24 blocks. {@link #open} parses the header up to the audio;
 * {@link #read(int[][], int)} then decodes blocks into a caller's preallocated
 * {@code int[channel][frame]} arrays without allocating, so it can run in a render loop.
 *
 * <p>Accepted: RIFF/WAVE and RF64/BW64; {@code fmt} tags PCM, IEEE float and
 * {@code WAVE_FORMAT_EXTENSIBLE} with a PCM or float sub-format; PCM 8 (unsigned), 16, 24 and
 * 32 bits; float 32 and 64 bits; 1 to 32 channels. Conversion to Q8.24: 8-, 16- and 24-bit
 * PCM are exact shifts (a 24-bit word has 23 fraction bits, Q8.24 has 24); 32-bit PCM drops 7
 * fraction bits, rounding to nearest; floats are scaled by 2^24 and rounded, saturating
 * beyond &plusmn;128, with NaN read as 0.
 *
 * <p>A {@code data} chunk of size 0 or 0xFFFFFFFF (left by writers that could not seek back)
 * is read to the end of the stream, and a partial frame at the end is dropped. A data chunk
 * whose declared size runs past the end of the stream is an error: the frames before the
 * gap are returned, then the next read throws a {@link WavFormatException}, so a cut-off
 * file is never mistaken for a complete one. Bytes after the data chunk are not read.
 *
 * <p>Not thread-safe. {@link #close()} closes the underlying stream or channel.
 */
public final class WavReader implements AudioReader {

    /** Bytes decoded per underlying read: large enough to amortise the call, small for L2. */
    private static final int BUFFER_BYTES = 64 * 1024;

    /** The source: exactly one of {@code in} and {@code channel} is set. */
    private final InputStream in;
    private final ReadableByteChannel channel;
    private final WavFormat format;
    private final int channelMask;
    private final int kind;
    private final int channels;
    private final int blockAlign;
    private final long dataOffset;
    private final long dataBytes;
    private final byte[] buffer;
    private final ByteBuffer view;
    private final int bufferFrames;
    private long consumed;
    private long framesRead;
    private boolean ended;
    private WavFormatException failure;

    private WavReader(InputStream in, ReadableByteChannel channel, HeaderParser.Header header) {
        this.in = in;
        this.channel = channel;
        this.format = header.format();
        this.channelMask = header.channelMask();
        this.kind = SampleCodec.kindOf(format);
        this.channels = format.channels();
        this.blockAlign = format.blockAlign();
        this.dataOffset = header.dataOffset();
        this.dataBytes = header.dataBytes();
        this.bufferFrames = Math.max(1, BUFFER_BYTES / blockAlign);
        this.buffer = new byte[bufferFrames * blockAlign];
        this.view = ByteBuffer.wrap(buffer);
    }

    /**
     * Parses the header of a WAV stream, leaving it at the first audio byte. The stream is
     * read in large blocks, so it needs no buffering of its own.
     *
     * @throws WavFormatException if the header is malformed or the encoding unsupported
     * @throws IOException if reading fails
     */
    public static WavReader open(InputStream in) throws IOException {
        return new WavReader(in, null, HeaderParser.parse(in));
    }

    /**
     * Parses the header of a WAV stream read from a blocking channel, such as a
     * {@link java.nio.channels.FileChannel}; see {@link #open(InputStream)}. Audio is then
     * read from the channel directly, through a buffer wrapped once.
     */
    public static WavReader open(ReadableByteChannel in) throws IOException {
        // The adapter stream reads the channel without read-ahead, so the channel is left
        // exactly at the first audio byte.
        return new WavReader(null, in, HeaderParser.parse(Channels.newInputStream(in)));
    }

    /** The stream's format; {@code frameCount} is -1 when the data size was not recorded. */
    public WavFormat format() {
        return format;
    }

    /**
     * The {@code dwChannelMask} of a {@code WAVE_FORMAT_EXTENSIBLE} header (speaker positions,
     * Microsoft {@code SPEAKER_*} bits), or 0 when the file has none.
     */
    public int channelMask() {
        return channelMask;
    }

    @Override
    public int sampleRate() {
        return format.sampleRate();
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int bitsPerSample() {
        return format.bitsPerSample();
    }

    @Override
    public long frameCount() {
        return format.frameCount();
    }

    @Override
    public String describe() {
        return "WAV " + (format.encoding() == WavEncoding.PCM ? "PCM " : "float ") + format.bitsPerSample() + "-bit";
    }

    /** Frames returned by {@link #read} so far. */
    @Override
    public long framePosition() {
        return framesRead;
    }

    /**
     * Reads up to {@code maxFrames} frames into {@code dest[c][0..n)} for every channel c and
     * returns n, or -1 at the end of the audio. Fewer than {@code maxFrames} frames come back
     * only at the end. Allocates nothing.
     *
     * @param dest at least {@code channels} arrays of at least {@code maxFrames} ints each
     * @throws WavFormatException if the data chunk turns out shorter than it declared
     */
    @Override
    public int read(int[][] dest, int maxFrames) throws IOException {
        AudioReader.checkDestination(dest, maxFrames, channels);
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        int done = 0;
        while (done < maxFrames) {
            int want = Math.min(maxFrames - done, bufferFrames);
            if (dataBytes >= 0) {
                want = (int) Math.min(want, (dataBytes - consumed) / blockAlign);
                if (want == 0) {
                    // Declared size reached; a partial frame the size may imply is dropped.
                    ended = true;
                    break;
                }
            }
            int bytes = want * blockAlign;
            int got = readUpTo(bytes);
            int frames = got / blockAlign;
            SampleCodec.decode(kind, buffer, frames, channels, dest, done);
            done += frames;
            consumed += got;
            if (got < bytes) {
                ended = true;
                if (dataBytes >= 0) {
                    failure = truncated();
                }
                break;
            }
        }
        framesRead += done;
        if (done == 0 && maxFrames > 0) {
            if (failure != null) {
                throw failure;
            }
            return -1;
        }
        return done;
    }

    /**
     * Reads every remaining frame as doubles, 1.0 = full scale, {@code [channel][frame]}.
     * Values pass through Q8.24, so they carry its resolution (2^-24) and range. Meant for
     * tests and the tuner, not the render loop: it allocates as the data grows, never
     * trusting the declared size for more than a first guess.
     *
     * @throws WavFormatException if the data chunk is truncated or too long for arrays
     */
    public double[][] readAllDouble() throws IOException {
        int block = Math.min(bufferFrames, 4096);
        int[][] q = new int[channels][block];
        long expected = format.frameCount() >= 0 ? format.frameCount() - framesRead : 65536;
        int capacity = Math.clamp(expected, 1, 65536);
        double[][] out = new double[channels][capacity];
        int length = 0;
        int n;
        while ((n = read(q, block)) > 0) {
            if (length + n > capacity) {
                if (capacity >= Integer.MAX_VALUE - 8 - block) {
                    throw new WavFormatException("data chunk at byte " + dataOffset
                            + " holds more frames than a Java array; read it in blocks", dataOffset);
                }
                capacity = (int) Math.min(2L * capacity + block, Integer.MAX_VALUE - 8);
                for (int c = 0; c < channels; c++) {
                    out[c] = Arrays.copyOf(out[c], capacity);
                }
            }
            for (int c = 0; c < channels; c++) {
                int[] src = q[c];
                double[] dst = out[c];
                for (int i = 0; i < n; i++) {
                    dst[length + i] = src[i] * 0x1p-24;
                }
            }
            length += n;
        }
        if (length < capacity) {
            for (int c = 0; c < channels; c++) {
                out[c] = Arrays.copyOf(out[c], length);
            }
        }
        return out;
    }

    /** Closes the underlying stream or channel. */
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        } else {
            in.close();
        }
    }

    private WavFormatException truncated() {
        long end = dataOffset + consumed;
        return new WavFormatException("data chunk at byte " + (dataOffset - 8) + " declares " + dataBytes
                + " bytes (" + dataBytes / blockAlign + " frames), beyond the end of the stream at byte "
                + end + " (" + consumed / blockAlign + " whole frames)", end);
    }

    /** Reads up to {@code n} bytes into {@code buffer[0..n)}; fewer only at end of stream. */
    private int readUpTo(int n) throws IOException {
        if (channel != null) {
            view.clear().limit(n);
            while (view.hasRemaining() && channel.read(view) >= 0) {
                // a blocking channel returns at least one byte or -1
            }
            return view.position();
        }
        int total = 0;
        while (total < n) {
            int got = in.read(buffer, total, n - total);
            if (got < 0) {
                break;
            }
            total += got;
        }
        return total;
    }
}
