package org.cabintune.link.command;

import java.util.Objects;
import org.cabintune.link.protocol.ErrorCode;

/**
 * The head unit will not carry out a command: its code goes to the client as is, its message
 * is for people ({@code "body.profileId = \"x\" is not stored on this unit"}).
 */
public final class PortException extends Exception {

    private final ErrorCode code;

    public PortException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
