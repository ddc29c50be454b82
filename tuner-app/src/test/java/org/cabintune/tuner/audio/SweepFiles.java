package org.cabintune.tuner.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;

/**
 * Sound files written by Java Sound's own file writers, as a sound card would deliver them: the
 * measurement stimulus on one channel, a tone on the others, in signed words of a chosen size.
 */
public final class SweepFiles {

    static final int RATE = 48000;
    /** The stimulus: 1 s sweep, no markers. */
    static final SweepSpec SPEC = new SweepSpec(RATE, 10, 22_800, 1, -12, false);
    /** The microphone's signal: the stimulus at this gain, this many samples late. */
    static final double GAIN = 0.5;
    static final int DELAY = 100;

    private SweepFiles() {
    }

    /** The microphone's signal before quantisation. */
    static double[] microphone() {
        double[] s = new SweepGenerator(SPEC).render()[SPEC.layout().sweepChannel()];
        double[] out = new double[s.length + DELAY + 2400];
        for (int i = 0; i < s.length; i++) {
            out[i + DELAY] = GAIN * s[i];
        }
        return out;
    }

    /** A word of {@code bits} for x, as a sound card's converter would round it. */
    public static int word(double x, int bits) {
        double full = Math.pow(2, bits - 1);
        return (int) Math.max(-full, Math.min(full - 1, Math.round(x * full)));
    }

    /**
     * Writes {@code channels} channels of {@code bits}-bit words, the microphone on {@code mic}
     * and a 1 kHz tone at 0.3 on the others, as {@code type} (WAVE: little-endian; AIFF: big).
     */
    static Path write(Path file, AudioFileFormat.Type type, int bits, int channels, int mic) throws IOException {
        return write(file, type, bits, channels, mic, microphone());
    }

    /** Writes {@code x} as the microphone's channel {@code mic} of such a file (48 kHz). */
    public static Path write(Path file, AudioFileFormat.Type type, int bits, int channels, int mic, double[] x)
            throws IOException {
        boolean big = type == AudioFileFormat.Type.AIFF;
        int bytes = bits / 8;
        ByteBuffer b = ByteBuffer.allocate(x.length * channels * bytes).order(big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int f = 0; f < x.length; f++) {
            for (int c = 0; c < channels; c++) {
                double v = c == mic ? x[f] : 0.3 * Math.sin(2 * Math.PI * 1000 * f / RATE);
                int w = word(v, bits);
                switch (bits) {
                    case 16 -> b.putShort((short) w);
                    case 32 -> b.putInt(w);
                    default -> {
                        for (int i = 0; i < 3; i++) {
                            b.put((byte) (w >> (8 * (big ? 2 - i : i))));
                        }
                    }
                }
            }
        }
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, RATE, bits, channels, channels * bytes, RATE, big);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), format, x.length)) {
            AudioSystem.write(in, type, file.toFile());
        }
        return file;
    }
}
