package org.cabintune.dsp.flac;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Builds a variable-block-size FLAC stream from separately encoded fixed-block-size segments:
 * FLAC frames are independent, so the frames of consecutive segments play as one stream once
 * each header says "variable" and carries its first sample number instead of a frame number
 * (RFC 9639, section 9.1.5), with both CRCs taken anew. STREAMINFO gets the real block and
 * frame size ranges, the total, and the MD5 of the whole signal.
 */
final class FlacSplicer {

    private FlacSplicer() {
    }

    static void splice(Path dir, int segments, FlacFixtures.Case whole, Path out) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        int minBlock = Integer.MAX_VALUE;
        int maxBlock = 0;
        int minFrame = Integer.MAX_VALUE;
        int maxFrame = 0;
        long sample = 0;
        for (int s = 0; s < segments; s++) {
            byte[] file = Files.readAllBytes(dir.resolve("segment-" + s + ".flac"));
            try (FileChannel ch = FileChannel.open(dir.resolve("segment-" + s + ".flac"), StandardOpenOption.READ)) {
                BitReader in = new BitReader(ch, 1 << 22);
                in.bits(32);
                StreamInfo info = null;
                boolean last = false;
                while (!last) {
                    last = in.bits(1) == 1;
                    int type = (int) in.bits(7);
                    long length = in.bits(24);
                    if (type == 0) {
                        info = new StreamInfo((int) in.bits(16), (int) in.bits(16), (int) in.bits(24), (int) in.bits(24),
                                (int) in.bits(20), (int) in.bits(3) + 1, (int) in.bits(5) + 1, in.bits(36), "");
                        in.skipBytes(16);
                    } else {
                        in.skipBytes(length);
                    }
                }
                FrameDecoder decoder = new FrameDecoder(in, info, new FlacFeatures());
                long segmentSamples = 0;
                for (long k = 0; !in.atEnd(); k++) {
                    int start = (int) in.bytePosition();
                    decoder.decode(k, segmentSamples);
                    int end = (int) in.bytePosition();
                    byte[] frame = rewrite(file, start, end, sample + segmentSamples);
                    frames.write(frame);
                    segmentSamples += decoder.blockSize();
                    minBlock = Math.min(minBlock, decoder.blockSize());
                    maxBlock = Math.max(maxBlock, decoder.blockSize());
                    minFrame = Math.min(minFrame, frame.length);
                    maxFrame = Math.max(maxFrame, frame.length);
                }
                sample += segmentSamples;
            }
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(new byte[] {'f', 'L', 'a', 'C', (byte) 0x80, 0, 0, 34});
        BitWriter info = new BitWriter();
        info.bits(minBlock, 16).bits(maxBlock, 16).bits(minFrame, 24).bits(maxFrame, 24).bits(whole.rate(), 20)
                .bits(whole.channels() - 1, 3).bits(whole.bits() - 1, 5).bits(sample, 36);
        stream.write(info.bytes());
        stream.write(md5(whole));
        stream.write(frames.toByteArray());
        Files.write(out, stream.toByteArray());
    }

    /** A frame with the variable-block-size flag, sample number {@code first} and fresh CRCs. */
    private static byte[] rewrite(byte[] file, int start, int end, long first) {
        int sizeCode = (file[start + 2] >> 4) & 0xF;
        int rateCode = file[start + 2] & 0xF;
        int ones = Integer.numberOfLeadingZeros(~(file[start + 4] & 0xFF) << 24);
        int numberEnd = start + 4 + Math.max(1, ones);
        int optional = (sizeCode == 6 ? 1 : sizeCode == 7 ? 2 : 0) + (rateCode == 12 ? 1 : rateCode >= 13 && rateCode <= 14 ? 2 : 0);
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0xFF);
        f.write(0xF9);
        f.write(file[start + 2]);
        f.write(file[start + 3]);
        f.writeBytes(codedNumber(first));
        f.write(file, numberEnd, optional);
        byte[] header = f.toByteArray();
        f.write(Crc.crc8(header, 0, header.length));
        int bodyFrom = numberEnd + optional + 1;
        f.write(file, bodyFrom, end - 2 - bodyFrom);
        byte[] body = f.toByteArray();
        int crc = Crc.crc16(body, 0, body.length);
        f.write(crc >> 8);
        f.write(crc & 0xFF);
        return f.toByteArray();
    }

    /** The UTF-8-like coding of a sample number (RFC 9639, section 9.1.5). */
    static byte[] codedNumber(long v) {
        if (v < 0x80) {
            return new byte[] {(byte) v};
        }
        int n = 2;
        while (n < 7 && v >= 1L << (5 * n + 1)) {
            n++;
        }
        byte[] b = new byte[n];
        b[0] = (byte) ((0xFF << (8 - n)) | (v >>> (6 * (n - 1))));
        for (int k = 1; k < n; k++) {
            b[k] = (byte) (0x80 | (v >>> (6 * (n - 1 - k))) & 0x3F);
        }
        return b;
    }

    /** FLAC's MD5 of a case's signal: interleaved, little-endian, whole bytes per sample. */
    static byte[] md5(FlacFixtures.Case c) {
        int[][] pcm = c.pcm();
        int bytes = (c.bits() + 7) / 8;
        byte[] data = new byte[c.frames() * c.channels() * bytes];
        int p = 0;
        for (int i = 0; i < c.frames(); i++) {
            for (int[] ch : pcm) {
                for (int b = 0; b < bytes; b++) {
                    data[p++] = (byte) (ch[i] >> (8 * b));
                }
            }
        }
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
