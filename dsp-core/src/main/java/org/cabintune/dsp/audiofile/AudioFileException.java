package org.cabintune.dsp.audiofile;

import java.io.IOException;

/** A file that is neither WAV nor FLAC; the message says what its first bytes are. */
public final class AudioFileException extends IOException {

    public AudioFileException(String message) {
        super(message);
    }
}
