package org.cabintune.hu.web;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A client of the page's event stream over a plain socket, as a browser's {@code EventSource}
 * reads it: the answer's status and headers, then the chunked body cut into Server-Sent Events
 * (or comments). A plain socket, so closing it is a client that leaves, and nothing of an HTTP
 * client library stays behind.
 */
final class EventClient implements AutoCloseable {

    /**
     * One message of the stream.
     *
     * @param event the event's name, or null for a comment
     * @param data  the event's data, or the comment's text
     */
    record Event(String event, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private boolean ended;
    private boolean lastChunk;

    /** Opens {@code GET path} on the page at {@code address}, with {@code extraHeaders} (CRLF-ended lines). */
    EventClient(InetSocketAddress address, String path, String extraHeaders) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + address.getPort()
                + "\r\nAccept: text/event-stream\r\n" + extraHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
        in = socket.getInputStream();
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        for (String h = line(); !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
    }

    EventClient(InetSocketAddress address) throws IOException {
        this(address, EventStream.PATH, "");
    }

    /** The whole body of an answer that is not a stream (a refusal), as sent with its length. */
    String body() throws IOException {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** The next message that {@code wanted} accepts, skipping others; fails after {@code timeout}. */
    Event next(Predicate<Event> wanted, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            int cut = text.indexOf("\n\n");
            if (cut >= 0) {
                Event e = parse(text.substring(0, cut));
                text.delete(0, cut + 2);
                if (e != null && wanted.test(e)) {
                    return e;
                }
                continue;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no wanted event within " + timeout + "; unread: " + text);
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            if (!chunk()) {
                throw new EOFException("the stream ended; unread: " + text);
            }
        }
    }

    /** The next event called {@code name}. */
    Event next(String name, Duration timeout) throws IOException {
        return next(e -> name.equals(e.event()), timeout);
    }

    /** True when the server ends the stream (its last chunk, or the connection closed) within {@code timeout}. */
    boolean endsWithin(Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!ended) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                chunk();
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                ended = true;
            }
        }
        return true;
    }

    /** True when the stream ended with its last (empty) chunk, as a server ends a stream on purpose. */
    boolean endedCleanly() {
        return lastChunk;
    }

    /**
     * True when the server closes the connection within {@code quiet} of the last bytes it sent
     * ({@link StalledClient#closedByServer}).
     */
    boolean closedWithin(Duration quiet) throws IOException {
        return StalledClient.closedByServer(socket, quiet);
    }

    /** Reads one chunk into the text; false at the end of the body. */
    private boolean chunk() throws IOException {
        if (ended) {
            return false;
        }
        String size = line();
        int n = Integer.parseInt(size.split(";")[0].strip(), 16);
        if (n == 0) {
            ended = true;
            lastChunk = true;
            return false;
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            ended = true;
            return false;
        }
        text.append(new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n"));
        line();
        return true;
    }

    /** One message's lines: {@code event:} and {@code data:} fields, or a comment; null for a {@code retry:} only. */
    private static Event parse(String block) {
        String event = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String l : block.split("\n")) {
            if (l.startsWith(":")) {
                return new Event(null, l.substring(1).strip());
            } else if (l.startsWith("event:")) {
                event = l.substring(6).strip();
            } else if (l.startsWith("data:")) {
                data.append(data.isEmpty() ? "" : "\n").append(l.substring(5).strip());
                any = true;
            }
        }
        return any ? new Event(event, data.toString()) : null;
    }

    /** One CRLF-ended line of the answer's head or chunk framing; EOF when the connection closed. */
    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                ended = true;
                throw new EOFException("the connection closed");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
