package org.cabintune.dsp.flac;

import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The FLAC test files in {@code src/test/resources/flac}: what each one holds and how the
 * reference encoder made it. The audio of every case is a pure function of the case, so the
 * tests regenerate it and compare the decoder's output sample for sample.
 *
 * <p>{@code regenerate.sh} beside the files runs {@link #main} to write each case as WAV
 * (through {@link WavWriter}; 32-bit cases as raw PCM, which the encoder takes at full depth,
 * and 12- and 20-bit cases as WAVE_FORMAT_EXTENSIBLE with the valid-bits field set), runs
 * {@code flac} with the case's options on each, then runs {@link #main} again to splice the
 * variable-block-size file out of separately encoded segments (the reference encoder only
 * writes fixed block sizes).
 */
public final class FlacFixtures {

    /**
     * One test file.
     *
     * @param name     file name without {@code .flac}
     * @param rate     sample rate, Hz
     * @param channels 1..8
     * @param bits     sample depth
     * @param frames   samples per channel
     * @param options  the {@code flac} options it was encoded with
     */
    public record Case(String name, int rate, int channels, int bits, int frames, String options) {

        /** The audio: integers of {@code bits} bits, {@code [channel][frame]}. */
        public int[][] pcm() {
            return signal(this);
        }
    }

    /** Every case but the spliced one. */
    public static final List<Case> CASES = cases();

    /** The spliced variable-block-size file: segments of these lengths, each encoded with its block size. */
    static final int[] SEGMENT_FRAMES = {4096, 1152 * 3 + 100, 576 * 2, 192 * 5 + 7, 4608 + 4096};
    static final int[] SEGMENT_BLOCKS = {4096, 1152, 576, 192, 4608};
    public static final Case VARIABLE = new Case("variable-blocksize", 44100, 2, 16, sum(SEGMENT_FRAMES), "spliced");

    private FlacFixtures() {
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        String plain = " --no-padding";
        for (int level = 0; level <= 8; level++) {
            c.add(new Case("s16-stereo-level" + level, 44100, 2, 16, 12288, "-" + level + plain));
        }
        c.add(new Case("u8-mono-22k", 22050, 1, 8, 6000, "-5" + plain));
        c.add(new Case("s12-3ch-12k", 12000, 3, 12, 5000, "-5" + plain));
        c.add(new Case("s20-stereo-32k", 32000, 2, 20, 6000, "-6" + plain));
        c.add(new Case("s24-stereo-48k", 48000, 2, 24, 10000, "-8" + plain));
        c.add(new Case("s24-stereo-lax-lpc32", 48000, 2, 24, 10000, "--lax -l 32 -q 15 -b 4096 -e" + plain));
        c.add(new Case("s16-stereo-lax-lpc32-p", 44100, 2, 16, 9000, "--lax -l 32 -p -b 2048" + plain));
        c.add(new Case("s32-stereo-48k", 48000, 2, 32, 6000, "-5" + plain));
        c.add(new Case("s24-wasted-bits", 48000, 2, 24, 8192, "-5" + plain));
        c.add(new Case("s24-stereo-96k", 96000, 2, 24, 9600, "-5" + plain));
        c.add(new Case("s16-stereo-88k", 88200, 2, 16, 8820, "-5" + plain));
        c.add(new Case("s16-mono-11025", 11025, 1, 16, 3000, "-5" + plain));
        c.add(new Case("s16-mono-37800", 37800, 1, 16, 3000, "-5" + plain));
        for (int ch = 3; ch <= 8; ch++) {
            c.add(new Case("s16-" + ch + "ch", 48000, ch, 16, 4608, "-5 --channel-map=none" + plain));
        }
        c.add(new Case("s16-block192", 44100, 2, 16, 3000, "-5 -b 192" + plain));
        c.add(new Case("s16-block200", 44100, 2, 16, 3000, "-5 -b 200 --lax" + plain));
        c.add(new Case("s16-block1000", 44100, 2, 16, 3000, "-5 -b 1000 --lax" + plain));
        c.add(new Case("s16-block16384", 44100, 1, 16, 20000, "-5 -b 16384 --lax" + plain));
        c.add(new Case("s16-block65535", 44100, 1, 16, 66000, "-5 -b 65535 --lax" + plain));
        c.add(new Case("s16-metadata", 44100, 2, 16, 4096,
                "-5 --padding=3000 -T TITLE=Cabin -T ARTIST=CabinTune --cuesheet=cue.txt"));
        return List.copyOf(c);
    }

    /**
     * Sines at different frequencies per channel, a few LSBs of seeded noise, a stretch of
     * digital silence (CONSTANT subframes), a burst of full-scale noise (VERBATIM), and stereo
     * stretches where the right channel repeats the left, or the left a scaled right, so that
     * the encoder has a reason to choose each stereo mode.
     */
    static int[][] signal(Case c) {
        Random random = new Random(c.name().hashCode());
        long full = (1L << (c.bits() - 1)) - 1;
        int[][] x = new int[c.channels()][c.frames()];
        int silenceFrom = c.frames() / 8;
        int silenceTo = silenceFrom + Math.min(4608, c.frames() / 6);
        int burstFrom = c.frames() * 5 / 8;
        int burstTo = burstFrom + c.frames() / 16;
        for (int i = 0; i < c.frames(); i++) {
            for (int ch = 0; ch < c.channels(); ch++) {
                double f = 220.0 * (1 + ch) + 37.5 * ch * ch;
                double v = 0.45 * Math.sin(2 * Math.PI * f * i / c.rate())
                        + 0.2 * Math.sin(2 * Math.PI * 3.1 * f * i / c.rate() + ch);
                if (c.name().contains("lpc32")) {
                    // Many partials ask for a long predictor: each sine takes two poles.
                    for (int k = 0; k < 22; k++) {
                        v += 0.012 * Math.sin(2 * Math.PI * (523.0 + 701.3 * k + 11 * ch) * i / c.rate() + k);
                    }
                }
                long s = Math.round(v * full) + random.nextInt(3) - 1;
                if (i >= silenceFrom && i < silenceTo) {
                    s = 0;
                } else if (i >= burstFrom && i < burstTo) {
                    s = (random.nextLong() >> (64 - c.bits()));
                }
                x[ch][i] = (int) Math.clamp(s, -full - 1, full);
            }
            if (c.channels() == 2) {
                int stretch = i * 8 / c.frames();
                if (stretch == 2) {
                    x[1][i] = x[0][i];
                } else if (stretch == 3) {
                    x[0][i] = (int) Math.clamp(x[1][i] + (long) (random.nextInt(5) - 2), -full - 1, full);
                } else if (stretch == 6) {
                    x[1][i] = (int) Math.clamp(-(long) x[0][i] + random.nextInt(3) - 1, -full - 1, full);
                }
            }
        }
        if (c.name().contains("wasted")) {
            for (int[] ch : x) {
                for (int i = 0; i < ch.length; i++) {
                    ch[i] &= ~0xFF;
                }
            }
        }
        return x;
    }

    /**
     * {@code wav DIR}: writes every case's input and {@code DIR/cases.tsv} (name, input file,
     * flac options). {@code splice DIR}: builds the variable-block-size file from
     * {@code DIR/segment-N.flac}.
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("wav")) {
            StringBuilder tsv = new StringBuilder();
            for (Case c : CASES) {
                tsv.append(c.name()).append('\t').append(writeInput(dir, c, c.pcm())).append('\t')
                        .append(c.options()).append('\n');
            }
            int[][] all = VARIABLE.pcm();
            int at = 0;
            for (int s = 0; s < SEGMENT_FRAMES.length; s++) {
                int[][] part = new int[all.length][];
                for (int ch = 0; ch < all.length; ch++) {
                    part[ch] = java.util.Arrays.copyOfRange(all[ch], at, at + SEGMENT_FRAMES[s]);
                }
                at += SEGMENT_FRAMES[s];
                Case seg = new Case("segment-" + s, VARIABLE.rate(), 2, 16, SEGMENT_FRAMES[s], "");
                tsv.append(seg.name()).append('\t').append(writeInput(dir, seg, part)).append('\t')
                        .append("-5 --lax --no-padding --no-seektable -b ").append(SEGMENT_BLOCKS[s]).append('\n');
            }
            Files.writeString(dir.resolve("cases.tsv"), tsv);
        } else {
            FlacSplicer.splice(dir, SEGMENT_FRAMES.length, VARIABLE, dir.resolve(VARIABLE.name() + ".flac"));
        }
    }

    /** Writes the encoder's input for a case; returns the file name and any raw-format options. */
    private static String writeInput(Path dir, Case c, int[][] pcm) throws IOException {
        if (c.bits() == 32) {
            Path raw = dir.resolve(c.name() + ".raw");
            ByteBuffer b = ByteBuffer.allocate(4 * c.channels() * c.frames()).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < c.frames(); i++) {
                for (int[] ch : pcm) {
                    b.putInt(ch[i]);
                }
            }
            Files.write(raw, b.array());
            return raw.getFileName() + "\t--force-raw-format --endian=little --sign=signed --channels=" + c.channels()
                    + " --bps=32 --sample-rate=" + c.rate();
        }
        int container = c.bits() <= 8 ? 8 : c.bits() <= 16 ? 16 : 24;
        Path wav = dir.resolve(c.name() + ".wav");
        int[][] q = new int[c.channels()][c.frames()];
        for (int ch = 0; ch < c.channels(); ch++) {
            for (int i = 0; i < c.frames(); i++) {
                q[ch][i] = pcm[ch][i] << (25 - c.bits());
            }
        }
        try (FileChannel out = FileChannel.open(wav, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WavWriter w = WavWriter.create(out, WavFormat.pcm(c.rate(), c.channels(), container), null)) {
            w.write(q, c.frames());
        }
        if (c.bits() != container) {
            // wValidBitsPerSample of the WAVE_FORMAT_EXTENSIBLE fmt chunk: RIFF header 12 bytes,
            // chunk header 8, then 16 bytes of the basic fields and the 2-byte cbSize.
            byte[] bytes = Files.readAllBytes(wav);
            bytes[12 + 8 + 18] = (byte) c.bits();
            Files.write(wav, bytes);
        }
        return wav.getFileName() + "\t";
    }

    private static int sum(int[] values) {
        int s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }
}
