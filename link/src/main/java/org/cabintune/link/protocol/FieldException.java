package org.cabintune.link.protocol;

import java.util.Objects;

/**
 * A value broke a rule of its record. Thrown by the records' compact constructors (through
 * {@link Check}) with the field's name relative to the record; the codec, which knows where
 * the record sits in the message, turns it into a {@link ProtocolException} with the full
 * path. Building a bad message in code fails the same way, with the same words.
 */
public final class FieldException extends IllegalArgumentException {

    private final ErrorCode code;
    private final String field;
    private final String detail;

    /**
     * @param field  path relative to the record, e.g. {@code f1Hz} or {@code outputs[2]}
     * @param detail the rest of the message, e.g. {@code " = 30 is outside -80..12"}
     */
    public FieldException(ErrorCode code, String field, String detail) {
        super(field + detail);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    /** Path relative to the record that refused the value. */
    public String field() {
        return field;
    }

    /** This refusal as it applies at {@code path}, the record's place in the message. */
    public ProtocolException at(String path, String messageId) {
        return new ProtocolException(code, FieldPath.join(path, field), detail, messageId);
    }

    /** The same refusal one level further out: {@code field} becomes {@code prefix.field}. */
    public FieldException within(String prefix) {
        return new FieldException(code, FieldPath.join(prefix, field), detail);
    }
}
