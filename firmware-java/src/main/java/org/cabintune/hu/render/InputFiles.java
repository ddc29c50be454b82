package org.cabintune.hu.render;

import org.cabintune.dsp.audiofile.AudioFileException;
import org.cabintune.dsp.audiofile.AudioFiles;
import org.cabintune.dsp.flac.FlacFormatException;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.wav.AudioReader;
import org.cabintune.dsp.wav.WavFormatException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the WAV or FLAC files a render reads and checks they fit the profile: its rate, one channel per input. */
final class InputFiles {

    /** An open input: close it to release the file. */
    record Input(FileChannel channel, AudioReader reader) implements AutoCloseable {

        @Override
        public void close() throws IOException {
            try (FileChannel c = channel) {
                reader.close();
            }
        }
    }

    private InputFiles() {
    }

    /** Opens {@code file} for reading as the profile's input. */
    static Input open(Path file, Profile profile) throws IOException, RenderException {
        if (!Files.isRegularFile(file)) {
            throw new RenderException("input " + file + " does not exist or is not a file");
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            AudioReader reader = AudioFiles.open(channel);
            if (reader.sampleRate() != profile.sampleRate()) {
                reader.close();
                throw new RenderException(file + " is " + reader.sampleRate() + " Hz but profile '" + profile.name()
                        + "' is for " + profile.sampleRate() + " Hz; resample the file or use a profile made for "
                        + reader.sampleRate() + " Hz");
            }
            if (reader.channels() != profile.inputs().size()) {
                reader.close();
                throw new RenderException(file + " has " + reader.channels() + " channel(s) but profile '"
                        + profile.name() + "' has " + profile.inputs().size() + " input(s) " + profile.inputs());
            }
            return new Input(channel, reader);
        } catch (WavFormatException | FlacFormatException | AudioFileException e) {
            channel.close();
            throw new RenderException("input " + file + ": " + e.getMessage());
        } catch (IOException | RenderException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
