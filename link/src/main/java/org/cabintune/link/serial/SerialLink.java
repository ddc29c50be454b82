package org.cabintune.link.serial;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One end of a serial cable carrying framed messages ({@link Framing}), through jSerialComm.
 * A reader thread opens the port, feeds a {@link FrameDecoder}, and when the port goes away
 * (the cable is pulled, the USB adapter resets, the other end closes a pty) closes it and
 * keeps trying to open it again every {@link #RETRY}, so the link comes back by itself.
 * Nothing the line carries stops the reader: refused frames are counted and reported.
 *
 * <p>Messages are delivered on the reader thread; writes may come from any thread.
 */
public final class SerialLink implements AutoCloseable {

    /** The protocol's default speed. */
    public static final int DEFAULT_BAUD = 115_200;
    /** Speeds a link may run at; 8 data bits, no parity, one stop bit, no flow control. */
    public static final List<Integer> BAUD_RATES = List.of(9600, 19_200, 38_400, 57_600, 115_200, 230_400,
            460_800, 921_600);
    /** How long to wait before trying to open the port again. */
    public static final Duration RETRY = Duration.ofMillis(200);
    /** How long one read waits for bytes, so that closing is noticed. */
    private static final int READ_TIMEOUT_MS = 100;

    /** What a link tells its owner besides messages. Called on the reader thread. */
    public interface Events {

        /** The port is open (again). */
        default void connected(String path) {
        }

        /** The port went away; the link keeps trying to reopen it. */
        default void disconnected(String path, String reason) {
        }

        /** A frame was refused (noise, cut short, too large, corrupted). */
        default void refused(FrameError error, String detail) {
        }

        /** Handling a message failed; the link reads on. */
        default void failed(String path, RuntimeException error) {
        }
    }

    private final String path;
    private final int baud;
    private final int maxMessage;
    private final Consumer<byte[]> onMessage;
    private final Events events;
    private final FrameDecoder decoder;
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile SerialPort port;
    private volatile boolean running = true;
    private volatile long reconnects;

    /**
     * Creates the link and starts its reader thread.
     *
     * @param path       the device, e.g. {@code /dev/ttyUSB0} (a pty path works too)
     * @param baud       one of {@link #BAUD_RATES}
     * @param maxMessage the largest message either side sends
     * @param onMessage  gets each good message
     */
    public SerialLink(String path, int baud, int maxMessage, Consumer<byte[]> onMessage, Events events) {
        this.path = Objects.requireNonNull(path, "path");
        if (!BAUD_RATES.contains(baud)) {
            throw new IllegalArgumentException("baud = " + baud + " is not one of " + BAUD_RATES);
        }
        this.baud = baud;
        this.maxMessage = maxMessage;
        this.onMessage = Objects.requireNonNull(onMessage, "onMessage");
        this.events = Objects.requireNonNull(events, "events");
        this.decoder = new FrameDecoder(maxMessage, new FrameDecoder.Listener() {
            @Override
            public void message(byte[] message) {
                onMessage.accept(message);
            }

            @Override
            public void refused(FrameError error, String detail) {
                events.refused(error, detail);
            }
        });
        this.reader = Thread.ofPlatform().name("serial " + path).daemon().start(this::readLoop);
    }

    /** True while the port is open. */
    public boolean isOpen() {
        return port != null;
    }

    /** Times the port was reopened after going away. */
    public long reconnects() {
        return reconnects;
    }

    /** The receiving side's counters. */
    public FrameStats stats() {
        synchronized (decoder) {
            return decoder.stats();
        }
    }

    /**
     * Sends one message as a frame.
     *
     * @throws IOException when the port is not open or the write fails
     */
    public void send(byte[] message) throws IOException {
        writeRaw(Framing.encode(message, maxMessage));
    }

    /** Writes bytes as they are, unframed: tests use it to put noise on the line. */
    public void writeRaw(byte[] bytes) throws IOException {
        synchronized (writeLock) {
            SerialPort p = port;
            if (p == null) {
                throw new IOException("serial port " + path + " is not open");
            }
            int written = 0;
            while (written < bytes.length) {
                int n = p.writeBytes(bytes, bytes.length - written, written);
                if (n <= 0) {
                    throw new IOException("writing to serial port " + path + " failed after " + written + " bytes");
                }
                written += n;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closePort();
    }

    private void readLoop() {
        byte[] buffer = new byte[4096];
        boolean everOpened = false;
        while (running) {
            try {
                if (port == null) {
                    if (open()) {
                        if (everOpened) {
                            reconnects++;
                        }
                        everOpened = true;
                        events.connected(path);
                    } else {
                        Thread.sleep(RETRY);
                    }
                    continue;
                }
                int n = port.readBytes(buffer, buffer.length);
                if (n < 0) {
                    closePort();
                    events.disconnected(path, "read failed: the port went away");
                } else if (n > 0) {
                    synchronized (decoder) {
                        decoder.accept(buffer, 0, n);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A failing handler must not end the link; the next bytes are read as usual.
                events.failed(path, e);
            }
        }
    }

    private boolean open() {
        SerialPort p = SerialPort.getCommPort(path);
        if (!p.openPort()) {
            return false;
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MS, 0);
        synchronized (decoder) {
            decoder.reset();
        }
        port = p;
        return true;
    }

    private void closePort() {
        synchronized (writeLock) {
            SerialPort p = port;
            port = null;
            if (p != null) {
                p.closePort();
            }
        }
    }
}
