package org.cabintune.dsp.flac;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * Reads a FLAC stream bit by bit, most significant bit first, from a channel through a byte
 * buffer. Up to 64 bits wait in a left-aligned cache, so a read is a shift; unary codes are
 * counted with {@link Long#numberOfLeadingZeros}. The bytes of the frame being decoded stay in
 * the buffer from its {@link #markFrame() mark} on, so its CRCs can be taken afterwards; the
 * buffer grows (up to a limit) only when one frame does not fit.
 *
 * <p>Every read past the end of the stream throws a {@link FlacFormatException} naming the byte
 * offset, the part being read and the frame number, so a cut-off file never decodes as a
 * shorter one.
 */
final class BitReader {

    private static final int INITIAL_BUFFER = 64 * 1024;

    private final ReadableByteChannel in;
    private int maxBuffer;
    private byte[] buf;
    private ByteBuffer view;
    /** Next byte of {@link #buf} to load into the cache. */
    private int pos;
    /** Bytes of {@link #buf} that hold data. */
    private int limit;
    /** Stream offset of {@code buf[0]}. */
    private long base;
    /** Valid bits left-aligned; the bits below them are zero. */
    private long cache;
    private int avail;
    /** Buffer index of the current frame's first byte, or -1. */
    private int mark = -1;
    private boolean eof;
    /** What is being read and in which frame, for the end-of-stream message. */
    private String part = "the stream header";
    private long frame = -1;

    /** A reader whose buffer may grow to {@code maxBuffer} bytes until {@link #limitFrames} says more. */
    BitReader(ReadableByteChannel in, int maxBuffer) {
        this.in = in;
        this.maxBuffer = Math.max(INITIAL_BUFFER, maxBuffer);
        this.buf = new byte[INITIAL_BUFFER];
        this.view = ByteBuffer.wrap(buf);
    }

    /**
     * Sets how long a frame may be ({@code worst}: what the stream's parameters allow) and
     * sizes the buffer for a frame of {@code typical} bytes up front, so that reading the
     * frames of a well-formed stream allocates nothing.
     */
    void limitFrames(long typical, long worst) {
        maxBuffer = (int) Math.clamp(worst, INITIAL_BUFFER, Integer.MAX_VALUE - 8);
        long wanted = Math.min(2 * typical, maxBuffer);
        if (wanted > buf.length) {
            grow((int) wanted);
        }
    }

    /** The next {@code n} (1..32) bits without consuming them, or -1 if the stream ends first. */
    long peek(int n) throws IOException {
        if (avail < n) {
            load();
            if (avail < n) {
                return -1;
            }
        }
        return cache >>> (64 - n);
    }

    /** Names what the next reads are for, in messages. */
    void context(String what, long frameNumber) {
        part = what;
        frame = frameNumber;
    }

    /** Reads {@code n} (0..57) bits as an unsigned value. */
    long bits(int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (avail < n) {
            load();
            if (avail < n) {
                throw endOfStream();
            }
        }
        long v = cache >>> (64 - n);
        cache <<= n;
        avail -= n;
        return v;
    }

    /** Reads {@code n} (0..57) bits as a two's-complement value. */
    long signed(int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        return bits(n) << (64 - n) >> (64 - n);
    }

    /**
     * Counts zero bits up to the next one bit and consumes them both. Gives up past
     * {@code limit} zeros, returning -1, so a corrupt run of zeros cannot run on for long.
     */
    long unary(long limit) throws IOException {
        long zeros = 0;
        while (true) {
            if (cache != 0) {
                int lz = Long.numberOfLeadingZeros(cache);
                // Two shifts: a Java shift by 64 would leave the value as it was.
                cache = cache << lz << 1;
                avail -= lz + 1;
                zeros += lz;
                return zeros > limit ? -1 : zeros;
            }
            zeros += avail;
            avail = 0;
            if (zeros > limit) {
                return -1;
            }
            load();
            if (avail == 0) {
                throw endOfStream();
            }
        }
    }

    /** Skips to the next byte boundary. */
    void alignToByte() {
        int r = avail & 7;
        cache <<= r;
        avail -= r;
    }

    /** True when the reader is on a byte boundary. */
    boolean aligned() {
        return (avail & 7) == 0;
    }

    /** Stream offset of the next byte; on a byte boundary only. */
    long bytePosition() {
        return base + pos - (avail >> 3);
    }

    /** Keeps the bytes from here on in the buffer until the next mark; on a byte boundary. */
    void markFrame() {
        mark = pos - (avail >> 3);
    }

    /** Bytes from the mark to here; on a byte boundary. */
    int sinceMark() {
        return pos - (avail >> 3) - mark;
    }

    /** CRC-8 of the {@code n} bytes after the mark. */
    int crc8SinceMark(int n) {
        return Crc.crc8(buf, mark, mark + n);
    }

    /** CRC-16 of the {@code n} bytes after the mark. */
    int crc16SinceMark(int n) {
        return Crc.crc16(buf, mark, mark + n);
    }

    /** Skips {@code n} bytes; on a byte boundary. Throws if the stream ends first. */
    void skipBytes(long n) throws IOException {
        while (n > 0 && avail > 0) {
            bits(8);
            n--;
        }
        while (n > 0) {
            if (pos == limit && !fill()) {
                throw endOfStream();
            }
            int step = (int) Math.min(n, limit - pos);
            pos += step;
            n -= step;
        }
    }

    /** True when nothing is left: on a byte boundary, no cached bits and the stream at its end. */
    boolean atEnd() throws IOException {
        if (avail > 0) {
            return false;
        }
        return pos == limit && !fill();
    }

    /** Moves as many whole bytes as fit into the cache. */
    private void load() throws IOException {
        while (avail <= 56) {
            if (pos == limit && !fill()) {
                return;
            }
            cache |= (buf[pos++] & 0xFFL) << (56 - avail);
            avail += 8;
        }
    }

    /** Reads more of the stream into the buffer; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (limit == buf.length) {
            int keep = mark >= 0 ? Math.min(mark, pos) : pos;
            if (keep > 0) {
                System.arraycopy(buf, keep, buf, 0, limit - keep);
                base += keep;
                pos -= keep;
                limit -= keep;
                if (mark >= 0) {
                    mark -= keep;
                }
            } else {
                if (buf.length >= maxBuffer) {
                    throw new FlacFormatException("frame " + frame + " at byte " + (base + Math.max(mark, 0))
                            + " is longer than " + maxBuffer + " bytes, more than its STREAMINFO allows: the stream is corrupt",
                            base + Math.max(mark, 0), frame);
                }
                grow((int) Math.min(maxBuffer, 2L * buf.length));
            }
        }
        view.limit(buf.length).position(limit);
        int got;
        do {
            got = in.read(view);
        } while (got == 0);
        if (got < 0) {
            eof = true;
            return false;
        }
        limit += got;
        return true;
    }

    private void grow(int size) {
        byte[] bigger = new byte[size];
        System.arraycopy(buf, 0, bigger, 0, limit);
        buf = bigger;
        view = ByteBuffer.wrap(buf);
    }

    private FlacFormatException endOfStream() {
        long at = base + limit;
        return new FlacFormatException("the stream ends at byte " + at + " in " + part
                + (frame >= 0 ? " of frame " + frame : "") + ": the file is truncated", at, frame);
    }
}
