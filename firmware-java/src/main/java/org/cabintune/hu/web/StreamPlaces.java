package org.cabintune.hu.web;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The places of the page's event streams, each stream on a thread of its own. There are at most
 * {@code max}, and a full page does not turn a new client away: a phone that walked out of the
 * car's Wi-Fi or died without closing its connection would keep its place for as long as the
 * system keeps the connection (many minutes), while the driver's phone, reconnecting, is the one
 * that matters. So the newest client wins: it takes the place of the stream that has waited
 * longest in a write that has not completed (a client that stopped reading; waited at least
 * {@link #STALLED}), or, when no stream waits so, of the oldest stream. A stream keeps its
 * place, however old, while there is a free one. And a write that has not completed within
 * {@code stuckWrite} ends its stream whether its place is wanted or not: a watcher thread
 * ({@value #WATCHER}, from the first stream until {@link #close}) looks {@value #LOOKS} times
 * per {@code stuckWrite}.
 *
 * <p>A stream that loses its place ends. One not in a write is woken, sends its last chunk, and
 * the server closes its connection; one in a write cannot send anything more, so its thread is
 * interrupted, which closes the connection at once (an interruptible channel). The last chunk
 * is watched as a write is.
 */
final class StreamPlaces implements AutoCloseable {

    static final String WATCHER = "cabintune-web-stream-watch";
    /**
     * How long a write must have waited for its client before the stream counts as stalled when a
     * place is wanted: a client that reads takes an event of a few hundred bytes in far less.
     */
    static final Duration STALLED = Duration.ofMillis(200);
    /** How often the watcher looks for stuck writes, per {@code stuckWrite}. */
    static final int LOOKS = 5;

    /** One stream's place: its thread, the write it is in, and whether it has lost its place. */
    final class Place {
        /** Set when the place is taken, before the thread starts. */
        private Thread thread;
        private volatile long writeStartNanos;
        private volatile boolean writing;
        private volatile boolean ended;

        private Place() {
        }

        /** True once the stream has lost its place (or the page closes): it sends nothing more. */
        boolean ended() {
            return ended;
        }

        /**
         * Writes and flushes {@code bytes}, watched meanwhile; nothing when the stream has lost its
         * place. Ending the place during the write interrupts it, which closes the connection.
         */
        void write(OutputStream out, byte[] bytes) throws IOException {
            watched(() -> {
                // Read after writing is published, as end() reads writing after publishing ended:
                // either this write is left out, or end() sees it under way and interrupts it.
                if (!ended) {
                    out.write(bytes);
                    out.flush();
                }
            });
        }

        /** Ends the stream with its last chunk (the server then closes the connection), watched as a write. */
        void finish(HttpExchange exchange) {
            // An interrupt that came after the write it was meant for is spent: the stream ends cleanly.
            Thread.interrupted();
            try {
                watched(exchange::close);
            } catch (IOException e) {
                // Not thrown: the exchange closes its connection itself when the last chunk cannot be sent.
            }
        }

        /** Waits {@code nanos}, or until the stream loses its place. */
        void pause(long nanos) {
            synchronized (lock) {
                if (ended) {
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, nanos);
                } catch (InterruptedException e) {
                    // Only end() interrupts a stream's thread, here for a write that had completed when the
                    // interrupt came: the place is lost all the same, and the stream ends cleanly.
                }
            }
        }

        private void watched(Write write) throws IOException {
            writeStartNanos = System.nanoTime();
            writing = true;
            try {
                write.run();
            } finally {
                writing = false;
            }
        }

        private boolean stuck(long now, long limit) {
            return writing && now - writeStartNanos > limit;
        }
    }

    /** A write to a stream's connection. */
    private interface Write {
        void run() throws IOException;
    }

    private final int max;
    private final long stuckWriteNanos;
    /** What the streams and the watcher wait on, and what guards the lists. */
    private final Object lock = new Object();
    /** The places taken, oldest first. */
    private final List<Place> taken = new ArrayList<>();
    /** The places whose thread is still running: those taken, and those lost but not yet finished. */
    private final List<Place> live = new ArrayList<>();
    private Thread watcher;
    private volatile boolean closed;

    /**
     * @param max        the most streams at once
     * @param stuckWrite how long a write may take before its stream ends
     */
    StreamPlaces(int max, Duration stuckWrite) {
        if (max < 1) {
            throw new IllegalArgumentException("event stream places = " + max + " is below 1");
        }
        if (stuckWrite.isNegative() || stuckWrite.isZero()) {
            throw new IllegalArgumentException("event stream stuckWrite = " + stuckWrite + " is not above zero");
        }
        this.max = max;
        this.stuckWriteNanos = stuckWrite.toNanos();
    }

    /**
     * Takes a place for a new stream, ending the stream whose place it takes when every place is
     * taken, and starts the stream's thread; null once the page is closing.
     *
     * @param thread makes the stream's thread, unstarted, for its place
     */
    Place take(Function<Place, Thread> thread) {
        synchronized (lock) {
            if (closed) {
                return null;
            }
            if (taken.size() >= max) {
                long now = System.nanoTime();
                end(taken.stream().filter(p -> p.stuck(now, STALLED.toNanos()))
                        .min(Comparator.comparingLong(p -> p.writeStartNanos)).orElse(taken.getFirst()));
            }
            Place place = new Place();
            place.thread = thread.apply(place);
            taken.add(place);
            live.add(place);
            try {
                if (watcher == null) {
                    watcher = Thread.ofPlatform().name(WATCHER).daemon().start(this::watch);
                }
                place.thread.start();
            } catch (RuntimeException | Error e) {
                leave(place);
                throw e;
            }
            return place;
        }
    }

    /** The stream of {@code place} is over (its thread's last act): the place is free. */
    void leave(Place place) {
        synchronized (lock) {
            taken.remove(place);
            live.remove(place);
        }
    }

    /** The streams holding a place now. */
    int size() {
        synchronized (lock) {
            return taken.size();
        }
    }

    /** The streams' threads still running: those holding a place, and those that lost it and have not finished yet. */
    int threads() {
        synchronized (lock) {
            return live.size();
        }
    }

    /** The streams holding a place whose write has not completed for longer than {@code atLeast}. */
    int stuck(Duration atLeast) {
        long now = System.nanoTime();
        synchronized (lock) {
            return (int) taken.stream().filter(p -> p.stuck(now, atLeast.toNanos())).count();
        }
    }

    /** True once {@link #close} was called. */
    boolean closed() {
        return closed;
    }

    /** Ends every stream and the watcher; no place is taken after. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (Place p : List.copyOf(taken)) {
                end(p);
            }
            lock.notifyAll();
        }
    }

    /**
     * Waits up to {@code timeout} for every stream's thread and the watcher to end (after
     * {@link #close}).
     *
     * @return true when none is left
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        List<Thread> threads = new ArrayList<>();
        synchronized (lock) {
            live.forEach(p -> threads.add(p.thread));
            if (watcher != null) {
                threads.add(watcher);
            }
        }
        for (Thread t : threads) {
            long left = end - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Takes {@code place} from its stream (if it still has it): woken, or its write interrupted. Under the lock. */
    private void end(Place place) {
        taken.remove(place);
        place.ended = true;
        if (place.writing) {
            place.thread.interrupt();
        }
        lock.notifyAll();
    }

    /** The watcher: ends the streams whose write (or last chunk) has not completed within {@code stuckWrite}. */
    private void watch() {
        synchronized (lock) {
            while (!closed) {
                long now = System.nanoTime();
                for (Place p : List.copyOf(live)) {
                    if (p.stuck(now, stuckWriteNanos)) {
                        end(p);
                    }
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, stuckWriteNanos / LOOKS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
