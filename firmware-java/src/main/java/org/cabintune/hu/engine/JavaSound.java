package org.cabintune.hu.engine;

import org.cabintune.dsp.wav.Dither;
import org.cabintune.dsp.wav.PcmCodec;
import org.cabintune.dsp.wav.WavFormat;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Opening a {@link JavaSoundSink}: the line's format, the choice of mixer, and every message,
 * kept out of the sink so that the class on the audio thread holds no strings.
 */
public final class JavaSound {

    /** The device-string prefix that asks for Java Sound: {@code javasound:NAME}. */
    public static final String PREFIX = "javasound:";

    private JavaSound() {
    }

    /** Signed little-endian PCM of {@code bits} (16, 24 or 32) bits, as the DAC formats are. */
    public static AudioFormat format(int bits, int channels, int rate) {
        if (bits != 16 && bits != 24 && bits != 32) {
            throw new IllegalArgumentException("bits = " + bits + " is not one of 16, 24, 32");
        }
        Checks.channels(channels);
        Checks.sampleRate(rate);
        return new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, bits, channels, channels * bits / 8, rate, false);
    }

    /** The converter from Q8.24 blocks to a line's bytes: TPDF dither below 32 bits. */
    static PcmCodec codec(AudioFormat format) {
        int bits = format.getSampleSizeInBits();
        int rate = (int) format.getSampleRate();
        return new PcmCodec(WavFormat.pcm(rate, format.getChannels(), bits), bits < 32 ? new Dither(System.nanoTime()) : null);
    }

    /**
     * Opens a line on the mixer whose name contains {@code mixerName} (case-insensitive; empty or
     * {@code default} for the system's default line) with a buffer of {@code periods} periods.
     *
     * @throws IOException naming the format and the mixers there are, when no line takes it
     */
    public static JavaSoundSink open(String mixerName, int bits, int channels, int rate, int periodFrames, int periods)
            throws IOException {
        AudioFormat format = format(bits, channels, rate);
        DataLine.Info wanted = new DataLine.Info(SourceDataLine.class, format);
        List<Mixer.Info> mixers = Arrays.asList(AudioSystem.getMixerInfo());
        SourceDataLine line;
        try {
            if (mixerName.isEmpty() || mixerName.equalsIgnoreCase("default")) {
                if (!AudioSystem.isLineSupported(wanted)) {
                    throw new IOException(noLine(format, mixers));
                }
                line = (SourceDataLine) AudioSystem.getLine(wanted);
            } else {
                Mixer.Info chosen = choose(mixerName, mixers, m -> AudioSystem.getMixer(m).isLineSupported(wanted), format);
                line = (SourceDataLine) AudioSystem.getMixer(chosen).getLine(wanted);
            }
            line.open(format, periods * periodFrames * format.getFrameSize());
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new IOException("Java Sound cannot open a line for " + describe(format) + ": " + e.getMessage(), e);
        }
        line.start();
        return new JavaSoundSink(line, codec(format), channels, periodFrames);
    }

    /**
     * The mixer whose name contains {@code name} (case-insensitive) and that takes the format.
     *
     * @throws IOException naming every mixer there is when none fits
     */
    static Mixer.Info choose(String name, List<Mixer.Info> mixers, Predicate<Mixer.Info> takesFormat, AudioFormat format)
            throws IOException {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<Mixer.Info> named = mixers.stream().filter(m -> m.getName().toLowerCase(Locale.ROOT).contains(wanted)).toList();
        if (named.isEmpty()) {
            throw new IOException("no Java Sound mixer is named like \"" + name + "\"; " + listed(mixers));
        }
        return named.stream().filter(takesFormat).findFirst().orElseThrow(() -> new IOException("Java Sound mixer"
                + (named.size() > 1 ? "s " : " ") + names(named) + " take" + (named.size() > 1 ? "" : "s") + " no "
                + describe(format) + "; " + listed(mixers)));
    }

    static String noLine(AudioFormat format, List<Mixer.Info> mixers) {
        return "no Java Sound output line takes " + describe(format) + "; " + listed(mixers);
    }

    private static String listed(List<Mixer.Info> mixers) {
        return mixers.isEmpty() ? "this machine has no Java Sound mixers (no sound card, or none the JVM can reach)"
                : "the mixers here: " + names(mixers);
    }

    private static String names(List<Mixer.Info> mixers) {
        return String.join(", ", mixers.stream().map(m -> "\"" + m.getName() + "\"").toList());
    }

    private static String describe(AudioFormat f) {
        return (int) f.getSampleRate() + " Hz, " + f.getChannels() + " channel(s), " + f.getSampleSizeInBits()
                + "-bit signed little-endian";
    }
}
