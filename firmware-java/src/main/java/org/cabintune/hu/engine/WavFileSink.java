package org.cabintune.hu.engine;

import org.cabintune.dsp.wav.Dither;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records what the DAC would get into a WAV file: integer PCM of 16, 24 or 32 bits (TPDF
 * dither below 25 bits, as on a DAC). Paced at real time like {@link NullSink} or, unpaced, as
 * fast as the engine runs. The writer flushes in 64 KiB pieces from its own buffer, so a write
 * allocates nothing; the file's sizes are patched on {@link #close()}.
 */
public final class WavFileSink implements Sink {

    private final WavWriter writer;
    private final int channels;
    private final Pacer pacer;

    private WavFileSink(WavWriter writer, int channels, Pacer pacer) {
        this.writer = writer;
        this.channels = channels;
        this.pacer = pacer;
    }

    /**
     * Creates (or truncates) {@code file}.
     *
     * @param bits  16, 24 or 32
     * @param paced true to run at real time, false to run as fast as possible
     */
    public static WavFileSink create(Path file, int channels, int sampleRate, int bits, boolean paced)
            throws IOException {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("bits = " + bits + " is not one of 16, 24, 32");
        }
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            WavWriter writer = WavWriter.create(out, WavFormat.pcm(sampleRate, channels, bits),
                    bits < 25 ? new Dither(sampleRate) : null);
            return new WavFileSink(writer, channels, paced ? new Pacer(sampleRate) : null);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void write(int[][] block, int frames) throws IOException {
        if (pacer != null) {
            pacer.await(frames);
        }
        writer.write(block, frames);
    }

    @Override
    public long nextDeadlineNanos() {
        return pacer == null ? 0 : pacer.nextDue();
    }

    @Override
    public long xruns() {
        return pacer == null ? 0 : pacer.underruns();
    }

    /** Frames written so far. */
    public long framesWritten() {
        return writer.framesWritten();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
