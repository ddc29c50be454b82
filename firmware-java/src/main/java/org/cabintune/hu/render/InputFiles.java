package org.cabintune.hu.render;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.wav.WavFormat;
import org.cabintune.dsp.wav.WavFormatException;
import org.cabintune.dsp.wav.WavReader;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the WAV files a render reads and checks they fit the profile: its rate, one channel per input. */
final class InputFiles {

    /** An open input: close it to release the file. */
    record Input(FileChannel channel, WavReader reader) implements AutoCloseable {

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
            WavReader reader = WavReader.open(channel);
            WavFormat format = reader.format();
            if (format.sampleRate() != profile.sampleRate()) {
                reader.close();
                throw new RenderException(file + " is " + format.sampleRate() + " Hz but profile '" + profile.name()
                        + "' is for " + profile.sampleRate() + " Hz; resample the file or use a profile made for "
                        + format.sampleRate() + " Hz");
            }
            if (format.channels() != profile.inputs().size()) {
                reader.close();
                throw new RenderException(file + " has " + format.channels() + " channel(s) but profile '"
                        + profile.name() + "' has " + profile.inputs().size() + " input(s) " + profile.inputs());
            }
            return new Input(channel, reader);
        } catch (WavFormatException e) {
            channel.close();
            throw new RenderException("input " + file + ": " + e.getMessage());
        } catch (IOException | RenderException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
