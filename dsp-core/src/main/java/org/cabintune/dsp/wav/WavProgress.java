package org.cabintune.dsp.wav;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.util.Optional;

/**
 * How much of a WAV file is there now, for a reader that follows a recording while its writer
 * is still at work: the head unit's WAV sink ({@code cabintune-hu run --sink wav:FILE}), a long
 * render. {@link WavWriter} on a channel writes its header with 0xFFFFFFFF sizes, flushes in
 * 64 KiB pieces (the header goes out with the first piece) and patches the sizes only at close,
 * so until then the frames present are counted from the file's length: whole frames between
 * the first audio byte and the end. Once the sizes are patched, the data chunk's own size
 * counts (bytes after it, such as a pad byte, are not frames).
 *
 * @param format     the file's format; its {@code frameCount} is {@code frames}
 * @param dataOffset the byte offset of the first audio byte, found by walking the chunks: 44 for
 *                   {@link WavWriter}'s plain header (PCM of up to 16 bits, 1 or 2 channels), 68 for
 *                   its {@code WAVE_FORMAT_EXTENSIBLE} PCM header (more bits or channels), 80 for
 *                   float (extensible with a {@code fact} chunk)
 * @param frames     whole frames in the file now
 */
public record WavProgress(WavFormat format, long dataOffset, long frames) {

    /**
     * Looks at the WAV file open in {@code file}, reading its header from the start (the
     * channel's position is moved). Empty while the file does not yet hold its header up to the
     * {@code data} chunk: a writer has not flushed its first piece.
     *
     * @throws WavFormatException when what the file holds is not a WAV header this package reads
     */
    public static Optional<WavProgress> of(SeekableByteChannel file) throws IOException {
        long length = file.size();
        file.position(0);
        EndWatch in = new EndWatch(Channels.newInputStream(file));
        HeaderParser.Header header;
        try {
            header = HeaderParser.parse(in);
        } catch (WavFormatException e) {
            if (in.ended) {
                return Optional.empty();
            }
            throw e;
        }
        long present = Math.max(0, length - header.dataOffset());
        long bytes = header.dataBytes() >= 0 ? Math.min(header.dataBytes(), present) : present;
        long frames = bytes / header.format().blockAlign();
        return Optional.of(new WavProgress(header.format().withFrameCount(frames), header.dataOffset(), frames));
    }

    /**
     * Reads frames {@code [from, from + n)} of {@code file} into {@code dest[c][0..n)} as Q8.24,
     * with {@code n = min(maxFrames, frames - from)}, and returns n (0 at or past the frames
     * present). Decodes as {@link WavReader} does. Allocates a buffer for the bytes.
     *
     * @param dest at least {@code channels} arrays of at least {@code maxFrames} ints each
     * @throws IOException when the file holds fewer bytes than these frames need (it was cut)
     */
    public int read(SeekableByteChannel file, long from, int[][] dest, int maxFrames) throws IOException {
        AudioReader.checkDestination(dest, maxFrames, format.channels());
        if (from < 0) {
            throw new IllegalArgumentException("from = " + from + " is negative");
        }
        int n = (int) Math.max(0, Math.min(maxFrames, frames - from));
        int blockAlign = format.blockAlign();
        ByteBuffer bytes = ByteBuffer.allocate(Math.multiplyExact(n, blockAlign));
        file.position(dataOffset + from * blockAlign);
        while (bytes.hasRemaining()) {
            if (file.read(bytes) < 0) {
                throw new WavFormatException("the file ends at byte " + file.position() + ", inside frame "
                        + (from + bytes.position() / blockAlign) + " of the " + frames + " it held", file.position());
            }
        }
        SampleCodec.decode(SampleCodec.kindOf(format), bytes.array(), n, format.channels(), dest, 0);
        return n;
    }

    /** Notes whether the stream ran out, so that a header cut short reads as "not yet". */
    private static final class EndWatch extends FilterInputStream {

        private boolean ended;

        EndWatch(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }
    }
}
