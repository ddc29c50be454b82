package org.cabintune.link.protocol;

import java.util.Objects;

/**
 * A message was refused. Carries a stable {@link ErrorCode}, the JSON path of the field at
 * fault ({@code body.signal.f1Hz}; empty for the message as a whole) and a message that
 * starts with that path, e.g. {@code body.volumeDb = 30 is outside -80..12}.
 *
 * <p>Checked, because a refused message is an expected event at every edge that reads one.
 */
public final class ProtocolException extends Exception {

    private final ErrorCode code;
    private final String path;
    private final String detail;
    private final String messageId;

    /**
     * @param code      why
     * @param path      JSON path of the field at fault, empty for the whole message
     * @param detail    the rest of the message after the path, e.g. {@code " is missing"}
     * @param messageId the refused message's id when it could be read, else null
     */
    public ProtocolException(ErrorCode code, String path, String detail, String messageId) {
        super(FieldPath.display(path) + detail);
        this.code = Objects.requireNonNull(code, "code");
        this.path = Objects.requireNonNull(path, "path");
        this.detail = detail;
        this.messageId = messageId;
    }

    /** A refusal of the message as a whole, not of one field. */
    public ProtocolException(ErrorCode code, String detail) {
        this(code, "", detail, null);
    }

    public ErrorCode code() {
        return code;
    }

    /** JSON path of the field at fault; empty for the whole message. */
    public String path() {
        return path;
    }

    /** The refused message's id, or null when it could not be read. */
    public String messageId() {
        return messageId;
    }

    /** The same refusal, now known to concern the message with this id. */
    public ProtocolException withMessageId(String id) {
        return new ProtocolException(code, path, detail, id);
    }
}
