package org.cabintune.hu.audition;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.cabintune.dsp.Q824;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;

/** Masters for the audition's tests: stereo noise at a chosen loudness, written as WAV. */
public final class Masters {

    private Masters() {
    }

    /** Stereo white noise (a seed per channel) scaled to {@code lufs} integrated loudness. */
    public static int[][] noise(int sampleRate, double seconds, long seed, double lufs) {
        int frames = (int) Math.round(seconds * sampleRate);
        return toLufs(new int[][] {Signals.quantize(Signals.whiteNoise(seed, frames, -30)),
                Signals.quantize(Signals.whiteNoise(seed + 1, frames, -30))}, sampleRate, lufs);
    }

    /** {@code samples} scaled so that a meter reads {@code lufs} (usual channel weights). */
    public static int[][] toLufs(int[][] samples, int sampleRate, double lufs) {
        double gain = Q824.dbToGain(lufs - lufs(samples, sampleRate));
        int[][] out = new int[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            out[c] = new int[samples[c].length];
            for (int i = 0; i < out[c].length; i++) {
                out[c][i] = (int) Math.round(samples[c][i] * gain);
            }
        }
        return out;
    }

    /** The integrated loudness of {@code samples}, usual channel weights. */
    public static double lufs(int[][] samples, int sampleRate) {
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(sampleRate, samples.length));
        meter.process(samples, samples[0].length);
        return meter.readings().integratedLufs();
    }

    /** Writes {@code samples} as a 32-bit WAV file (Q8.24 below full scale, exactly). */
    public static Path write(Path file, int sampleRate, int[][] samples) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WavWriter w = WavWriter.create(ch, WavFormat.pcm(sampleRate, samples.length, 32), null)) {
            w.write(samples, samples[0].length);
        }
        return file;
    }
}
