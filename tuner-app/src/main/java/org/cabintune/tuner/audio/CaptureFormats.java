package org.cabintune.tuner.audio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;

/**
 * Which capture format to ask a device for, from the formats its lines offer: pure functions
 * over {@link AudioFormat}s, so every case can be tried without the device.
 *
 * <p>The tuner records at the head unit's rate (two clocks are enough; a resampler in the path
 * would add a third), one channel of the device: the one the microphone is on. Preferred, in
 * order: 24-bit signed PCM (what measurement microphones deliver), 32-bit signed, 32-bit float,
 * then 16-bit signed with a note (about 96 dB of range: enough at measurement levels, not for
 * a quiet car's noise floor); the fewest channels that hold the microphone's; little-endian.
 * Devices that offer no mono line (ALSA's direct devices often open only in pairs) are opened
 * in stereo and the microphone's channel taken.
 */
public final class CaptureFormats {

    /** Rates the tuner records at: the head unit's. */
    public static final int MIN_RATE = 8000;
    public static final int MAX_RATE = 192_000;
    /** The highest channel a microphone can be on (0 = the first): 32 channels is more than any capture device has. */
    public static final int MAX_CHANNEL = 31;

    private CaptureFormats() {
    }

    /**
     * The format chosen, the channel of it the microphone is on, and what the user should know
     * about the choice (a 16-bit fallback, a stereo line for a mono microphone).
     */
    public record Choice(AudioFormat format, int channel, List<String> notes) {
        public Choice {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The best format of {@code offered} at {@code rate} that holds {@code channel} (0 = the first).
     *
     * @param device the device's name, for messages
     * @throws AudioException naming the device, what was asked and what it offers, when none fits
     */
    public static Choice choose(String device, List<AudioFormat> offered, int rate, int channel) throws AudioException {
        if (rate < MIN_RATE || rate > MAX_RATE) {
            throw new IllegalArgumentException("rate = " + rate + " Hz is outside " + MIN_RATE + " .. " + MAX_RATE);
        }
        if (channel < 0 || channel > MAX_CHANNEL) {
            throw new IllegalArgumentException("channel = " + channel + " is outside 0 .. " + MAX_CHANNEL);
        }
        List<AudioFormat> candidates = new ArrayList<>();
        for (AudioFormat f : offered) {
            candidates.addAll(concrete(f, rate, channel));
        }
        AudioFormat best = candidates.stream().min(PREFERENCE).orElseThrow(() -> new AudioException("capture device \""
                + device + "\" offers no signed 16-, 24- or 32-bit PCM (or 32-bit float) at " + rate + " Hz with "
                + (channel + 1) + " channel" + (channel > 0 ? "s" : "") + " or more; it offers " + summary(offered)));
        List<String> notes = new ArrayList<>();
        if (best.getSampleSizeInBits() == 16) {
            notes.add("\"" + device + "\" offers no 24- or 32-bit capture at " + rate
                    + " Hz: recording 16-bit (about 96 dB of range)");
        }
        if (best.getChannels() > 1) {
            notes.add((channel == 0 ? "\"" + device + "\" offers no mono capture: recording " : "recording ")
                    + best.getChannels() + " channels and keeping channel " + channel);
        }
        return new Choice(best, channel, notes);
    }

    /** Most bits first (24 before 32: the microphone's own word), then fewest channels, then little-endian. */
    private static final Comparator<AudioFormat> PREFERENCE = Comparator
            .comparingInt(CaptureFormats::wordRank)
            .thenComparingInt(AudioFormat::getChannels)
            .thenComparing(AudioFormat::isBigEndian);

    private static int wordRank(AudioFormat f) {
        boolean isFloat = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
        return switch (f.getSampleSizeInBits()) {
            case 24 -> 0;
            case 32 -> isFloat ? 2 : 1;
            default -> 3;
        };
    }

    /** The fully specified formats {@code offered} stands for at {@code rate} holding {@code channel}; none when it cannot. */
    static List<AudioFormat> concrete(AudioFormat offered, int rate, int channel) {
        float offeredRate = offered.getSampleRate();
        if (offeredRate != AudioSystem.NOT_SPECIFIED && Math.abs(offeredRate - rate) > 0.5f) {
            return List.of();
        }
        int channels = offered.getChannels() == AudioSystem.NOT_SPECIFIED ? channel + 1 : offered.getChannels();
        if (channels <= channel) {
            return List.of();
        }
        AudioFormat.Encoding encoding = offered.getEncoding();
        List<Integer> sizes = offered.getSampleSizeInBits() == AudioSystem.NOT_SPECIFIED ? List.of(16, 24, 32)
                : List.of(offered.getSampleSizeInBits());
        List<AudioFormat> out = new ArrayList<>();
        for (int bits : sizes) {
            boolean usable = encoding.equals(AudioFormat.Encoding.PCM_SIGNED) && (bits == 16 || bits == 24 || bits == 32)
                    || encoding.equals(AudioFormat.Encoding.PCM_FLOAT) && bits == 32;
            int frameBytes = channels * bits / 8;
            // A 24-bit word in a 4-byte container has no agreed alignment in Java Sound: not taken.
            boolean packed = offered.getFrameSize() == AudioSystem.NOT_SPECIFIED || offered.getFrameSize() == frameBytes;
            if (usable && packed) {
                out.add(new AudioFormat(encoding, rate, bits, channels, frameBytes, rate, offered.isBigEndian()));
            }
        }
        return out;
    }

    /**
     * What a list of formats offers, in one line: rates (or that the device does not list
     * them), word sizes, channel counts, encodings and byte orders, e.g.
     * {@code "any rate (not listed); 16, 24, 32-bit; 1, 2 channels; signed, unsigned; little- and big-endian"}.
     */
    public static String summary(List<AudioFormat> formats) {
        if (formats.isEmpty()) {
            return "no formats";
        }
        TreeSet<Integer> rates = new TreeSet<>();
        TreeSet<Integer> bits = new TreeSet<>();
        TreeSet<Integer> channels = new TreeSet<>();
        TreeSet<String> encodings = new TreeSet<>();
        boolean anyRate = false;
        boolean anyBits = false;
        boolean anyChannels = false;
        boolean little = false;
        boolean big = false;
        for (AudioFormat f : formats) {
            if (f.getSampleRate() == AudioSystem.NOT_SPECIFIED) {
                anyRate = true;
            } else {
                rates.add(Math.round(f.getSampleRate()));
            }
            if (f.getSampleSizeInBits() == AudioSystem.NOT_SPECIFIED) {
                anyBits = true;
            } else {
                bits.add(f.getSampleSizeInBits());
            }
            if (f.getChannels() == AudioSystem.NOT_SPECIFIED) {
                anyChannels = true;
            } else {
                channels.add(f.getChannels());
            }
            encodings.add(encodingWord(f.getEncoding()));
            if (f.getSampleSizeInBits() > 8) {
                little |= !f.isBigEndian();
                big |= f.isBigEndian();
            }
        }
        List<String> parts = new ArrayList<>();
        String listed = join(rates) + " Hz";
        parts.add(anyRate ? (rates.isEmpty() ? "any rate (not listed)" : listed + " or any rate (not listed)") : listed);
        parts.add(anyBits ? "any word size" : join(bits) + "-bit");
        parts.add(anyChannels ? "any number of channels" : join(channels) + " channel" + (channels.equals(new TreeSet<>(List.of(1))) ? "" : "s"));
        parts.add(String.join(", ", encodings));
        if (little || big) {
            parts.add(little && big ? "little- and big-endian" : little ? "little-endian" : "big-endian");
        }
        return String.join("; ", parts);
    }

    /** One format in words: {@code 48000 Hz, 24-bit signed, 2 channels, little-endian}. */
    public static String describe(AudioFormat f) {
        return Math.round(f.getSampleRate()) + " Hz, " + f.getSampleSizeInBits() + "-bit " + encodingWord(f.getEncoding())
                + ", " + f.getChannels() + " channel" + (f.getChannels() == 1 ? "" : "s")
                + (f.getSampleSizeInBits() > 8 ? f.isBigEndian() ? ", big-endian" : ", little-endian" : "");
    }

    private static String encodingWord(AudioFormat.Encoding e) {
        if (e.equals(AudioFormat.Encoding.PCM_SIGNED)) {
            return "signed";
        }
        if (e.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            return "unsigned";
        }
        if (e.equals(AudioFormat.Encoding.PCM_FLOAT)) {
            return "float";
        }
        return e.toString().toLowerCase(Locale.ROOT);
    }

    private static String join(TreeSet<Integer> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }
}
