package org.cabintune.hu.engine;

import org.cabintune.dsp.audiofile.AudioFiles;
import org.cabintune.dsp.resample.Resampler;
import org.cabintune.dsp.resample.ResamplerDesign;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.dsp.wav.Dither;
import org.cabintune.dsp.wav.DitherMode;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Opens audio files for the engine: decodes WAV or FLAC ({@link DecodedAudio}), makes
 * {@link WavFileSource} players of it and {@link WavFileSink} recorders.
 */
public final class WavFiles {

    private WavFiles() {
    }

    /**
     * Decodes {@code file} (WAV or FLAC) and starts playing it from the beginning. A file at
     * another rate than the engine's is resampled as it plays ({@link Resampler}), so it never
     * plays at the wrong speed; positions (seek, loop) stay in the file's frames.
     *
     * @param sampleRate the engine's rate
     * @param channels   the engine's input channels; the file must have as many
     * @param loopWhole  true to loop the whole file (a region set later replaces it)
     * @throws IllegalArgumentException if the channels differ or no resampler converts the file's rate
     */
    public static WavFileSource player(Path file, int sampleRate, int channels, boolean loopWhole) throws IOException {
        DecodedAudio audio = decode(file);
        if (audio.channels() != channels) {
            throw new IllegalArgumentException(file + " has " + audio.channels() + " channel(s) but the profile has "
                    + channels + " input(s)");
        }
        return player(audio, sampleRate, loopWhole);
    }

    /**
     * A player of audio already decoded, resampled to {@code sampleRate} when the audio is at
     * another rate. Players of one decoding share its samples, which none of them changes.
     *
     * @throws IllegalArgumentException if no resampler converts the audio's rate
     */
    public static WavFileSource player(DecodedAudio audio, int sampleRate, boolean loopWhole) {
        Resampler resampler = null;
        Resampler understudy = null;
        if (audio.sampleRate() != sampleRate) {
            ResamplerDesign design;
            try {
                design = ResamplerDesign.of(audio.sampleRate(), sampleRate);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(audio.name() + " is " + audio.sampleRate() + " Hz and cannot be"
                        + " resampled to the engine's " + sampleRate + " Hz: " + e.getMessage(), e);
            }
            resampler = new Resampler(design, audio.channels(), AudioEngine.Context.MAX_PERIOD);
            understudy = new Resampler(design, audio.channels(), AudioEngine.Context.MAX_PERIOD);
        }
        return new WavFileSource(audio.samples(), audio.frames(), audio.sampleRate(), loopWhole, "file " + audio.name(),
                resampler, understudy);
    }

    /**
     * Decodes {@code file} (WAV or FLAC, told apart by their first bytes) into memory, at most a
     * quarter of the heap.
     *
     * @throws IOException when it cannot be read, is not audio, holds none, or is too long
     */
    public static DecodedAudio decode(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ); AudioReader reader = AudioFiles.open(in)) {
            int channels = reader.channels();
            int fileRate = reader.sampleRate();
            long budget = Runtime.getRuntime().maxMemory() / 4 / 4 / channels;
            int capacity = (int) Math.min(reader.frameCount() >= 0 ? reader.frameCount() : fileRate * 60L, budget);
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
            return new DecodedAudio(audio, length, fileRate, file.getFileName().toString());
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
