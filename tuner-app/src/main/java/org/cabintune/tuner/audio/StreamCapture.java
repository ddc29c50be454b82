package org.cabintune.tuner.audio;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** An audio stream (a WAV or AIFF file, through Java Sound's own readers) as a {@link Capture}: it ends at its end. */
public final class StreamCapture implements Capture {

    private final AudioInputStream in;
    private final String name;

    public StreamCapture(AudioInputStream in, String name) {
        this.in = in;
        this.name = name;
    }

    /** Opens a WAV, AIFF or AU file. */
    public static StreamCapture open(Path file) throws IOException {
        try {
            return new StreamCapture(AudioSystem.getAudioInputStream(file.toFile()), file.toString());
        } catch (UnsupportedAudioFileException e) {
            throw new AudioException(file + ": not an audio file Java Sound reads (WAV, AIFF or AU PCM): " + e.getMessage(), e);
        }
    }

    @Override
    public AudioFormat format() {
        return in.getFormat();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void begin() {
        // A stream delivers from where it is.
    }

    @Override
    public int read(byte[] b, int off, int length) throws IOException {
        return in.read(b, off, length);
    }

    @Override
    public void end() {
        // A stream is read to its end.
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
