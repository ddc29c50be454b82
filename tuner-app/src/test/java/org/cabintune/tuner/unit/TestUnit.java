package org.cabintune.tuner.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.PresenceWindow;
import org.cabintune.link.security.TrustStore;

/**
 * A head unit for the tuner's tests: the link's recording port behind a real dispatcher and
 * trust store, and a pump that sends meter snapshots while the tuner has a stream running, as
 * the real unit does.
 */
final class TestUnit implements AutoCloseable {

    final RecordingPort port = new RecordingPort(Samples.profile("stereo-fullrange"));
    final PresenceWindow presence = new PresenceWindow(Clock.systemUTC());
    final TrustStore trust;
    final CommandDispatcher dispatcher;
    private final AtomicLong sequence = new AtomicLong(100);
    private Thread pump;

    TestUnit(Path dir) throws IOException {
        trust = TrustStore.open(dir.resolve("trust.json"), Clock.systemUTC());
        dispatcher = new CommandDispatcher(port, trust, Clock.systemUTC(), CommandDispatcher.DEFAULT_REMEMBERED_IDS);
    }

    /** Sends a snapshot to {@code publish} every 20 ms while the last stream-meters asked for a stream. */
    void pumpMeters(Consumer<Reply.Meters> publish) {
        pump = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (streaming()) {
                    publish.accept(new Reply.Meters(sequence.incrementAndGet(), List.of(new Reply.Level(-6, -18),
                            Reply.Level.clamped(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY))));
                }
                try {
                    Thread.sleep(Duration.ofMillis(20));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    boolean streaming() {
        List<String> streams = port.calls().stream().filter(c -> c.startsWith("streamMeters ")).toList();
        return !streams.isEmpty() && !streams.getLast().equals("streamMeters 0");
    }

    long calls(String call) {
        return port.calls().stream().filter(call::equals).count();
    }

    @Override
    public void close() {
        if (pump != null) {
            pump.interrupt();
        }
    }
}
