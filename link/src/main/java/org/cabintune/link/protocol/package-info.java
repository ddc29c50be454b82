/**
 * Protocol version 1: the message envelope ({@link org.cabintune.link.protocol.Envelope}),
 * every message body as a record ({@link org.cabintune.link.protocol.Command},
 * {@link org.cabintune.link.protocol.Reply}, {@link org.cabintune.link.protocol.Event}), the
 * strict JSON codec ({@link org.cabintune.link.protocol.MessageCodec}) and the canonical form
 * signatures cover ({@link org.cabintune.link.protocol.Canonical}).
 *
 * <p>Records check their own values in their compact constructors, throwing a
 * {@link org.cabintune.link.protocol.FieldException}; the codec adds the field's place in the
 * message, so a refusal reads {@code body.signal.f1Hz = 0 is outside 1..48000} whether the
 * message came off the wire or was built in code. Every refusal carries a stable
 * {@link org.cabintune.link.protocol.ErrorCode}. {@code docs/protocol.md} is the reference.
 */
package org.cabintune.link.protocol;
