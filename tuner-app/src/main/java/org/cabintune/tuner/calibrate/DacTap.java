package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads what a head unit sends its DAC from the WAV recording it is still writing
 * ({@code cabintune-hu run --sink wav:FILE}): integer PCM whose sizes are patched only when the
 * unit stops, so the frames present are counted from the file's length.
 */
final class DacTap implements AutoCloseable {

    private final Path file;
    private final FileChannel in;
    private final long dataOffset;
    private final int channels;
    private final int bytesPerSample;
    private final int sampleRate;

    private DacTap(Path file, FileChannel in, long dataOffset, int channels, int bytesPerSample, int sampleRate) {
        this.file = file;
        this.in = in;
        this.dataOffset = dataOffset;
        this.channels = channels;
        this.bytesPerSample = bytesPerSample;
        this.sampleRate = sampleRate;
    }

    /** Opens the recording, waiting up to {@code waitMillis} for the unit to have written its header. */
    static DacTap open(Path file, long waitMillis) throws IOException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        IOException last = null;
        while (true) {
            try {
                return openNow(file);
            } catch (IOException e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                throw new IOException(file + ": not a head unit's DAC recording yet: " + last.getMessage(), last);
            }
            sleep(50);
        }
    }

    private static DacTap openNow(Path file) throws IOException {
        FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
        try {
            ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            readFully(in, b, 0);
            if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
                throw new IOException("it does not start with RIFF....WAVE");
            }
            long pos = 12;
            int channels = 0;
            int bits = 0;
            int rate = 0;
            while (true) {
                ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
                readFully(in, h, pos);
                int id = h.getInt(0);
                long size = Integer.toUnsignedLong(h.getInt(4));
                if (id == 0x20746d66) { // "fmt "
                    ByteBuffer f = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                    readFully(in, f, pos + 8);
                    int tag = f.getShort(0) & 0xffff;
                    channels = f.getShort(2) & 0xffff;
                    rate = f.getInt(4);
                    bits = f.getShort(14) & 0xffff;
                    if (tag != 1 && tag != 0xfffe) {
                        throw new IOException("format tag " + tag + " is not integer PCM");
                    }
                } else if (id == 0x61746164) { // "data"
                    if (channels == 0) {
                        throw new IOException("the data chunk comes before the fmt chunk");
                    }
                    if (bits != 16 && bits != 24 && bits != 32) {
                        throw new IOException(bits + "-bit samples; a DAC recording has 16, 24 or 32");
                    }
                    return new DacTap(file, in, pos + 8, channels, bits / 8, rate);
                }
                pos += 8 + size + (size & 1);
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
    }

    int channels() {
        return channels;
    }

    int sampleRate() {
        return sampleRate;
    }

    /** Whole frames written so far. */
    long frames() throws IOException {
        return Math.max(0, (in.size() - dataOffset) / ((long) channels * bytesPerSample));
    }

    /** Frames [from, to) as full scale 1.0, one array per channel. */
    double[][] read(long from, long to) throws IOException {
        int n = Math.toIntExact(to - from);
        int frameBytes = channels * bytesPerSample;
        ByteBuffer b = ByteBuffer.allocate(n * frameBytes).order(ByteOrder.LITTLE_ENDIAN);
        readFully(in, b, dataOffset + from * frameBytes);
        double[][] out = new double[channels][n];
        double scale = 1.0 / (1L << (8 * bytesPerSample - 1));
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < channels; c++) {
                int p = (i * channels + c) * bytesPerSample;
                int v = switch (bytesPerSample) {
                    case 2 -> b.getShort(p);
                    case 3 -> (b.get(p) & 0xff) | (b.get(p + 1) & 0xff) << 8 | b.get(p + 2) << 16;
                    default -> b.getInt(p);
                };
                out[c][i] = v * scale;
            }
        }
        return out;
    }

    Path file() {
        return file;
    }

    private static void readFully(FileChannel in, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int r = in.read(b, pos + b.position());
            if (r < 0) {
                throw new IOException("it ends at byte " + (pos + b.position()));
            }
        }
    }

    private static void sleep(long ms) throws IOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
