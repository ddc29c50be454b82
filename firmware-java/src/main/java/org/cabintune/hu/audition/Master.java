package org.cabintune.hu.audition;

import java.io.IOException;
import java.nio.file.Path;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.loudness.Platform;
import org.cabintune.dsp.loudness.ProgrammeLoudness;
import org.cabintune.hu.engine.DecodedAudio;
import org.cabintune.hu.engine.WavFileSource;
import org.cabintune.hu.engine.WavFiles;

/**
 * A master loaded for the audition: decoded into memory once, its loudness read as a file
 * (BS.1770-5 with the usual channel weights, as {@code cabintune loudness} reads it), and as
 * many players of it as the unit needs: the one that plays, and those the loudness match runs.
 *
 * @param name     its name in the media directory
 * @param audio    its samples
 * @param loudness integrated loudness, peaks, as a meter read the whole file
 */
record Master(String name, DecodedAudio audio, LoudnessReadings loudness) {

    /** Decodes and measures {@code file}; a read error or a file that is not audio is an IOException. */
    static Master load(Path file, String name) throws IOException {
        DecodedAudio audio = WavFiles.decode(file);
        LoudnessMeter meter = new LoudnessMeter(LoudnessParams.of(audio.sampleRate(), audio.channels()));
        meter.process(audio.samples(), audio.frames());
        return new Master(name, audio, meter.readings());
    }

    /** What static normalisation needs of it. */
    ProgrammeLoudness programme() {
        return ProgrammeLoudness.of(loudness);
    }

    /** True when nothing in it passed the loudness gates. */
    boolean silent() {
        return !Double.isFinite(loudness.integratedLufs());
    }

    /** What {@code platform} would do to it; null when it is silent (there is no gain to give). */
    Platform.Preview preview(Platform platform) {
        return silent() ? null : platform.preview(loudness.integratedLufs(), loudness.truePeakDbtp(),
                loudness.samplePeakDbfs());
    }

    /** A player from the start, at the engine's {@code sampleRate}, not looping. */
    WavFileSource player(int sampleRate) {
        return WavFiles.player(audio, sampleRate, false);
    }

    /** Frames of the file in {@code seconds} of it. */
    long frames(double seconds) {
        return Math.round(seconds * audio.sampleRate());
    }

    /** Seconds of the file in {@code frames} of it. */
    double seconds(long frames) {
        return frames / (double) audio.sampleRate();
    }
}
