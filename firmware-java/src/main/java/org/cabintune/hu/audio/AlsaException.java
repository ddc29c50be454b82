package org.cabintune.hu.audio;

import java.io.IOException;

/** A libasound call failed; the message names the call, the device and ALSA's own reason. */
public final class AlsaException extends IOException {

    private final int code;

    AlsaException(String message, int code) {
        super(message);
        this.code = code;
    }

    /** ALSA's negative error code (a negated errno), or 0 when the failure was not a call's. */
    public int code() {
        return code;
    }
}
