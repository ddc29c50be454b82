package org.cabintune.hu.engine;

import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A WAV file player: play, pause, seek and loop a region, driven by {@link Control} commands
 * from the engine's queue.
 *
 * <p>The whole file is decoded into memory when the player is made, on the caller's thread:
 * the audio thread then never touches a file system (whose latency no one bounds) and a seek
 * is an index. Changes never click: pause fades out over {@link #FADE_MS} and holds the
 * position; play fades in; a seek fades out, jumps and fades in; a loop fades out over the
 * last {@link #FADE_MS} before its end and in again after the jump back. At the end of the
 * file (no loop) playback stops there, as the file itself ends.
 */
public final class WavFileSource implements Source {

    /** Length of every fade, ms. */
    public static final double FADE_MS = 5.0;

    private final int[][] audio;
    private final int length;
    private final int fade;
    private final long fadeSquared;
    private final String name;
    private boolean playing;
    private boolean ended;
    private int position;
    private int level;
    private int seekTarget = -1;
    private int loopStart;
    private int loopEnd;
    private int sinceWrap;
    private volatile long published;

    private WavFileSource(int[][] audio, int length, int sampleRate, boolean loopWhole, String name) {
        this.audio = audio;
        this.length = length;
        this.fade = Math.max(1, (int) Math.round(FADE_MS * sampleRate / 1000));
        this.fadeSquared = (long) fade * fade;
        this.sinceWrap = fade;
        this.name = name;
        this.playing = true;
        if (loopWhole && length >= 2 * fade) {
            loopEnd = length;
        }
    }

    /**
     * Decodes {@code file} and starts playing it from the beginning.
     *
     * @param sampleRate the engine's rate; the file must have it
     * @param channels   the engine's input channels; the file must have as many
     * @param loopWhole  true to loop the whole file (a region set later replaces it)
     */
    public static WavFileSource open(Path file, int sampleRate, int channels, boolean loopWhole) throws IOException {
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
            return new WavFileSource(audio, length, sampleRate, loopWhole, file.getFileName().toString());
        }
    }

    @Override
    public int channels() {
        return audio.length;
    }

    /** Frames in the file. */
    public int frames() {
        return length;
    }

    /** The play position, in frames, as of the last period; any thread. */
    public long position() {
        return published;
    }

    @Override
    public void control(Control command, long a, long b) {
        switch (command) {
            case PLAY -> {
                if (ended) {
                    ended = false;
                    position = 0;
                }
                playing = true;
            }
            case PAUSE -> playing = false;
            case SEEK -> {
                seekTarget = (int) Math.clamp(a, 0, length - 1);
                ended = false;
            }
            case LOOP -> {
                if (a >= 0 && b <= length && b - a >= 2L * fade) {
                    loopStart = (int) a;
                    loopEnd = (int) b;
                    if (position < loopStart || position >= loopEnd) {
                        seekTarget = loopStart;
                    }
                }
            }
            case LOOP_OFF -> loopEnd = 0;
            default -> {
            }
        }
    }

    @Override
    public int read(int[][] block, int frames) {
        int i = 0;
        while (i < frames) {
            if (steady()) {
                int n = Math.min(frames - i, (loopEnd > 0 ? loopEnd - fade : length) - position);
                for (int c = 0; c < audio.length; c++) {
                    System.arraycopy(audio[c], position, block[c], i, n);
                }
                position += n;
                i += n;
                if (position == length && loopEnd == 0) {
                    end();
                }
            } else {
                sample(block, i++);
            }
        }
        published = position;
        return frames;
    }

    /** True when the next samples are plain copies: full level, away from loop edges and the end. */
    private boolean steady() {
        return level == fade && playing && seekTarget < 0 && !ended && sinceWrap >= fade
                && position < (loopEnd > 0 ? loopEnd - fade : length);
    }

    /** One frame through the fade and loop envelopes. */
    private void sample(int[][] block, int i) {
        boolean sounding = playing && seekTarget < 0 && !ended;
        level = sounding ? Math.min(level + 1, fade) : Math.max(level - 1, 0);
        if (level == 0) {
            if (seekTarget >= 0) {
                position = seekTarget;
                seekTarget = -1;
                sinceWrap = fade;
            }
            for (int[] channel : block) {
                channel[i] = 0;
            }
            return;
        }
        long envelope = fade;
        if (loopEnd > 0 && position >= loopStart && position < loopEnd) {
            envelope = Math.min(envelope, Math.min(loopEnd - position, sinceWrap + 1L));
        }
        long gain = level * envelope;
        for (int c = 0; c < block.length; c++) {
            int x = audio[c][position];
            block[c][i] = gain == fadeSquared ? x : (int) (x * gain / fadeSquared);
        }
        position++;
        if (sinceWrap < fade) {
            sinceWrap++;
        }
        if (loopEnd > 0 && position == loopEnd) {
            position = loopStart;
            sinceWrap = 0;
        } else if (position == length) {
            end();
        }
    }

    /** The file ends here, and so does the sound, as the file has it. */
    private void end() {
        ended = true;
        level = 0;
    }

    @Override
    public String toString() {
        return "file " + name;
    }
}
