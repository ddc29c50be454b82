package org.cabintune.link.serial;

import java.io.IOException;
import org.cabintune.link.command.Caller;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.MessageCodec;

/**
 * The head unit's end of the serial cable: every message that arrives goes to the
 * {@link CommandDispatcher} as coming from the cable (authenticated, and proof of physical
 * presence), and its reply goes back the same way.
 */
public final class SerialServer implements AutoCloseable {

    private final SerialLink link;
    private final Caller caller;
    private final CommandDispatcher dispatcher;
    private volatile long failedReplies;

    public SerialServer(String path, int baud, CommandDispatcher dispatcher, SerialLink.Events events) {
        this.dispatcher = dispatcher;
        this.caller = Caller.serialCable(path);
        this.link = new SerialLink(path, baud, Limits.MAX_MESSAGE_BYTES, this::handle, events);
    }

    /** Sends an event or state to the tuner on the cable; false when the port is not open. */
    public boolean publish(Envelope message) {
        try {
            link.send(MessageCodec.encode(message));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public SerialLink link() {
        return link;
    }

    /** Replies that could not be written because the port went away meanwhile. */
    public long failedReplies() {
        return failedReplies;
    }

    private void handle(byte[] request) {
        byte[] reply = dispatcher.handle(request, caller);
        try {
            link.send(reply);
        } catch (IOException e) {
            // The cable went away while the command ran; the client will retry with the same id.
            failedReplies++;
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
