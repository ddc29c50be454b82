package org.cabintune.dsp.filter;

import org.cabintune.dsp.Q824;
import org.cabintune.dsp.testing.Allocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link BiquadCascade#process(int[][], int)} runs the sections of two channels in one loop
 * and adds the products in another order than a plain reading of the arithmetic. Neither may
 * change a bit: it is held to the channel-by-channel path and to {@link PlainCascade}, the
 * arithmetic written out a sample and a section at a time, on random cascades.
 */
class BiquadCascadeInterleavingTest {

    private static final double[] RATES = {44100, 48000, 96000};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void interleavedChannelsAreBitIdenticalToOneChannelAtATime(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double fs = RATES[random.nextInt(RATES.length)];
        int channels = 1 + random.nextInt(8);
        List<List<QuantizedBiquad>> design = new ArrayList<>();
        for (int ch = 0; ch < channels; ch++) {
            // Unequal counts, empty channels and odd counts included: pairs of channels share
            // their common sections and run the rest alone.
            int count = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(15);
            List<QuantizedBiquad> sections = new ArrayList<>();
            while (sections.size() < count) {
                sections.addAll(randomDesign(random, fs));
            }
            design.add(sections);
        }
        BiquadCascade interleaved = new BiquadCascade(design);
        BiquadCascade oneByOne = new BiquadCascade(design);
        PlainCascade plain = new PlainCascade(design);

        int[][] work = new int[channels][512];
        int[][] alone = new int[channels][512];
        int[][] expected = new int[channels][512];
        for (int block = 0; block < 120; block++) {
            int frames = block % 17 == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 8 : 512);
            for (int ch = 0; ch < channels; ch++) {
                fill(random, block, work[ch], frames);
                System.arraycopy(work[ch], 0, alone[ch], 0, frames);
                System.arraycopy(work[ch], 0, expected[ch], 0, frames);
            }
            interleaved.process(work, frames);
            for (int ch = 0; ch < channels; ch++) {
                oneByOne.process(ch, alone[ch], frames);
            }
            plain.process(expected, frames);
            for (int ch = 0; ch < channels; ch++) {
                String where = "seed " + seed + ", block " + block + " (" + frames + " frames), channel " + ch;
                assertArrayEquals(expected[ch], work[ch], where + ": interleaved path");
                assertArrayEquals(expected[ch], alone[ch], where + ": channel-by-channel path");
            }
            if (block % 10 == 9) {
                replaceASection(random, fs, design, interleaved, oneByOne, plain);
            }
        }
    }

    @ParameterizedTest(name = "{0} channels")
    @ValueSource(ints = {3, 8})
    void unequalChannelsAllocateNothing(int channels) {
        List<List<QuantizedBiquad>> design = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(channels);
        for (int ch = 0; ch < channels; ch++) {
            List<QuantizedBiquad> sections = new ArrayList<>();
            while (sections.size() < ch * 3 % 7) {
                sections.addAll(randomDesign(random, 48000));
            }
            design.add(sections);
        }
        BiquadCascade cascade = new BiquadCascade(design);
        int[][] block = new int[channels][128];
        assertEquals(0, Allocation.bytesAllocatedBy(() -> cascade.process(block, 128), 10_000));
    }

    /** Noise at a random level, a full-scale square wave, or any 32-bit word at all. */
    private static void fill(SplittableRandom random, int block, int[] x, int frames) {
        switch (block % 3) {
            case 0 -> {
                double peak = Math.pow(10, -random.nextDouble(60) / 20);
                for (int i = 0; i < frames; i++) {
                    x[i] = Q824.fromDouble((2 * random.nextDouble() - 1) * peak);
                }
            }
            case 1 -> {
                int period = 2 + random.nextInt(200);
                for (int i = 0; i < frames; i++) {
                    x[i] = (i / (period / 2 + 1)) % 2 == 0 ? Q824.ONE : -Q824.ONE;
                }
            }
            default -> {
                for (int i = 0; i < frames; i++) {
                    x[i] = random.nextInt();
                }
            }
        }
    }

    /** Swaps one random section for a new design, in every cascade, between two blocks. */
    private static void replaceASection(SplittableRandom random, double fs, List<List<QuantizedBiquad>> design,
                                        BiquadCascade a, BiquadCascade b, PlainCascade plain) {
        int ch = random.nextInt(design.size());
        if (design.get(ch).isEmpty()) {
            return;
        }
        int section = random.nextInt(design.get(ch).size());
        QuantizedBiquad q = randomDesign(random, fs).getFirst();
        a.setSection(ch, section, q);
        b.setSection(ch, section, q);
        plain.setSection(ch, section, q);
    }

    /** One filter of a kind a profile may hold, at a random frequency, Q and gain. */
    private static List<QuantizedBiquad> randomDesign(SplittableRandom random, double fs) {
        double f = 20 * Math.pow(fs * 0.45 / 20, random.nextDouble());
        double q = 0.3 + random.nextDouble(9.7);
        double gain = -18 + random.nextDouble(36);
        List<BiquadCoefficients> c = switch (random.nextInt(9)) {
            case 0, 1, 2 -> List.of(FilterDesign.peaking(fs, f, q, gain));
            case 3 -> List.of(FilterDesign.lowShelf(fs, f, 0.5 + random.nextDouble(0.5), gain));
            case 4 -> List.of(FilterDesign.highShelf(fs, Math.min(f, 8000), 0.5 + random.nextDouble(0.5), gain));
            case 5 -> List.of(FilterDesign.notch(fs, f, q), FilterDesign.allpass(fs, f, q));
            case 6 -> List.of(FilterDesign.lowShelf1(fs, f, gain), FilterDesign.highpass1(fs, f));
            case 7 -> CrossoverDesign.linkwitzRiley(random.nextBoolean() ? CrossoverDesign.Pass.LOWPASS
                    : CrossoverDesign.Pass.HIGHPASS, 2 * (1 + random.nextInt(4)), fs, f);
            default -> CrossoverDesign.butterworth(random.nextBoolean() ? CrossoverDesign.Pass.LOWPASS
                    : CrossoverDesign.Pass.HIGHPASS, 1 + random.nextInt(8), fs, f);
        };
        return c.stream().map(QuantizedBiquad::of).toList();
    }

    /**
     * The kernel's arithmetic read plainly: for each sample, each section in turn, the five
     * products added in the order of the difference equation.
     */
    private static final class PlainCascade {
        private static final long LIMIT = (long) BiquadCascade.HEADROOM << 24;
        private static final long ACC_LIMIT = LIMIT << 29;

        private final long[][][] sections;
        /** [channel][section][x1, x2, y1, y2]: inputs as samples, outputs as accumulators. */
        private final long[][][] memory;

        PlainCascade(List<List<QuantizedBiquad>> design) {
            sections = new long[design.size()][][];
            memory = new long[design.size()][][];
            for (int ch = 0; ch < design.size(); ch++) {
                sections[ch] = new long[design.get(ch).size()][];
                memory[ch] = new long[design.get(ch).size()][4];
                for (int s = 0; s < design.get(ch).size(); s++) {
                    setSection(ch, s, design.get(ch).get(s));
                }
            }
        }

        void setSection(int ch, int s, QuantizedBiquad q) {
            sections[ch][s] = new long[] {q.b0(), q.b1(), q.b2(), q.a1(), q.a2()};
        }

        void process(int[][] channels, int frames) {
            for (int ch = 0; ch < sections.length; ch++) {
                if (sections[ch].length == 0) {
                    continue;
                }
                for (int n = 0; n < frames; n++) {
                    long x = Math.clamp(channels[ch][n], -LIMIT, LIMIT);
                    for (int s = 0; s < sections[ch].length; s++) {
                        long[] k = sections[ch][s];
                        long[] m = memory[ch][s];
                        long y = Math.multiplyHigh(x << 34, k[0]) + Math.multiplyHigh(m[0] << 34, k[1])
                                + Math.multiplyHigh(m[1] << 34, k[2])
                                - Math.multiplyHigh(m[2] << 5, k[3]) - Math.multiplyHigh(m[3] << 5, k[4]);
                        y = Math.clamp(y, -ACC_LIMIT, ACC_LIMIT);
                        m[1] = m[0];
                        m[0] = x;
                        m[3] = m[2];
                        m[2] = y;
                        x = (y + (1L << 28)) >> 29;
                    }
                    channels[ch][n] = (int) x;
                }
            }
        }
    }
}
