package org.cabintune.tuner.loudness;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.loudness.ChannelWeights;
import org.cabintune.dsp.loudness.LoudnessMeter;
import org.cabintune.dsp.loudness.LoudnessParams;
import org.cabintune.dsp.loudness.LoudnessReadings;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavFormatException;
import org.cabintune.dsp.wav.WavReader;

/**
 * Meters one WAV file with the head unit's {@link LoudnessMeter}: blocks of {@value #BLOCK}
 * frames read straight into Q8.24 arrays and handed to the meter, one call per block, so the
 * per-sample work is all inside the meter's loops. Channel weights follow the file's speaker
 * mask (or the usual layout for its channel count).
 */
final class FileMeter {

    /** Frames per read: large enough to amortise each call, small enough for the L2 cache. */
    static final int BLOCK = 4096;

    /**
     * A measured file.
     *
     * @param file     the name as given on the command line
     * @param format   the file's format
     * @param readings the meter's readings at the end of the file
     */
    record Result(String file, WavFormat format, LoudnessReadings readings) {

        /** Duration in seconds. */
        double seconds() {
            return (double) readings.frames() / format.sampleRate();
        }
    }

    /** A file that could not be measured; the message says why, for a user. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private FileMeter() {
    }

    /** Meters {@code path}; {@code progress} hears about every block. */
    static Result measure(Path path, String name, Progress progress) throws Unreadable {
        if (Files.isDirectory(path)) {
            throw new Unreadable("is a directory, not a WAV file");
        }
        try (FileChannel channel = FileChannel.open(path); WavReader reader = WavReader.open(channel)) {
            WavFormat format = reader.format();
            LoudnessMeter meter = new LoudnessMeter(params(format, reader.channelMask()));
            progress.start(name, format.frameCount(), format.sampleRate());
            int[][] block = new int[format.channels()][BLOCK];
            long frames = 0;
            int n;
            while ((n = reader.read(block, BLOCK)) > 0) {
                meter.process(block, n);
                frames += n;
                progress.update(frames);
            }
            progress.done();
            return new Result(name, format, meter.readings());
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (AccessDeniedException e) {
            throw new Unreadable("permission denied");
        } catch (WavFormatException e) {
            progress.done();
            String message = e.getMessage();
            throw new Unreadable(message.startsWith("not a ") ? message : "unsupported or damaged WAV file: " + message);
        } catch (IOException e) {
            progress.done();
            throw new Unreadable("cannot be read: " + e.getMessage());
        }
    }

    private static LoudnessParams params(WavFormat format, int channelMask) throws Unreadable {
        if (format.sampleRate() % 100 != 0 || format.sampleRate() < 8000 || format.sampleRate() > 192_000) {
            throw new Unreadable("sample rate " + format.sampleRate() + " Hz is not supported: the meter takes"
                    + " multiples of 100 Hz from 8 to 192 kHz (44.1, 48, 88.2, 96 kHz and others)");
        }
        List<Double> weights = new ArrayList<>();
        for (double w : ChannelWeights.fromSpeakerMask(channelMask, format.channels())) {
            weights.add(w);
        }
        if (weights.stream().allMatch(w -> w == 0)) {
            throw new Unreadable("has only an LFE channel, which BS.1770 does not measure");
        }
        return new LoudnessParams(format.sampleRate(), weights);
    }
}
