package org.cabintune.hu.engine;

import org.cabintune.dsp.wav.DitherMode;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavReader;
import org.cabintune.dsp.wav.WavWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Opens WAV files for the engine: a {@link WavFileSource} player and a {@link WavFileSink} recorder. */
public final class WavFiles {

    private WavFiles() {
    }

    /**
     * Decodes {@code file} and starts playing it from the beginning.
     *
     * @param sampleRate the engine's rate; the file must have it
     * @param channels   the engine's input channels; the file must have as many
     * @param loopWhole  true to loop the whole file (a region set later replaces it)
     */
    public static WavFileSource player(Path file, int sampleRate, int channels, boolean loopWhole) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ); WavReader reader = WavReader.open(in)) {
            WavFormat format = reader.format();
            if (format.sampleRate() != sampleRate) {
                throw new IllegalArgumentException(file + " is " + format.sampleRate() + " Hz but the engine runs at "
                        + sampleRate + " Hz; resample the file");
            }
            if (format.channels() != channels) {
                throw new IllegalArgumentException(file + " has " + format.channels() + " channel(s) but the profile has "
                        + channels + " input(s)");
            }
            long budget = Runtime.getRuntime().maxMemory() / 4 / 4 / channels;
            int capacity = (int) Math.min(format.frameCount() >= 0 ? format.frameCount() : sampleRate * 60L, budget);
            int[][] audio = new int[channels][Math.max(capacity, 1)];
            int[][] block = new int[channels][4096];
            int length = 0;
            int n;
            while ((n = reader.read(block, 4096)) > 0) {
                if (length + n > audio[0].length) {
                    if ((long) length + n > budget) {
                        throw new IOException(file + " is too long to hold in memory (" + budget + " frames at most)");
                    }
                    int grown = (int) Math.min(budget, Math.max(2L * audio[0].length, length + n));
                    for (int c = 0; c < channels; c++) {
                        audio[c] = Arrays.copyOf(audio[c], grown);
                    }
                }
                for (int c = 0; c < channels; c++) {
                    System.arraycopy(block[c], 0, audio[c], length, n);
                }
                length += n;
            }
            if (length == 0) {
                throw new IOException(file + " holds no audio");
            }
            return new WavFileSource(audio, length, sampleRate, loopWhole, "file " + file.getFileName());
        }
    }

    /** Creates (or truncates) {@code file}, flat TPDF dither below 25 bits; see the full form. */
    public static WavFileSink recorder(Path file, int channels, int sampleRate, int bits, boolean paced)
            throws IOException {
        return recorder(file, channels, sampleRate, bits, paced, DitherMode.TPDF);
    }

    /**
     * Creates (or truncates) {@code file}.
     *
     * @param bits   16, 24 or 32
     * @param paced  true to run at real time (a two-period device buffer), false to run as fast as possible
     * @param dither how words below 25 bits are dithered, as on a DAC
     */
    public static WavFileSink recorder(Path file, int channels, int sampleRate, int bits, boolean paced,
                                       DitherMode dither) throws IOException {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("bits = " + bits + " is not one of 16, 24, 32");
        }
        FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            WavWriter writer = WavWriter.create(out, WavFormat.pcm(sampleRate, channels, bits),
                    bits < 25 ? dither.create(sampleRate, channels) : null);
            return new WavFileSink(writer, channels, paced ? new Pacer(sampleRate, 2) : null);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

}
