package org.cabintune.link.command;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.ErrorCode;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.MessageType;
import org.cabintune.link.protocol.ProtocolException;
import org.cabintune.link.protocol.Received;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Right;
import org.cabintune.link.protocol.Signature;
import org.cabintune.link.security.TrustStore;

/**
 * The head unit's side of every transport: one request in, one reply out. In order:
 * decode (strictly), check the connection is authenticated, look the message id up among
 * the recent ones (a repeat gets the first reply without being applied again; an id reused
 * by a different message is refused), authorise (installer commands need a trusted key's
 * signature with a fresh counter; pairing needs presence), then call the {@link HeadUnitPort}
 * and answer with an ack, the data asked for, or an error. Whatever the bytes, it returns a
 * reply and throws nothing.
 *
 * <p>Refusals before the port is called (bad message, not authenticated, bad signature, no
 * presence) are not remembered, so a forged message cannot take an id from its rightful
 * sender and a pairing refused for lack of presence can be retried after the long press.
 *
 * <p>Thread-safe: commands from all transports are applied one at a time.
 */
public final class CommandDispatcher {

    /** Recent message ids remembered for idempotency. */
    public static final int DEFAULT_REMEMBERED_IDS = 256;

    private final HeadUnitPort port;
    private final TrustStore trust;
    private final Clock clock;
    private final RememberedReplies remembered;
    private final MessageIds replyIds = new MessageIds("unit");

    public CommandDispatcher(HeadUnitPort port, TrustStore trust, Clock clock, int rememberedIds) {
        this.port = Objects.requireNonNull(port, "port");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.remembered = new RememberedReplies(rememberedIds);
    }

    /** Handles one request and returns the encoded reply. */
    public byte[] handle(byte[] request, Caller caller) {
        return MessageCodec.encode(reply(request, caller));
    }

    /** Handles one request and returns the reply. Never throws. */
    public synchronized Envelope reply(byte[] request, Caller caller) {
        Received received;
        try {
            received = MessageCodec.decode(request);
        } catch (ProtocolException e) {
            return error(e.messageId(), e.code(), e.getMessage());
        }
        Envelope message = received.envelope();
        String id = message.id();
        if (message.type().kind() != MessageType.Kind.COMMAND) {
            return error(id, ErrorCode.NOT_A_COMMAND, "type = \"" + message.type().word() + "\" is a "
                    + message.type().kind().name().toLowerCase(Locale.ROOT) + "; the unit takes commands only");
        }
        if (!caller.authenticated()) {
            return error(id, ErrorCode.NOT_AUTHENTICATED, "message: the connection (" + caller.transport()
                    + ") is not authenticated; log in to the broker or use the serial cable");
        }
        RememberedReplies.Entry seen = remembered.get(id);
        if (seen != null) {
            return seen.sameMessage(received.fingerprint()) ? seen.reply() : error(id, ErrorCode.ID_REUSED,
                    "id = " + FieldPath.quote(id) + " was already used by a different message; use a new id per command");
        }
        Envelope reply;
        try {
            authorise(received, caller);
            reply = apply(received, caller);
        } catch (ProtocolException e) {
            return error(id, e.code(), e.getMessage());
        }
        remembered.put(id, received.fingerprint(), reply);
        return reply;
    }

    /** Checks the right the command's type needs; a signature, when present, is always checked. */
    private void authorise(Received received, Caller caller) throws ProtocolException {
        Envelope message = received.envelope();
        Right right = message.type().right();
        Signature signature = message.signature();
        if (signature == null && right != Right.DRIVER) {
            throw new ProtocolException(ErrorCode.SIGNATURE_REQUIRED, "signature", " is missing; "
                    + message.type().word() + " is an installer command and must be signed by a key this unit trusts",
                    message.id());
        }
        // Pairing checks its signature against the key being paired, in apply.
        if (signature != null && right != Right.PRESENCE) {
            trust.accept(signature, received.signedBytes());
        }
    }

    /**
     * Carries out an authorised command. Security refusals come out as exceptions (not
     * remembered); the port's refusals and failures become remembered error replies.
     */
    private Envelope apply(Received received, Caller caller) throws ProtocolException {
        Envelope message = received.envelope();
        try {
            Reply answer = switch ((Command) message.body()) {
                case Command.Hello h -> port.info();
                case Command.GetState g -> port.state();
                case Command.GetMeters g -> port.meters();
                case Command.SelectProfile c -> ack(() -> port.selectProfile(c.profileId()));
                case Command.PutProfile c -> ack(() -> port.putProfile(c.profileId(), c.profile()));
                case Command.DeleteProfile c -> ack(() -> port.deleteProfile(c.profileId()));
                case Command.SetVolume c -> ack(() -> port.setVolume(c.volumeDb()));
                case Command.SetMute c -> ack(() -> port.setMute(c.muted()));
                case Command.SetBypass c -> ack(() -> port.setBypass(c.bypassed()));
                case Command.SetNight c -> ack(() -> port.setNight(c.night()));
                case Command.PlayTestSignal c -> ack(() -> port.playTestSignal(c));
                case Command.StopTestSignal c -> ack(port::stopTestSignal);
                case Command.StreamMeters c -> ack(() -> port.streamMeters(c.intervalMs()));
                case Command.SetLimits c -> ack(() -> port.setLimits(c.limits()));
                case Command.ListMedia c -> port.listMedia();
                case Command.PlayMedia c -> ack(() -> port.playMedia(c));
                case Command.MediaTransport c -> ack(() -> port.mediaTransport(c));
                case Command.AuditionAb c -> ack(() -> port.auditionAb(c));
                case Command.AuditionSwitch c -> ack(() -> port.auditionSwitch(c.side()));
                case Command.AuditionPreview c -> ack(() -> port.auditionPreview(c.platform()));
                case Command.GetAudition c -> port.audition();
                case Command.PairKey c -> {
                    trust.pair(c, message.signature(), received.signedBytes(), caller.presence());
                    yield new Reply.Ack();
                }
                case Command.RevokeKey c -> {
                    trust.revoke(c.keyId());
                    yield new Reply.Ack();
                }
            };
            return Envelope.reply(nextReplyId(), clock.millis(), message.id(), answer);
        } catch (PortException e) {
            return error(message.id(), e.code(), e.getMessage());
        } catch (ProtocolException e) {
            throw e.withMessageId(message.id());
        } catch (RuntimeException e) {
            return error(message.id(), ErrorCode.INTERNAL, "the unit failed while applying " + message.type().word()
                    + ": " + e);
        }
    }

    @FunctionalInterface
    private interface PortCall {
        void run() throws PortException;
    }

    private static Reply ack(PortCall call) throws PortException {
        call.run();
        return new Reply.Ack();
    }

    private Envelope error(String re, ErrorCode code, String text) {
        return Envelope.reply(nextReplyId(), clock.millis(), re, Reply.Error.of(code, text));
    }

    private String nextReplyId() {
        return replyIds.next();
    }
}
