package org.cabintune.link.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between MQTT clients and the broker that can cut a connection in the middle of
 * a message: armed with {@link #cutAfter}, it forwards that many more bytes from a client to the
 * broker, then closes both sides, as a car's Wi-Fi dropping mid-packet would. New connections
 * pass untouched.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int brokerPort;
    private final AtomicLong cutIn = new AtomicLong(-1);
    private final AtomicLong cuts = new AtomicLong();
    private final CopyOnWriteArrayList<Socket> sockets = new CopyOnWriteArrayList<>();

    CuttingProxy(int brokerPort) throws IOException {
        this.brokerPort = brokerPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("proxy accept").start(this::accept);
    }

    String uri() {
        return "tcp://127.0.0.1:" + listener.getLocalPort();
    }

    /** The next {@code bytes} bytes any client sends go through, then its connection is cut. */
    void cutAfter(long bytes) {
        cutIn.set(bytes);
    }

    /** Connections cut so far. */
    long cuts() {
        return cuts.get();
    }

    private void accept() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                sockets.add(client);
                sockets.add(broker);
                Thread.ofPlatform().daemon().start(() -> pump(client, broker, true));
                Thread.ofPlatform().daemon().start(() -> pump(broker, client, false));
            }
        } catch (IOException e) {
            // Closed.
        }
    }

    private void pump(Socket from, Socket to, boolean upstream) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                long left = upstream ? cutIn.get() : -1;
                if (left >= 0 && left < n && cutIn.compareAndSet(left, -1)) {
                    out.write(buffer, 0, (int) left);
                    out.flush();
                    cuts.incrementAndGet();
                    break;
                }
                if (left >= 0) {
                    cutIn.compareAndSet(left, left - n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // The other direction closed the pair.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
    }
}
