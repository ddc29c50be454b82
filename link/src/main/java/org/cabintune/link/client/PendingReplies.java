package org.cabintune.link.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageCodec;
import org.cabintune.link.protocol.ProtocolException;

/**
 * The client's side of request and reply, whatever carries them: remembers each command sent
 * until the reply whose {@code re} names it arrives, and hands everything else (events, meter
 * streams, replies nobody waits for any more) to a listener. Thread-safe.
 */
public final class PendingReplies {

    private final Map<String, CompletableFuture<Envelope>> waiting = new ConcurrentHashMap<>();
    private final Consumer<Envelope> unsolicited;
    private final AtomicLong undecodable = new AtomicLong();

    /** @param unsolicited gets messages that answer no waiting command */
    public PendingReplies(Consumer<Envelope> unsolicited) {
        this.unsolicited = Objects.requireNonNull(unsolicited, "unsolicited");
    }

    /** Starts waiting for the reply to {@code id}; call before sending. */
    public CompletableFuture<Envelope> expect(String id) {
        CompletableFuture<Envelope> future = new CompletableFuture<>();
        if (waiting.putIfAbsent(id, future) != null) {
            throw new IllegalStateException("already waiting for a reply to id " + id);
        }
        return future;
    }

    /** Stops waiting for {@code id} (the send failed, or the caller gave up). */
    public void forget(String id) {
        waiting.remove(id);
    }

    /** Takes one incoming message's bytes. Never throws; undecodable ones are counted. */
    public void received(byte[] bytes) {
        Envelope message;
        try {
            message = MessageCodec.decode(bytes).envelope();
        } catch (ProtocolException e) {
            undecodable.incrementAndGet();
            return;
        }
        CompletableFuture<Envelope> future = message.re() == null ? null : waiting.remove(message.re());
        if (future != null) {
            future.complete(message);
        } else {
            unsolicited.accept(message);
        }
    }

    /** Messages from the unit that did not decode. */
    public long undecodable() {
        return undecodable.get();
    }

    /** Waits for a reply the caller expected. */
    public static Envelope await(CompletableFuture<Envelope> future, Duration timeout)
            throws TimeoutException, InterruptedException {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a reply future never fails", e);
        }
    }
}
