package org.cabintune.dsp.flac;

import org.cabintune.dsp.wav.AudioReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Reads a FLAC stream (RFC 9639) into Q8.24 blocks. {@link #open} reads the metadata up to the
 * first frame; {@link #read(int[][], int)} then decodes frames into a caller's preallocated
 * {@code int[channel][frame]} arrays without allocating.
 *
 * <p>Decoded: everything a FLAC encoder writes. An ID3v2 tag before the {@code fLaC} marker and
 * every metadata block after STREAMINFO (padding, application, seek table, Vorbis comment, cue
 * sheet, picture) are skipped by their lengths; frames of fixed or variable block size;
 * CONSTANT, VERBATIM, FIXED and LPC subframes with wasted bits; independent, left/side,
 * right/side and mid/side channels; Rice and Rice2 residuals with escape codes; 4 to 32 bits
 * per sample; 1 to 8 channels (see {@link FrameDecoder}). Conversion to Q8.24 is exact up to
 * 25 bits (a shift, as for WAV); 32-bit samples drop 7 bits, rounding to nearest.
 *
 * <p>Checked: each frame's header CRC-8 and CRC-16, its frame or sample number (so a missing
 * frame is noticed), its rate, channels and depth against STREAMINFO, the total sample count
 * when STREAMINFO states it, and, when STREAMINFO carries one, the MD5 of all decoded audio at
 * the end. A problem is a {@link FlacFormatException} naming the byte offset and the frame
 * number; as with {@code WavReader}, the frames decoded before it are returned first and the
 * next read throws. Streams that change rate, depth or channel count mid-stream (which no
 * encoder writes) are refused.
 *
 * <p>Not thread-safe. {@link #close()} closes the underlying channel.
 */
public final class FlacReader implements AudioReader {

    /** {@code fLaC}: the marker every native FLAC stream begins with. */
    static final int MARKER = 0x664C6143;
    private static final int STREAMINFO = 0;
    private static final int STREAMINFO_LENGTH = 34;
    private static final int INVALID_BLOCK = 127;

    private final ReadableByteChannel channel;
    private final BitReader in;
    private final StreamInfo info;
    private final FrameDecoder decoder;
    final FlacFeatures features = new FlacFeatures();
    private final int shift;
    private final MessageDigest md5;
    private final byte[] md5Bytes;
    private final byte[] expectedMd5;
    private final byte[] digest = new byte[16];
    private final int bytesPerSample;
    private long framesDecoded;
    private long samplesDecoded;
    private int frameLength;
    private int frameAt;
    private long framesRead;
    private boolean ended;
    private IOException failure;

    private FlacReader(ReadableByteChannel channel) throws IOException {
        this.channel = channel;
        this.in = new BitReader(channel, 0);
        long tag = skipId3();
        long marker = in.bits(32);
        if (marker != MARKER) {
            throw new FlacFormatException(String.format(tag > 0
                    ? "not a FLAC stream: after an ID3v2 tag of " + tag + " bytes it goes on with 0x%08X, not 'fLaC' (MP3?)"
                    : "not a FLAC stream: it starts with 0x%08X, not 'fLaC'", marker), tag, -1);
        }
        byte[] md5Field = new byte[16];
        this.info = metadata(md5Field);
        this.expectedMd5 = md5Field;
        int channels = info.channels();
        int bps = info.bitsPerSample();
        in.limitFrames(info.maxFrameSize(), worstFrameBytes(info));
        this.bytesPerSample = (bps + 7) / 8;
        this.shift = 25 - bps;
        this.decoder = new FrameDecoder(in, info, features);
        try {
            this.md5 = info.hasMd5() ? MessageDigest.getInstance("MD5") : null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no MD5", e);
        }
        this.md5Bytes = md5 == null ? null : new byte[info.maxBlockSize() * channels * bytesPerSample];
    }

    /** Reads the metadata of a FLAC stream, leaving it at the first frame. */
    public static FlacReader open(ReadableByteChannel in) throws IOException {
        return new FlacReader(in);
    }

    /** Reads the metadata of a FLAC stream, leaving it at the first frame. */
    public static FlacReader open(InputStream in) throws IOException {
        return new FlacReader(Channels.newChannel(in));
    }

    /** The STREAMINFO block. */
    public StreamInfo streamInfo() {
        return info;
    }

    @Override
    public int sampleRate() {
        return info.sampleRate();
    }

    @Override
    public int channels() {
        return info.channels();
    }

    @Override
    public int bitsPerSample() {
        return info.bitsPerSample();
    }

    @Override
    public long frameCount() {
        return info.totalSamples() > 0 ? info.totalSamples() : -1;
    }

    @Override
    public long framePosition() {
        return framesRead;
    }

    @Override
    public String describe() {
        return "FLAC " + info.bitsPerSample() + "-bit";
    }

    @Override
    public int read(int[][] dest, int maxFrames) throws IOException {
        AudioReader.checkDestination(dest, maxFrames, info.channels());
        if (failure != null) {
            throw failure;
        }
        if (ended) {
            return -1;
        }
        int done = 0;
        while (done < maxFrames) {
            if (frameAt == frameLength) {
                boolean more;
                try {
                    more = nextFrame();
                } catch (IOException e) {
                    if (done == 0) {
                        ended = true;
                        failure = e;
                        throw e;
                    }
                    failure = e;
                    break;
                }
                if (!more) {
                    break;
                }
            }
            int n = Math.min(maxFrames - done, frameLength - frameAt);
            convert(n, dest, done);
            frameAt += n;
            done += n;
        }
        framesRead += done;
        return done == 0 && maxFrames > 0 ? -1 : done;
    }

    /** Closes the underlying channel. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void convert(int n, int[][] dest, int off) {
        long[][] samples = decoder.samples();
        for (int c = 0; c < samples.length; c++) {
            long[] s = samples[c];
            int[] d = dest[c];
            if (shift >= 0) {
                for (int i = 0; i < n; i++) {
                    d[off + i] = (int) (s[frameAt + i] << shift);
                }
            } else {
                long half = 1L << (-shift - 1);
                for (int i = 0; i < n; i++) {
                    d[off + i] = (int) ((s[frameAt + i] + half) >> -shift);
                }
            }
        }
    }

    /** Decodes the next frame; false at the end of the audio (after checking its MD5). */
    private boolean nextFrame() throws IOException {
        long total = info.totalSamples();
        if (total > 0 && samplesDecoded == total || total == 0 && in.atEnd()) {
            finish();
            return false;
        }
        if (in.atEnd()) {
            long at = in.bytePosition();
            throw new FlacFormatException("the stream ends at byte " + at + " after " + samplesDecoded + " of the "
                    + total + " samples STREAMINFO declares (frame " + framesDecoded + " is missing): the file is truncated",
                    at, framesDecoded);
        }
        long start = in.bytePosition();
        decoder.decode(framesDecoded, samplesDecoded);
        int n = decoder.blockSize();
        if (total > 0 && samplesDecoded + n > total) {
            throw new FlacFormatException("frame " + framesDecoded + " at byte " + start + " ends at sample "
                    + (samplesDecoded + n) + ", past the " + total + " samples STREAMINFO declares", start, framesDecoded);
        }
        if (md5 != null) {
            hash(n);
        }
        samplesDecoded += n;
        framesDecoded++;
        frameLength = n;
        frameAt = 0;
        return true;
    }

    /** Feeds a frame to the MD5 as FLAC defines it: interleaved, little-endian, whole bytes. */
    private void hash(int n) {
        long[][] samples = decoder.samples();
        int channels = samples.length;
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                long v = samples[c][i];
                for (int b = 0; b < bytesPerSample; b++) {
                    md5Bytes[p++] = (byte) (v >> (8 * b));
                }
            }
        }
        md5.update(md5Bytes, 0, p);
    }

    private void finish() throws FlacFormatException {
        ended = true;
        if (md5 == null) {
            return;
        }
        try {
            md5.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        if (!Arrays.equals(digest, expectedMd5)) {
            throw new FlacFormatException("the MD5 of the decoded audio (" + StreamInfo.hex(digest) + ", " + samplesDecoded
                    + " samples in " + framesDecoded + " frames) differs from STREAMINFO's (" + info.md5()
                    + "): the audio is corrupt", -1, -1);
        }
    }

    /**
     * The longest frame the stream's parameters allow: every subframe VERBATIM at 33 bits, or
     * predicted with escaped partitions of 31 bits plus their headers, with room to spare.
     */
    private static long worstFrameBytes(StreamInfo info) {
        long perChannel = ((long) info.maxBlockSize() * 33 + (1L << 15) * 10 + 32 * 33 + 64) / 8 + 8;
        return 64 + info.channels() * perChannel;
    }

    /** Skips an ID3v2 tag, which some taggers put before the marker; returns its length, or 0. */
    private long skipId3() throws IOException {
        in.context("the stream header", -1);
        if (in.atEnd()) {
            throw new FlacFormatException("not a FLAC stream: it is empty", 0, -1);
        }
        if (in.peek(24) != 0x494433) {
            return 0;
        }
        in.bits(24);
        in.bits(16);
        int flags = (int) in.bits(8);
        long size = 0;
        for (int i = 0; i < 4; i++) {
            int b = (int) in.bits(8);
            if ((b & 0x80) != 0) {
                throw new FlacFormatException("the ID3v2 tag at byte 0 has an invalid size byte", 6 + i, -1);
            }
            size = size << 7 | b;
        }
        long rest = size + ((flags & 0x10) != 0 ? 10 : 0);
        in.context("the ID3v2 tag at byte 0 (" + (10 + rest) + " bytes)", -1);
        in.skipBytes(rest);
        in.context("the stream header", -1);
        return 10 + rest;
    }

    /** Reads the metadata blocks; returns STREAMINFO, its MD5 into {@code md5Field}. */
    private StreamInfo metadata(byte[] md5Field) throws IOException {
        StreamInfo found = null;
        boolean last = false;
        while (!last) {
            long at = in.bytePosition();
            in.context("the metadata block header at byte " + at, -1);
            last = in.bits(1) == 1;
            int type = (int) in.bits(7);
            long length = in.bits(24);
            if (found == null && type != STREAMINFO) {
                throw new FlacFormatException("metadata block at byte " + at + " is of type " + type
                        + " where STREAMINFO (type 0) must come first", at, -1);
            }
            if (type == INVALID_BLOCK) {
                throw new FlacFormatException("metadata block at byte " + at + " has the invalid type 127", at, -1);
            }
            in.context("the metadata block of type " + type + " at byte " + at + " (" + length + " bytes)", -1);
            if (type == STREAMINFO) {
                if (found != null) {
                    throw new FlacFormatException("a second STREAMINFO block at byte " + at, at, -1);
                }
                if (length != STREAMINFO_LENGTH) {
                    throw new FlacFormatException("STREAMINFO at byte " + at + " is " + length + " bytes, not "
                            + STREAMINFO_LENGTH, at, -1);
                }
                found = streamInfo(at, md5Field);
            } else {
                in.skipBytes(length);
            }
        }
        return found;
    }

    private StreamInfo streamInfo(long at, byte[] md5Field) throws IOException {
        int minBlock = (int) in.bits(16);
        int maxBlock = (int) in.bits(16);
        int minFrame = (int) in.bits(24);
        int maxFrame = (int) in.bits(24);
        int rate = (int) in.bits(20);
        int channels = (int) in.bits(3) + 1;
        int bps = (int) in.bits(5) + 1;
        long total = in.bits(36);
        for (int i = 0; i < 16; i++) {
            md5Field[i] = (byte) in.bits(8);
        }
        String where = " in STREAMINFO at byte " + at;
        if (maxBlock < 1 || minBlock > maxBlock) {
            throw new FlacFormatException("block sizes " + minBlock + ".." + maxBlock + where
                    + " are not a range within 1..65535", at, -1);
        }
        if (rate == 0) {
            throw new FlacFormatException("sample rate 0" + where + " is invalid for audio", at, -1);
        }
        if (bps < 4) {
            throw new FlacFormatException("bits per sample " + bps + where + " is outside 4..32", at, -1);
        }
        return new StreamInfo(minBlock, maxBlock, minFrame, maxFrame, rate, channels, bps, total, StreamInfo.hex(md5Field));
    }
}
