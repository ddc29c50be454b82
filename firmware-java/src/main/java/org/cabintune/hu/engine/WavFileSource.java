package org.cabintune.hu.engine;

import org.cabintune.dsp.resample.Resampler;

/**
 * An audio file player: play, pause, seek and loop a region, driven by {@link Control} commands
 * from the engine's queue. {@link WavFiles#player} makes one, from WAV or FLAC.
 *
 * <p>The whole file is decoded into memory when the player is made, on the caller's thread:
 * the audio thread then never touches a file system (whose latency no one bounds) and a seek
 * is an index. Changes never click: pause fades out over {@link #FADE_MS} and holds the
 * position; play fades in; a seek fades out, jumps and fades in; a loop fades out over the
 * last {@link #FADE_MS} before its end and in again after the jump back. At the end of the
 * file (no loop) playback stops there, as the file itself ends.
 *
 * <p>A file at another rate than the engine's goes through a {@link Resampler} on its way out:
 * each period takes the file frames the resampler asks for, so playback keeps the file's
 * speed and pitch. Fades, positions, seeks and loops are in the file's frames. Holds no string
 * constants (see {@link Checks}).
 */
public final class WavFileSource implements Source {

    /** Length of every fade, ms. */
    public static final double FADE_MS = 5.0;

    private final int[][] audio;
    private final int length;
    private final int sampleRate;
    private final int fade;
    private final long fadeSquared;
    private final String name;
    private final Resampler resampler;
    private final Resampler understudy;
    private final int[][] stage;
    private final int[][] silence;
    private boolean playing;
    private boolean ended;
    private int position;
    private int level;
    private int seekTarget = -1;
    private int loopStart;
    private int loopEnd;
    private int sinceWrap;
    private volatile long published;

    /**
     * @param sampleRate the file's rate
     * @param resampler  converts the file's rate to the engine's, or null when they are the same
     * @param understudy a second resampler of the same design for {@link #rehearse}, or null
     */
    WavFileSource(int[][] audio, int length, int sampleRate, boolean loopWhole, String name, Resampler resampler,
                  Resampler understudy) {
        this.audio = audio;
        this.resampler = resampler;
        this.understudy = understudy;
        int staged = resampler == null ? 0 : resampler.inputFramesFor(resampler.maxOutputFrames()) + resampler.design().taps();
        this.stage = new int[audio.length][staged];
        this.silence = new int[audio.length][staged];
        this.length = length;
        this.sampleRate = sampleRate;
        this.fade = Math.max(1, (int) Math.round(FADE_MS * sampleRate / 1000));
        this.fadeSquared = (long) fade * fade;
        this.sinceWrap = fade;
        this.name = name;
        this.playing = true;
        if (loopWhole && length >= 2 * fade) {
            loopEnd = length;
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

    /** The file's rate: positions, seeks and loops count its frames. */
    public int sampleRate() {
        return sampleRate;
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
        if (resampler == null) {
            play(block, frames);
        } else {
            play(stage, resampler.inputFramesFor(frames));
            resampler.process(stage, block, frames);
        }
        published = position;
        return frames;
    }

    /** Runs the resampler, if there is one, on silence through its understudy. */
    @Override
    public void rehearse(int[][] block, int frames) {
        if (understudy != null) {
            understudy.inputFramesFor(frames);
            understudy.process(silence, block, frames);
        }
    }

    /** The file's next {@code frames} frames through the fade and loop envelopes, at the file's rate. */
    private void play(int[][] block, int frames) {
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
        return name;
    }
}
