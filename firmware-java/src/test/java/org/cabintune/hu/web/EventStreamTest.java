package org.cabintune.hu.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.cabintune.link.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event stream's places against clients that stop reading, over real sockets on loopback:
 * the stream on the JDK's HTTP server as the page serves it, fed a state of 64 KiB that changes
 * at every look (every 5 ms), so a client that reads nothing fills its connection's buffers
 * within about a second and the stream's next write waits. A write that waits too long ends its
 * stream and closes its connection; with every place taken the newest client takes the place of
 * a stalled stream, never of one whose client reads, however old.
 */
class EventStreamTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** How long a client that the server has not closed hears nothing once the state stops changing. */
    private static final Duration QUIET = Duration.ofMillis(500);
    private static final String PADDING = "x".repeat(64 * 1024);

    private final AtomicLong looks = new AtomicLong();
    private volatile boolean changing = true;
    private HttpServer server;
    private EventStream events;
    private InetSocketAddress address;

    /** What the stream sends: a look counter while the state changes, 0 once it stops. */
    private ObjectNode state() {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("look", changing ? looks.incrementAndGet() : 0);
        state.put("padding", PADDING);
        state.putObject(PageState.LOUDNESS).putNull("momentaryLufs").putNull("shortTermLufs");
        return state;
    }

    private void start(Duration stuckWrite) throws IOException {
        events = new EventStream(this::state, new EventStream.Timing(Duration.ofMillis(5), Duration.ofMillis(250),
                Duration.ofMinutes(1), stuckWrite), new PrintStream(System.err, true, StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(EventStream.PATH, events);
        server.start();
        address = server.getAddress();
    }

    @AfterEach
    void stop() throws InterruptedException {
        events.close();
        server.stop(0);
        assertTrue(events.awaitEnd(TIMEOUT), "every stream's thread ended");
    }

    /**
     * Once the page is closing no stream starts: the client gets 503 with the code
     * {@code closing}, a message that says to open the stream again, and when to retry.
     */
    @Test
    void aStreamAskedForWhileThePageClosesIsRefusedWithWhenToRetry() throws Exception {
        start(Duration.ofSeconds(5));
        events.close();
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://"
                + address.getHostString() + ":" + address.getPort() + EventStream.PATH).toURL().openConnection();
        try {
            assertEquals(503, connection.getResponseCode());
            assertEquals(String.valueOf(EventStream.RETRY_AFTER_S), connection.getHeaderField("Retry-After"));
            String body = new String(connection.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"code\":\"closing\""), body);
            assertTrue(body.contains("open " + EventStream.PATH + " again"), body);
        } finally {
            connection.disconnect();
        }
    }

    /**
     * Two clients stop reading; their streams' writes wait past the limit (300 ms), so the
     * streams end, their threads too, and their connections close while the clients still read
     * nothing; a client that reads streams on.
     */
    @Test
    void aWriteThatWaitsTooLongEndsItsStreamAndClosesItsConnection() throws Exception {
        start(Duration.ofMillis(300));
        try (Reader reader = new Reader(address); StalledClient a = new StalledClient(address);
             StalledClient b = new StalledClient(address)) {
            Await.until(() -> events.streams() == 3, "three streams", TIMEOUT);
            long start = System.nanoTime();
            Await.until(() -> events.streams() == 1, "the stalled clients' streams end", TIMEOUT);
            System.out.printf("event stream: two stalled streams cut %.0f ms after they opened%n",
                    (System.nanoTime() - start) / 1e6);
            Await.until(() -> events.threads() == 1, "their threads end, their clients reading nothing", TIMEOUT);
            assertTrue(a.closedByServer(TIMEOUT), "the server closed the first stalled connection");
            assertTrue(b.closedByServer(TIMEOUT), "the server closed the second");
            long read = reader.bytes();
            Await.until(() -> reader.bytes() > read + PADDING.length(), "the reader's stream goes on", TIMEOUT);
            assertFalse(reader.ended(), "the reader's stream never ended");
            assertEquals(1, events.streams());
        }
    }

    /**
     * With all eight places taken, by the oldest client that reads and seven that stopped, a ninth
     * gets a stream: it takes the place of a stalled stream (whose connection the server closes),
     * not the oldest's; no write waits long enough here to be cut by its time.
     */
    @Test
    void theNewestClientTakesAStalledStreamsPlaceNotTheOldestReadersOne() throws Exception {
        start(Duration.ofMinutes(1));
        List<StalledClient> stalled = new ArrayList<>();
        try (Reader oldest = new Reader(address)) {
            Await.until(() -> events.streams() == 1, "the reader's stream", TIMEOUT);
            for (int i = 1; i < EventStream.MAX_STREAMS; i++) {
                stalled.add(new StalledClient(address));
            }
            Await.until(() -> events.stuck(StreamPlaces.STALLED) == EventStream.MAX_STREAMS - 1,
                    "every stalled client's stream waits in a write", TIMEOUT);
            try (EventClient newest = new EventClient(address)) {
                assertEquals(200, newest.status);
                assertTrue(newest.next("state", TIMEOUT).data().contains("\"look\""));
                assertEquals(EventStream.MAX_STREAMS, events.streams());
                Await.until(() -> events.threads() == EventStream.MAX_STREAMS,
                        "the stream that lost its place ends, its client reading nothing", TIMEOUT);
            }
            changing = false;
            int closed = 0;
            try (ExecutorService drains = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Boolean>> drained = new ArrayList<>();
                for (StalledClient c : stalled) {
                    drained.add(drains.submit((Callable<Boolean>) () -> c.closedByServer(QUIET)));
                }
                for (Future<Boolean> f : drained) {
                    closed += f.get() ? 1 : 0;
                }
            }
            assertEquals(1, closed, "stalled connections the server closed");
            assertFalse(oldest.ended(), "the oldest stream, whose client reads, kept its place");
        } finally {
            for (StalledClient c : stalled) {
                c.close();
            }
        }
    }

    /** A client that reads everything the stream sends, on a thread of its own. */
    private static final class Reader implements AutoCloseable {

        private final Socket socket;
        private final AtomicLong bytes = new AtomicLong();
        private final Thread thread;
        private volatile boolean ended;

        Reader(InetSocketAddress address) throws IOException {
            socket = new Socket(address.getAddress(), address.getPort());
            socket.getOutputStream().write(("GET " + EventStream.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + address.getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            thread = Thread.ofVirtual().start(this::read);
        }

        private void read() {
            byte[] buffer = new byte[1 << 16];
            try {
                InputStream in = socket.getInputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    bytes.addAndGet(n);
                }
            } catch (IOException e) {
                // Ended all the same.
            }
            ended = true;
        }

        long bytes() {
            return bytes.get();
        }

        /** True once the stream's connection ended (while this client was still reading). */
        boolean ended() {
            return ended && !socket.isClosed();
        }

        @Override
        public void close() throws IOException, InterruptedException {
            socket.close();
            thread.join();
        }
    }
}
