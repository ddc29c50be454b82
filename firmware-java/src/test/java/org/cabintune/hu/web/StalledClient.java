package org.cabintune.hu.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client of the event stream that asks for it and then reads nothing, as a phone that walked
 * out of the car's Wi-Fi or whose battery died leaves its connection: the unit's writes fill the
 * connection's buffers (a few MB on loopback), and then wait. A plain socket with a small
 * receive buffer.
 */
final class StalledClient implements AutoCloseable {

    private final Socket socket;

    StalledClient(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(address);
        socket.getOutputStream().write(("GET " + EventStream.PATH + " HTTP/1.1\r\nHost: 127.0.0.1:" + address.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads what the server sent until it closes the connection (true: the end of the input, or a
     * reset) or sends nothing for {@code quiet} (false).
     */
    boolean closedByServer(Duration quiet) throws IOException {
        return closedByServer(socket, quiet);
    }

    /** {@link #closedByServer(Duration)} on {@code socket}, whatever read from it before. */
    static boolean closedByServer(Socket socket, Duration quiet) throws IOException {
        socket.setSoTimeout((int) quiet.toMillis());
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            while (in.read(buffer) >= 0) {
                // What the stream sent before it ended.
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            // Reset: closed all the same.
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
