package org.cabintune.link.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cabintune.link.command.CommandDispatcher;
import org.cabintune.link.command.RecordingPort;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.MessageIds;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.PresenceToken;
import org.cabintune.link.security.TestClock;
import org.cabintune.link.security.TrustStore;
import org.cabintune.link.testing.Await;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker restarted over and over while a tuner keeps sending commands, retrying each one
 * (same id) until it is acknowledged: both ends must come back by themselves every time, every
 * acknowledged command must have been applied exactly once, and the JVM's thread count must
 * not grow with the reconnects.
 */
class BrokerRestartTest {

    private static final int RESTARTS = 20;

    @TempDir
    Path dir;

    @Test
    void commandsSurviveTwentyBrokerRestartsAppliedOnceWithAFlatThreadCount() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto); MQTT tests skipped");
        Mosquitto broker = new Mosquitto(dir).start();
        RecordingPort port = new RecordingPort(Samples.profile("stereo-fullrange"));
        TestClock clock = new TestClock(Instant.parse("2025-06-01T10:00:00Z"));
        CommandDispatcher dispatcher = new CommandDispatcher(port, TrustStore.open(dir.resolve("trust.json"), clock),
                clock, CommandDispatcher.DEFAULT_REMEMBERED_IDS);
        Map<String, Double> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (MqttServer unit = new MqttServer(broker.login(), "restart-car", dispatcher, port::state, PresenceToken.NONE);
             MqttUnitClient tuner = new MqttUnitClient(broker.login(), "restart-car", "tuner", new MqttUnitClient.Listener() { })) {
            unit.start();
            tuner.connect();
            Thread sender = Thread.ofPlatform().name("sender").start(() -> send(tuner, acknowledged, sending));
            Await.until(() -> acknowledged.size() >= 5, "the first commands", Duration.ofSeconds(10));
            int baseline = threads();
            for (int i = 1; i <= RESTARTS; i++) {
                broker.stop();
                Await.until(() -> !unit.isConnected() && !tuner.isConnected(), "both ends to see the broker go",
                        Duration.ofSeconds(10));
                broker.start();
                int before = acknowledged.size();
                Await.until(() -> acknowledged.size() >= before + 2, "commands to flow after restart " + i,
                        Duration.ofSeconds(20));
            }
            sending.set(false);
            sender.join(10_000);
            Await.until(() -> threads() <= baseline + 2, "the thread count to settle back to " + baseline,
                    Duration.ofSeconds(10));
            System.out.printf("broker restarts: %d, commands acknowledged: %d, threads %d before and %d after%n",
                    RESTARTS, acknowledged.size(), baseline, threads());
        } finally {
            broker.stop();
        }
        List<String> calls = port.calls();
        acknowledged.forEach((id, volume) -> assertEquals(1, calls.stream().filter(("setVolume " + volume)::equals).count(),
                () -> "command " + id + " (set-volume " + volume + ") applied once"));
        assertTrue(acknowledged.size() >= 2 * RESTARTS);
    }

    /** Sends set-volume commands, each with a volume of its own, retrying each id until acknowledged. */
    private static void send(MqttUnitClient tuner, Map<String, Double> acknowledged, AtomicBoolean sending) {
        MessageIds ids = new MessageIds("tuner");
        for (int n = 0; sending.get(); n++) {
            double volume = -60 + n / 1000.0;
            Envelope command = Envelope.of(ids.next(), 0, new Command.SetVolume(volume));
            while (sending.get()) {
                try {
                    if (tuner.request(command, Duration.ofMillis(300)).body() instanceof Reply.Ack) {
                        acknowledged.put(command.id(), volume);
                        break;
                    }
                    throw new AssertionError("set-volume " + volume + " refused");
                } catch (TimeoutException | MqttException e) {
                    sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
