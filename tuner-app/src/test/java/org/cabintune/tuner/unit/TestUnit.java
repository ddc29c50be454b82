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
public final class TestUnit implements AutoCloseable {

    /** What the pump sends: two outputs, the programme's loudness and the DSP load. */
    public static final Reply.Meters METERS = new Reply.Meters(0, List.of(new Reply.Level(-6, -18),
            Reply.Level.clamped(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)),
            Reply.Programme.clamped(-14.5, -16.25, -17, -1.5), 0.125);

    public final RecordingPort port = new RecordingPort(Samples.profile("stereo-fullrange"));
    public final PresenceWindow presence = new PresenceWindow(Clock.systemUTC());
    public final TrustStore trust;
    public final CommandDispatcher dispatcher;
    private final AtomicLong sequence = new AtomicLong(100);
    private Thread pump;

    public TestUnit(Path dir) throws IOException {
        trust = TrustStore.open(dir.resolve("trust.json"), Clock.systemUTC());
        dispatcher = new CommandDispatcher(port, trust, Clock.systemUTC(), CommandDispatcher.DEFAULT_REMEMBERED_IDS);
    }

    /** Stops sending snapshots, as a unit that went away. */
    public void stopPump() {
        if (pump != null) {
            pump.interrupt();
        }
    }

    /** Sends a snapshot to {@code publish} every 20 ms while the last stream-meters asked for a stream. */
    public void pumpMeters(Consumer<Reply.Meters> publish) {
        pump = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (streaming()) {
                    publish.accept(new Reply.Meters(sequence.incrementAndGet(), METERS.outputs(), METERS.programme(),
                            METERS.dspLoad()));
                }
                try {
                    Thread.sleep(Duration.ofMillis(20));
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public boolean streaming() {
        List<String> streams = port.calls().stream().filter(c -> c.startsWith("streamMeters ")).toList();
        return !streams.isEmpty() && !streams.getLast().equals("streamMeters 0");
    }

    public long calls(String call) {
        return port.calls().stream().filter(call::equals).count();
    }

    @Override
    public void close() {
        if (pump != null) {
            pump.interrupt();
        }
    }
}
