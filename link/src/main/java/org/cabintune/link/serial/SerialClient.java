package org.cabintune.link.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.cabintune.link.client.PendingReplies;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Limits;
import org.cabintune.link.protocol.MessageCodec;

/** The tuner's end of the serial cable: sends commands and waits for their replies. */
public final class SerialClient implements AutoCloseable {

    private final SerialLink link;
    private final PendingReplies pending;

    /** @param unsolicited gets events and state the unit sends unasked */
    public SerialClient(String path, int baud, Consumer<Envelope> unsolicited, SerialLink.Events events) {
        this.pending = new PendingReplies(unsolicited);
        this.link = new SerialLink(path, baud, Limits.MAX_MESSAGE_BYTES, pending::received, events);
    }

    /**
     * Sends a command and waits for its reply.
     *
     * @throws IOException      when the port is not open or the write fails
     * @throws TimeoutException when no reply came in time; sending the same message again is
     *                          safe, the unit applies one id once
     */
    public Envelope request(Envelope command, Duration timeout)
            throws IOException, TimeoutException, InterruptedException {
        CompletableFuture<Envelope> reply = pending.expect(command.id());
        try {
            link.send(MessageCodec.encode(command));
            return PendingReplies.await(reply, timeout);
        } finally {
            pending.forget(command.id());
        }
    }

    public SerialLink link() {
        return link;
    }

    /** Messages from the unit that did not decode. */
    public long undecodable() {
        return pending.undecodable();
    }

    @Override
    public void close() {
        link.close();
    }
}
