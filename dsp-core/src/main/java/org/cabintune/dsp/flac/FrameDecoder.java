package org.cabintune.dsp.flac;

import java.io.IOException;

/**
 * Decodes one FLAC frame at a time (RFC 9639, section 9) into per-channel {@code long} samples:
 * the header with its CRC-8, one subframe per channel (CONSTANT, VERBATIM, FIXED orders 0-4,
 * LPC orders 1-32, each with optional wasted bits), Rice and Rice2 coded residuals in 2^k
 * partitions with escape codes, the inter-channel decorrelation (left/side, right/side,
 * mid/side) and the frame's CRC-16.
 *
 * <p>Samples are {@code long} because a 32-bit stream's side channel needs 33 bits; predictions
 * are summed in 64 bits. Every count read from the stream is checked against the buffers
 * before it is used, so a corrupt frame is a {@link FlacFormatException}, never an index error.
 * Allocates nothing per frame.
 */
final class FrameDecoder {

    /** Residuals are at most 2^33 in size: a folded Rice value fits 35 bits. */
    private static final int RICE_VALUE_BITS = 35;
    private static final int[] RATES = {0, 88200, 176400, 192000, 8000, 16000, 22050, 24000, 32000, 44100, 48000, 96000};
    private static final int[] SAMPLE_SIZES = {0, 8, 12, -1, 16, 20, 24, 32};

    private final BitReader in;
    private final StreamInfo info;
    private final long[][] samples;
    private final long[] coefficients = new long[32];
    final FlacFeatures features;
    private int blockingStrategy = -1;
    private long frameNumber;
    private long frameOffset;
    private int blockSize;

    FrameDecoder(BitReader in, StreamInfo info, FlacFeatures features) {
        this.in = in;
        this.info = info;
        this.features = features;
        this.samples = new long[info.channels()][info.maxBlockSize()];
    }

    /** The decoded samples of the last frame, {@code [channel][0..blockSize)}. */
    long[][] samples() {
        return samples;
    }

    /** Samples per channel in the last frame. */
    int blockSize() {
        return blockSize;
    }

    /**
     * Decodes the next frame, which must start at sample {@code firstSample} of the stream.
     *
     * @param number the frame's 0-based number, for messages and the fixed-block-size check
     */
    void decode(long number, long firstSample) throws IOException {
        frameNumber = number;
        frameOffset = in.bytePosition();
        in.markFrame();
        in.context("the frame header", number);
        int channelCode = header(firstSample);
        in.context("the audio", number);
        int bps = info.bitsPerSample();
        int channels = info.channels();
        for (int c = 0; c < channels; c++) {
            boolean side = (channelCode == 8 && c == 1) || (channelCode == 9 && c == 0) || (channelCode == 10 && c == 1);
            subframe(c, side ? bps + 1 : bps);
        }
        decorrelate(channelCode);
        in.alignToByte();
        int length = in.sinceMark();
        in.context("the frame footer", number);
        int stored = (int) in.bits(16);
        int computed = in.crc16SinceMark(length);
        if (stored != computed) {
            throw error(String.format("CRC-16 mismatch (stored 0x%04X, computed 0x%04X over %d bytes): the frame is corrupt",
                    stored, computed, length));
        }
    }

    /** Reads and checks the frame header; returns the channel assignment code. */
    private int header(long firstSample) throws IOException {
        long sync = in.bits(15);
        if (sync != 0x7FFC) {
            throw error(String.format("no frame sync code (found 0x%04X where 0xFFF8 or 0xFFF9 belongs)",
                    sync << 1 | in.bits(1)));
        }
        int strategy = (int) in.bits(1);
        int sizeCode = (int) in.bits(4);
        int rateCode = (int) in.bits(4);
        int channelCode = (int) in.bits(4);
        int depthCode = (int) in.bits(3);
        if (in.bits(1) != 0) {
            throw error("the reserved bit after the sample size is 1");
        }
        long coded = codedNumber(strategy);
        if (sizeCode == 0) {
            throw error("block size code 0 is reserved");
        }
        blockSize = switch (sizeCode) {
            case 1 -> 192;
            case 2, 3, 4, 5 -> 576 << (sizeCode - 2);
            case 6 -> (int) in.bits(8) + 1;
            case 7 -> (int) in.bits(16) + 1;
            default -> 256 << (sizeCode - 8);
        };
        int rate = switch (rateCode) {
            case 0 -> info.sampleRate();
            case 12 -> (int) in.bits(8) * 1000;
            case 13 -> (int) in.bits(16);
            case 14 -> (int) in.bits(16) * 10;
            case 15 -> throw error("sample rate code 15 is invalid");
            default -> RATES[rateCode];
        };
        int headerBytes = in.sinceMark();
        int stored = (int) in.bits(8);
        int computed = in.crc8SinceMark(headerBytes);
        if (stored != computed) {
            throw error(String.format("header CRC-8 mismatch (stored 0x%02X, computed 0x%02X): the frame is corrupt",
                    stored, computed));
        }
        if (blockingStrategy >= 0 && strategy != blockingStrategy) {
            throw error("the blocking strategy changes from " + strategyName(blockingStrategy) + " to "
                    + strategyName(strategy) + " mid-stream");
        }
        blockingStrategy = strategy;
        if (strategy == 1) {
            features.variableBlockSize++;
        }
        long expected = strategy == 0 ? frameNumber : firstSample;
        if (coded != expected) {
            throw error((strategy == 0 ? "frame number " : "first sample ") + coded + " where " + expected
                    + " belongs: frames are missing or out of order");
        }
        if (blockSize > info.maxBlockSize()) {
            throw error("block size " + blockSize + " exceeds STREAMINFO's maximum " + info.maxBlockSize());
        }
        if (rate != info.sampleRate()) {
            throw error("sample rate " + rate + " Hz differs from STREAMINFO's " + info.sampleRate() + " Hz");
        }
        int channels = channelCode < 8 ? channelCode + 1 : channelCode <= 10 ? 2 : -1;
        if (channels < 0) {
            throw error("channel assignment " + channelCode + " is reserved");
        }
        if (channels != info.channels()) {
            throw error(channels + " channel(s) where STREAMINFO has " + info.channels());
        }
        int depth = depthCode == 0 ? info.bitsPerSample() : SAMPLE_SIZES[depthCode];
        if (depth < 0) {
            throw error("sample size code 3 is reserved");
        }
        if (depth != info.bitsPerSample()) {
            throw error(depth + " bits per sample where STREAMINFO has " + info.bitsPerSample());
        }
        return channelCode;
    }

    /** The frame or sample number: UTF-8-like, 1 to 7 bytes (RFC 9639, section 9.1.5). */
    private long codedNumber(int strategy) throws IOException {
        int first = (int) in.bits(8);
        int extra = Integer.numberOfLeadingZeros(~first << 24);
        if (extra == 1 || extra > 7 || (strategy == 0 && extra > 6)) {
            throw error(String.format("coded %s number starts with the invalid byte 0x%02X",
                    strategy == 0 ? "frame" : "sample", first));
        }
        if (extra == 0) {
            return first;
        }
        extra--;
        long value = first & (0x3F >> extra);
        for (int i = 0; i < extra; i++) {
            int b = (int) in.bits(8);
            if ((b & 0xC0) != 0x80) {
                throw error(String.format("coded number continues with the invalid byte 0x%02X", b));
            }
            value = value << 6 | (b & 0x3F);
        }
        return value;
    }

    /** Decodes one channel's subframe of {@code bps} bits per sample into {@code samples[c]}. */
    private void subframe(int c, int bps) throws IOException {
        if (in.bits(1) != 0) {
            throw error("subframe " + c + " starts with a 1 where a zero bit belongs");
        }
        int type = (int) in.bits(6);
        int wasted = 0;
        if (in.bits(1) != 0) {
            long k = in.unary(bps);
            if (k < 0 || k + 1 >= bps) {
                throw error("subframe " + c + " declares more wasted bits than its " + bps + " bits per sample");
            }
            wasted = (int) k + 1;
            features.wastedBits++;
        }
        int width = bps - wasted;
        long[] s = samples[c];
        int n = blockSize;
        if (type == 0) {
            features.constant++;
            long v = in.signed(width);
            for (int i = 0; i < n; i++) {
                s[i] = v;
            }
        } else if (type == 1) {
            features.verbatim++;
            for (int i = 0; i < n; i++) {
                s[i] = in.signed(width);
            }
        } else if (type >= 8 && type <= 12) {
            int order = type - 8;
            warmUp(c, s, order, width);
            features.fixed++;
            residual(c, s, order);
            fixed(s, order, n);
        } else if (type >= 32) {
            int order = type - 31;
            warmUp(c, s, order, width);
            int precision = (int) in.bits(4) + 1;
            if (precision == 16) {
                throw error("subframe " + c + ": LPC coefficient precision code 15 is invalid");
            }
            int shift = (int) in.signed(5);
            if (shift < 0) {
                throw error("subframe " + c + ": LPC shift " + shift + " is negative");
            }
            for (int j = 0; j < order; j++) {
                coefficients[j] = in.signed(precision);
            }
            features.lpc++;
            features.maxLpcOrder = Math.max(features.maxLpcOrder, order);
            residual(c, s, order);
            lpc(s, order, shift, n);
        } else {
            throw error("subframe " + c + " has the reserved type " + type);
        }
        if (wasted > 0) {
            for (int i = 0; i < n; i++) {
                s[i] <<= wasted;
            }
        }
    }

    private void warmUp(int c, long[] s, int order, int width) throws IOException {
        if (order > blockSize) {
            throw error("subframe " + c + " has predictor order " + order + " above its block size " + blockSize);
        }
        for (int i = 0; i < order; i++) {
            s[i] = in.signed(width);
        }
    }

    /** Reads the residual of a predicted subframe into {@code s[order..blockSize)}. */
    private void residual(int c, long[] s, int order) throws IOException {
        int method = (int) in.bits(2);
        if (method > 1) {
            throw error("subframe " + c + " uses the reserved residual coding method " + method);
        }
        int paramBits = method == 0 ? 4 : 5;
        int escape = (1 << paramBits) - 1;
        int partitionOrder = (int) in.bits(4);
        int partitions = 1 << partitionOrder;
        int perPartition = blockSize >> partitionOrder;
        if ((perPartition << partitionOrder) != blockSize || perPartition < order) {
            throw error("subframe " + c + ": " + partitions + " residual partitions do not fit a block of " + blockSize
                    + " samples with predictor order " + order);
        }
        if (method == 0) {
            features.rice++;
        } else {
            features.rice2++;
        }
        int i = order;
        for (int p = 0; p < partitions; p++) {
            int end = (p + 1) * perPartition;
            int param = (int) in.bits(paramBits);
            if (param == escape) {
                features.escapes++;
                int width = (int) in.bits(5);
                for (; i < end; i++) {
                    s[i] = in.signed(width);
                }
                continue;
            }
            long limit = (1L << (RICE_VALUE_BITS - param)) - 1;
            for (; i < end; i++) {
                long q = in.unary(limit);
                if (q < 0) {
                    throw error("subframe " + c + ": a residual in partition " + p + " is out of range (its unary part"
                            + " runs past " + limit + " zeros)");
                }
                long u = q << param | in.bits(param);
                s[i] = (u >>> 1) ^ -(u & 1);
            }
        }
    }

    /** Restores a FIXED subframe in place: residual plus the polynomial prediction of its order. */
    private static void fixed(long[] s, int order, int n) {
        switch (order) {
            case 1 -> {
                for (int i = 1; i < n; i++) {
                    s[i] += s[i - 1];
                }
            }
            case 2 -> {
                for (int i = 2; i < n; i++) {
                    s[i] += 2 * s[i - 1] - s[i - 2];
                }
            }
            case 3 -> {
                for (int i = 3; i < n; i++) {
                    s[i] += 3 * (s[i - 1] - s[i - 2]) + s[i - 3];
                }
            }
            case 4 -> {
                for (int i = 4; i < n; i++) {
                    s[i] += 4 * (s[i - 1] + s[i - 3]) - 6 * s[i - 2] - s[i - 4];
                }
            }
            default -> {
                // Order 0: the residual is the signal.
            }
        }
    }

    /** Restores an LPC subframe in place: residual plus the quantised prediction, shifted down. */
    private void lpc(long[] s, int order, int shift, int n) {
        long[] q = coefficients;
        for (int i = order; i < n; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += q[j] * s[i - 1 - j];
            }
            s[i] += sum >> shift;
        }
    }

    /** Undoes the stereo decorrelation of channel assignments 8, 9 and 10. */
    private void decorrelate(int channelCode) {
        int n = blockSize;
        if (channelCode < 8) {
            return;
        }
        long[] a = samples[0];
        long[] b = samples[1];
        switch (channelCode) {
            case 8 -> {
                features.leftSide++;
                for (int i = 0; i < n; i++) {
                    b[i] = a[i] - b[i];
                }
            }
            case 9 -> {
                features.rightSide++;
                for (int i = 0; i < n; i++) {
                    a[i] += b[i];
                }
            }
            default -> {
                features.midSide++;
                for (int i = 0; i < n; i++) {
                    long side = b[i];
                    long mid = a[i] << 1 | (side & 1);
                    a[i] = (mid + side) >> 1;
                    b[i] = (mid - side) >> 1;
                }
            }
        }
    }

    private static String strategyName(int strategy) {
        return strategy == 0 ? "fixed" : "variable";
    }

    private FlacFormatException error(String what) {
        return new FlacFormatException("frame " + frameNumber + " at byte " + frameOffset + ": " + what, frameOffset,
                frameNumber);
    }
}
