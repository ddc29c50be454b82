package org.cabintune.tuner.audio;

import java.io.IOException;

/** A sound device that cannot be used as asked, with a message that says what to try. */
public final class AudioException extends IOException {

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
