package org.cabintune.hu.web;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cabintune.hu.remote.HeadUnitRemote;

/**
 * The driver's page: a small page for a phone on the car's own network, served by the JDK's
 * HTTP server, with the profiles, volume, mute, night mode and the programme's loudness
 * ({@code docs/driver-page.md}). It reads the unit through {@link HeadUnitRemote} and changes it
 * only through {@link DriverCommands}, so it can do what a driver's link connection can, and no
 * more.
 *
 * <p>Its requests run on {@value #THREADS} threads of its own; a burst beyond what they and a
 * queue of {@value #QUEUE} can take is answered on the server's own thread, which slows the
 * client down rather than growing without bound. Each open page's event stream
 * ({@link EventStream}, at most {@value EventStream#MAX_STREAMS}, the newest client taking the
 * place of a stalled or the oldest stream) has a thread of its own. Nothing
 * here touches the audio thread: the unit's getters read lock-free snapshots, and commands reach
 * the engine through its control queue and the profile service's thread.
 */
public final class DriverPage implements AutoCloseable {

    static final int THREADS = 2;
    static final int QUEUE = 32;
    /** How long {@link #close} lets requests under way finish, s. */
    private static final int STOP_S = 1;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    /** The executor's threads: its termination is told before the last of them has quite ended. */
    private final Queue<Thread> executorThreads;
    private final EventStream events;
    private final PrintStream log;

    private DriverPage(HttpServer server, ThreadPoolExecutor executor, Queue<Thread> executorThreads, EventStream events,
                       PrintStream log) {
        this.server = server;
        this.executor = executor;
        this.executorThreads = executorThreads;
        this.events = events;
        this.log = log;
    }

    /**
     * Binds {@code address} and starts serving.
     *
     * @param unit     the unit the page shows
     * @param commands how the page changes it
     * @param log      where failures are told, one line each
     * @throws IOException when the address cannot be bound (in use, not this machine's, unknown host)
     */
    public static DriverPage start(WebAddress address, HeadUnitRemote unit, DriverCommands commands, PrintStream log)
            throws IOException {
        return start(address, unit, commands, log, EventStream.Timing.DEFAULT);
    }

    /** {@link #start} with the event streams' timing given. */
    static DriverPage start(WebAddress address, HeadUnitRemote unit, DriverCommands commands, PrintStream log,
                            EventStream.Timing timing) throws IOException {
        InetSocketAddress bind = new InetSocketAddress(address.host(), address.port());
        if (bind.isUnresolved()) {
            throw new IOException("host " + address.host() + " is not known here");
        }
        PageFiles files = new PageFiles();
        HttpServer server = HttpServer.create(bind, 0);
        AtomicInteger count = new AtomicInteger();
        Queue<Thread> executorThreads = new ConcurrentLinkedQueue<>();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "cabintune-web-" + count.incrementAndGet());
                    t.setDaemon(true);
                    executorThreads.add(t);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        PageGuard guard = new PageGuard(address.host(), log);
        EventStream events = new EventStream(() -> PageState.of(unit), timing, log);
        for (HttpContext context : new HttpContext[] {server.createContext("/api/", new DriverApi(unit, commands)),
                server.createContext(EventStream.PATH, events), server.createContext("/", files)}) {
            context.getFilters().add(guard);
        }
        server.start();
        return new DriverPage(server, executor, executorThreads, events, log);
    }

    /** The address the page listens on, with the port the system chose when 0 was asked. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** The page's address for people: {@code http://HOST:PORT/}. */
    public String url() {
        InetSocketAddress a = address();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort() + "/";
    }

    /** The event streams open now. */
    int streams() {
        return events.streams();
    }

    /**
     * Ends the event streams (a stream stuck in a write is cut at once), stops listening, lets
     * requests under way finish for a second (then closes their connections), and waits for
     * every thread.
     */
    @Override
    public void close() {
        events.close();
        server.stop(STOP_S);
        executor.shutdownNow();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_S);
            boolean ended = events.awaitEnd(Duration.ofSeconds(STOP_S))
                    & executor.awaitTermination(STOP_S, TimeUnit.SECONDS);
            for (Thread t : executorThreads) {
                ended &= t.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            }
            if (!ended) {
                log.println("web: a thread of the driver's page did not end within " + STOP_S + " s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
