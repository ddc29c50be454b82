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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
 * reading holds up nobody else. It reads the state every {@link Timing#state()} and sends it
 * whole when anything but the loudness changed (and first of all); the loudness every
 * {@link Timing#loudness()} when its tenths changed; and a comment when nothing was sent for
 * {@link Timing#keepAlive()}. The state comes from the unit's getters only (the profile
 * service's fields, the output control's, the meters' lock-free snapshot): nothing here waits
 * on, or is waited on by, the audio thread. A client that leaves ends its stream at the next
 * write.
 *
 * <p>At most {@value #MAX_STREAMS} streams run at once ({@link StreamPlaces}). One more is not
 * refused: the newest client takes the place of the stream that has waited longest in a write
 * that has not completed, or else of the oldest stream, which ends (its page polls, and opens
 * the stream again a few seconds later). A write that has not completed within
 * {@link Timing#stuckWrite()} ends its stream and closes its connection. Each stream's answer
 * says {@code Connection: close}, so its connection closes when it ends. {@link #close} ends them
 * all; a stream asked for while the page closes is answered 503.
 */
final class EventStream implements HttpHandler, AutoCloseable {

    static final String PATH = "/api/events";
    /** Phones in a car at once, with room to spare: each stream is a thread. */
    static final int MAX_STREAMS = 8;
    /** How long a browser waits before it reconnects a stream that ended, ms (the stream's {@code retry}). */
    static final int RETRY_MS = 2000;
    /** What a client turned away while the page closes is told to wait before it tries again, s. */
    static final int RETRY_AFTER_S = 10;
    static final String THREAD = "cabintune-web-stream-";

    /**
     * How often a stream looks at the unit, and how long it waits for its client.
     *
     * @param state      how often the state is compared with what was sent
     * @param loudness   how often the loudness is sent (when it changed)
     * @param keepAlive  how long the stream may be silent before a comment keeps it open
     * @param stuckWrite how long a write may wait for the client before the stream ends
     */
    record Timing(Duration state, Duration loudness, Duration keepAlive, Duration stuckWrite) {

        /**
         * 20 looks a second, the loudness at 4 Hz, a comment after 10 s of silence, and 5 s for a
         * write: a phone that reads never takes that long to take an event of a few hundred bytes.
         */
        static final Timing DEFAULT = new Timing(Duration.ofMillis(50), Duration.ofMillis(250), Duration.ofSeconds(10),
                Duration.ofSeconds(5));

        Timing {
            for (Duration d : List.of(state, loudness, keepAlive, stuckWrite)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("event stream timing " + d + " is not above zero");
                }
            }
        }
    }

    private final Supplier<ObjectNode> state;
    private final Timing timing;
    private final PrintStream log;
    private final StreamPlaces places;
    private final AtomicInteger started = new AtomicInteger();

    /**
     * @param state what the page shows now, as {@code GET /api/state} answers it ({@link PageState})
     */
    EventStream(Supplier<ObjectNode> state, Timing timing, PrintStream log) {
        this.state = Objects.requireNonNull(state, "state");
        this.timing = Objects.requireNonNull(timing, "timing");
        this.log = Objects.requireNonNull(log, "log");
        this.places = new StreamPlaces(MAX_STREAMS, timing.stuckWrite());
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
        if (places.closed()) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(RETRY_AFTER_S));
            Exchanges.error(exchange, 503, "closing", "the driver's page is closing; open " + PATH + " again"
                    + " once the unit serves it");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        // A stream's connection is not used again: it closes when the stream ends.
        exchange.getResponseHeaders().set("Connection", "close");
        // Length 0: chunked, open until either side ends it.
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        // The place is taken (another stream's perhaps lost) once the client has its answer's head.
        StreamPlaces.Place place;
        try {
            place = places.take(p -> Thread.ofPlatform().name(THREAD + started.incrementAndGet()).daemon()
                    .unstarted(() -> serve(exchange, out, p)));
        } catch (RuntimeException | Error e) {
            exchange.close();
            throw e;
        }
        if (place == null) {
            exchange.close();
        }
    }

    /** The streams running now. */
    int streams() {
        return places.size();
    }

    /** The streams' threads running now, those of streams that lost their place and have not finished too. */
    int threads() {
        return places.threads();
    }

    /** The streams whose write has waited for their client longer than {@code atLeast}. */
    int stuck(Duration atLeast) {
        return places.stuck(atLeast);
    }

    /** One stream, on its own thread, until the client leaves, the stream loses its place or the page closes. */
    private void serve(HttpExchange exchange, OutputStream out, StreamPlaces.Place place) {
        try {
            place.write(out, Exchanges.utf8("retry: " + RETRY_MS + "\n\n"));
            String sentState = null;
            String sentLoudness = null;
            long now = System.nanoTime();
            long lastWrite = now;
            long nextLoudness = now;
            while (!place.ended()) {
                ObjectNode state = this.state.get();
                JsonNode loudness = state.remove(PageState.LOUDNESS);
                String settings = text(state);
                String loud = text(loudness);
                now = System.nanoTime();
                if (!settings.equals(sentState)) {
                    state.set(PageState.LOUDNESS, loudness);
                    place.write(out, Exchanges.utf8("event: state\ndata: " + text(state) + "\n\n"));
                    sentState = settings;
                    sentLoudness = loud;
                    lastWrite = now;
                } else if (now - nextLoudness >= 0 && !loud.equals(sentLoudness)) {
                    place.write(out, Exchanges.utf8("event: loudness\ndata: " + loud + "\n\n"));
                    sentLoudness = loud;
                    lastWrite = now;
                } else if (now - lastWrite >= timing.keepAlive().toNanos()) {
                    place.write(out, Exchanges.utf8(": keep-alive\n\n"));
                    lastWrite = now;
                }
                if (now - nextLoudness >= 0) {
                    nextLoudness = now + timing.loudness().toNanos();
                }
                place.pause(timing.state().toNanos());
            }
        } catch (IOException e) {
            // The client left, or the stream lost its place in the middle of a write: the stream is over.
        } catch (RuntimeException e) {
            log.println("web: an event stream failed: " + e);
        } finally {
            place.finish(exchange);
            places.leave(place);
        }
    }

    private static String text(JsonNode node) {
        return new String(StrictJson.write(node), StandardCharsets.UTF_8);
    }

    /**
     * Ends every stream: each sends its last chunk (or, stuck in a write, is cut) and its thread
     * ends. New streams are refused.
     */
    @Override
    public void close() {
        places.close();
    }

    /**
     * Waits up to {@code timeout} for every stream's thread to end (after {@link #close}).
     *
     * @return true when none is left
     */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return places.awaitEnd(timeout);
    }
}
