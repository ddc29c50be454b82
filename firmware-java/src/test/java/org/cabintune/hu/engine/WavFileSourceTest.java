package org.cabintune.hu.engine;

import org.cabintune.dsp.flac.FlacFixtures;
import org.cabintune.dsp.testing.Allocation;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavFileSourceTest {

    private static final int FS = 48000;
    private static final int FADE = 240;

    @TempDir
    Path dir;

    private int[][] programme;
    private Path file;

    @BeforeEach
    void writeFile() throws IOException {
        programme = new int[][] {Signals.quantize(Signals.whiteNoise(1, FS, -12)),
                Signals.quantize(Signals.whiteNoise(2, FS, -12))};
        file = write("noise.wav", programme);
    }

    private Path write(String name, int[][] samples) throws IOException {
        Path f = dir.resolve(name);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WavWriter w = WavWriter.create(ch, WavFormat.pcm(FS, samples.length, 32), null)) {
            w.write(samples, samples[0].length);
        }
        return f;
    }

    /** Plays {@code frames} frames in blocks of 128, returns channel 0. */
    private static int[] play(WavFileSource source, int frames) {
        int[][] block = new int[2][128];
        int[] out = new int[frames];
        for (int at = 0; at < frames; at += 128) {
            int n = Math.min(128, frames - at);
            assertEquals(n, source.read(block, n));
            System.arraycopy(block[0], 0, out, at, n);
        }
        return out;
    }

    @Test
    void playsTheFileBitForBit() throws IOException {
        WavFileSource source = WavFiles.player(file, FS, 2, false);
        assertEquals(FS, source.frames());
        // Playback starts with a fade-in, as after any pause.
        int[] y = play(source, 4096);
        for (int i = FADE; i < 4096; i++) {
            assertEquals(programme[0][i], y[i], "frame " + i);
        }
        assertEquals(4096, source.position());
    }

    @Test
    void pauseFadesOutAndHoldsThePositionAndPlayFadesBackIn() throws IOException {
        WavFileSource source = WavFiles.player(file, FS, 2, false);
        play(source, 1024);
        source.control(Control.PAUSE, 0, 0);
        int[] y = play(source, 1024);
        for (int i = 0; i < FADE; i++) {
            assertTrue(Math.abs(y[i]) <= Math.abs(programme[0][1024 + i]), "fading at " + i);
        }
        for (int i = FADE; i < 1024; i++) {
            assertEquals(0, y[i], "paused at " + i);
        }
        long held = source.position();
        assertEquals(1024 + FADE - 1, held);
        play(source, 512);
        assertEquals(held, source.position(), "a paused player does not move");
        source.control(Control.PLAY, 0, 0);
        y = play(source, 1024);
        for (int i = FADE - 1; i < 1024; i++) {
            assertEquals(programme[0][(int) held + i], y[i], "resumed at " + i);
        }
    }

    @Test
    void seekFadesOutJumpsAndFadesIn() throws IOException {
        WavFileSource source = WavFiles.player(file, FS, 2, false);
        play(source, 1024);
        source.control(Control.SEEK, 30000, 0);
        int[] y = play(source, 2048);
        int resumed = FADE;
        for (int i = resumed + FADE; i < 2048; i++) {
            assertEquals(programme[0][30000 + i - resumed], y[i], "after the seek at " + i);
        }
        assertEquals(30000 + 2048 - resumed, source.position());
    }

    @Test
    void loopsARegionWithFadesAtTheSeam() throws IOException {
        WavFileSource source = WavFiles.player(file, FS, 2, false);
        source.control(Control.LOOP, 1000, 5000);
        int[] y = play(source, 20000);
        // The loop starts with a jump to its start; output frame i then plays file frame
        // 1000 + (i - 1) mod 4000, and the fade-in after every wrap matches the first one.
        assertEquals(0, y[0]);
        for (int i = 1; i < 16000; i++) {
            assertEquals(y[i], y[i + 4000], "periodic at " + i);
        }
        for (int i = 1 + FADE; i < 4001 - FADE; i++) {
            assertEquals(programme[0][1000 + i - 1], y[i], "inside the loop at " + i);
        }
        for (int k = 1; k <= FADE; k++) {
            long x = Math.abs((long) programme[0][5000 - k]);
            assertTrue(Math.abs(y[4001 - k]) <= x * k / FADE + 1, "fading out " + k + " frames before the seam");
            x = Math.abs((long) programme[0][1000 + k - 1]);
            assertTrue(Math.abs(y[4000 + k]) <= x * k / FADE + 1, "fading in " + k + " frames after the seam");
        }
        assertTrue(source.position() >= 1000 && source.position() < 5000);
    }

    @Test
    void stopsAtTheEndUnlessLooping() throws IOException {
        int[][] shortFile = {Signals.quantize(Signals.sine(FS, 1000, 440, 0.5, 0.3)),
                Signals.quantize(Signals.sine(FS, 1000, 440, 0.5, 0.3))};
        WavFileSource once = WavFiles.player(write("short.wav", shortFile), FS, 2, false);
        int[] y = play(once, 3000);
        for (int i = 1000; i < 3000; i++) {
            assertEquals(0, y[i], "after the end at " + i);
        }
        WavFileSource looping = WavFiles.player(write("short2.wav", shortFile), FS, 2, true);
        y = play(looping, 3000);
        assertTrue(y[1000 + 500] != 0 && y[2000 + 500] == y[1000 + 500], "the whole file loops");
    }

    @Test
    void refusesAFileOfAnotherShape() {
        IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
                () -> WavFiles.player(file, FS, 1, false));
        assertTrue(channels.getMessage().contains("2 channel(s) but the profile has 1 input(s)"), channels.getMessage());
    }

    @Test
    void playsFlacBitForBit() throws IOException {
        FlacFixtures.Case c = FlacFixtures.CASES.stream().filter(k -> k.name().equals("s16-stereo-level5")).findFirst()
                .orElseThrow();
        Path flac = dir.resolve("music.flac");
        try (InputStream in = FlacFixtures.class.getResourceAsStream("/flac/" + c.name() + ".flac")) {
            Files.copy(in, flac);
        }
        WavFileSource source = WavFiles.player(flac, c.rate(), 2, false);
        assertEquals(c.frames(), source.frames());
        int[][] block = new int[2][128];
        int[][] pcm = c.pcm();
        for (int at = 0; at + 128 <= c.frames(); at += 128) {
            source.read(block, 128);
            for (int i = 0; i < 128; i++) {
                if (at + i >= 2 * FADE) {
                    assertEquals(pcm[1][at + i] << 9, block[1][i], "frame " + (at + i));
                }
            }
        }
    }

    @Test
    void playsAFileOfAnotherRateAtItsOwnSpeed() throws IOException {
        int[][] tone = {Signals.quantize(Signals.sine(44100, 44100, 1000, 0.5, 0)),
                Signals.quantize(Signals.sine(44100, 44100, 1000, 0.5, 0))};
        Path f = dir.resolve("tone-44k.wav");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WavWriter w = WavWriter.create(ch, WavFormat.pcm(44100, 2, 24), null)) {
            w.write(tone, tone[0].length);
        }
        WavFileSource source = WavFiles.player(f, FS, 2, false);
        int[] y = play(source, 2 * FS);
        // One second of file is one second at the engine's rate: 1000 cycles, ending at frame 48000.
        int crossings = 0;
        double first = -1;
        double last = -1;
        for (int i = 4800; i < 43200; i++) {
            if (y[i - 1] < 0 && y[i] >= 0) {
                double at = i - 1 + (double) -y[i - 1] / (y[i] - y[i - 1]);
                if (first < 0) {
                    first = at;
                }
                last = at;
                crossings++;
            }
        }
        double hz = (crossings - 1) / ((last - first) / FS);
        assertEquals(1000, hz, 0.01, "frequency at 48 kHz");
        int end = 0;
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0) {
                end = i;
            }
        }
        assertTrue(Math.abs(end - 48000) < 200, "the sound ends with the file, at frame " + end);
    }

    @Test
    void playingLoopingAndSeekingAllocateNothing() throws IOException {
        WavFileSource source = WavFiles.player(file, FS, 2, false);
        source.control(Control.LOOP, 100, 20000);
        int[][] block = new int[2][128];
        long[] n = {0};
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            if (++n[0] % 500 == 0) {
                source.control(Control.SEEK, n[0] % 19000, 0);
            }
            source.read(block, 128);
        }, 5000));
    }
}
