package org.cabintune.hu.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cabintune.hu.remote.HeadUnitRemote;
import org.cabintune.link.protocol.FieldPath;
import org.cabintune.link.protocol.StrictJson;

/**
 * {@code GET /api/events}: the page's state pushed as Server-Sent Events
 * ({@code text/event-stream}), so a change made anywhere (a button or the knob, the link, another
 * phone) shows on every open page without a reload:
 *
 * <pre>
 * retry: 2000
 *
 * event: state
 * data: {"unit": ..., "profile": ..., "volumeDb": -20.0, ..., "loudness": {...}}   (as GET /api/state)
 *
 * event: loudness
 * data: {"momentaryLufs": -20.0, "shortTermLufs": -20.1}
 *
 * : keep-alive
 * </pre>
 *
 * <p>Each stream has a thread of its own ({@code cabintune-web-stream-N}), so a phone that stops
 * reading holds up nobody else. It reads the unit's state every {@link Timing#state()} and sends
 * it whole when anything but the loudness changed (and first of all); the loudness every
 * {@link Timing#loudness()} when its tenths changed; and a comment when nothing was sent for
 * {@link Timing#keepAlive()}. It reads the unit through its getters only (the profile service's
 * fields, the output control's, the meters' lock-free snapshot): nothing here waits on, or is
 * waited on by, the audio thread. A client that leaves ends its stream at the next write. At most
 * {@value #MAX_STREAMS} streams run at once; one more is answered 503, and the page polls
 * instead. {@link #close} ends them all.
 */
final class EventStream implements HttpHandler, AutoCloseable {

    static final String PATH = "/api/events";
    /** Phones in a car at once, with room to spare: each stream is a thread. */
    static final int MAX_STREAMS = 8;
    /** How long a browser waits before it reconnects a stream that ended, ms (the stream's {@code retry}). */
    static final int RETRY_MS = 2000;
    /** What a client turned away is told to wait before it tries again, s. */
    static final int RETRY_AFTER_S = 10;
    static final String THREAD = "cabintune-web-stream-";

    /**
     * How often a stream looks at the unit.
     *
     * @param state     how often the state is compared with what was sent
     * @param loudness  how often the loudness is sent (when it changed)
     * @param keepAlive how long the stream may be silent before a comment keeps it open
     */
    record Timing(Duration state, Duration loudness, Duration keepAlive) {

        /** 20 looks a second, the loudness at 4 Hz, a comment after 10 s of silence. */
        static final Timing DEFAULT = new Timing(Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(10));

        Timing {
            for (Duration d : List.of(state, loudness, keepAlive)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("event stream timing " + d + " is not above zero");
                }
            }
        }
    }

    private final HeadUnitRemote unit;
    private final Timing timing;
    private final PrintStream log;
    private final Semaphore slots = new Semaphore(MAX_STREAMS);
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    /** What the streams wait on between looks; {@link #close} wakes them. */
    private final Object wake = new Object();
    private volatile boolean closed;

    EventStream(HeadUnitRemote unit, Timing timing, PrintStream log) {
        this.unit = Objects.requireNonNull(unit, "unit");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals(PATH)) {
            // The server hands this context every path that starts with it.
            Exchanges.error(exchange, 404, "not-found", FieldPath.quote(path) + " is not an endpoint of the driver's"
                    + " page; the event stream is " + PATH);
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            Exchanges.error(exchange, 405, "method-not-allowed", exchange.getRequestMethod() + " " + PATH
                    + " is not allowed; use GET");
            return;
        }
        if (closed || !slots.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_S));
            Exchanges.error(exchange, 503, "too-many-streams", "the page already streams to " + MAX_STREAMS
                    + " clients, the most it serves at once; " + DriverApi.STATE + " still answers");
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            // Length 0: chunked, open until either side ends it.
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            Thread thread = Thread.ofPlatform().name(THREAD + started.incrementAndGet()).daemon()
                    .unstarted(() -> serve(exchange, out));
            threads.add(thread);
            thread.start();
        } catch (IOException | RuntimeException | Error e) {
            slots.release();
            throw e;
        }
    }

    /** The streams running now. */
    int streams() {
        return MAX_STREAMS - slots.availablePermits();
    }

    /** One stream, on its own thread, until the client leaves or the page closes. */
    private void serve(HttpExchange exchange, OutputStream out) {
        try (exchange) {
            write(out, "retry: " + RETRY_MS + "\n\n");
            String sentState = null;
            String sentLoudness = null;
            long now = System.nanoTime();
            long lastWrite = now;
            long nextLoudness = now;
            while (!closed) {
                ObjectNode state = PageState.of(unit);
                JsonNode loudness = state.remove(PageState.LOUDNESS);
                String settings = text(state);
                String loud = text(loudness);
                now = System.nanoTime();
                if (!settings.equals(sentState)) {
                    state.set(PageState.LOUDNESS, loudness);
                    write(out, "event: state\ndata: " + text(state) + "\n\n");
                    sentState = settings;
                    sentLoudness = loud;
                    lastWrite = now;
                } else if (now - nextLoudness >= 0 && !loud.equals(sentLoudness)) {
                    write(out, "event: loudness\ndata: " + loud + "\n\n");
                    sentLoudness = loud;
                    lastWrite = now;
                } else if (now - lastWrite >= timing.keepAlive().toNanos()) {
                    write(out, ": keep-alive\n\n");
                    lastWrite = now;
                }
                if (now - nextLoudness >= 0) {
                    nextLoudness = now + timing.loudness().toNanos();
                }
                pause();
            }
        } catch (IOException e) {
            // The client left (or the page closed its connection): the stream is over.
        } catch (RuntimeException e) {
            log.println("web: an event stream failed: " + e);
        } finally {
            threads.remove(Thread.currentThread());
            slots.release();
        }
    }

    private void pause() {
        synchronized (wake) {
            if (closed) {
                return;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(wake, timing.state().toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String text(JsonNode node) {
        return new String(StrictJson.write(node), StandardCharsets.UTF_8);
    }

    /** Ends every stream: each sends its last chunk and its thread ends. New streams are refused. */
    @Override
    public void close() {
        closed = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /**
     * Waits up to {@code timeout} for every stream's thread to end (after {@link #close}, and once
     * the server has closed the connections of streams stuck in a write).
     *
     * @return true when none is left
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        for (Thread t : List.copyOf(threads)) {
            long left = end - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                return threads.isEmpty();
            }
        }
        return threads.isEmpty();
    }
}
