package org.cabintune.link.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.protocol.Samples;
import org.cabintune.link.security.InstallerKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workshop's fleet: 20 head units on one Mosquitto, and one installer pushing the same
 * signed profile to all of them at once. Every unit must acknowledge within {@link #BOUND}.
 */
class FleetTest {

    private static final int UNITS = 20;
    /** Measured 0.3 to 0.6 s on two shared cores; the bound leaves room for a loaded machine. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void aProfilePushedToTwentyUnitsIsAcknowledgedByAllWithinTheBound() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto); MQTT tests skipped");
        Mosquitto broker = new Mosquitto(dir).start();
        InstallerKey installer = InstallerKey.generate(Clock.systemUTC());
        Profile profile = Samples.profile("reference-8ch");
        List<PairedUnit> units = new ArrayList<>();
        List<MqttUnitClient> tuners = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // Units and tuners connect side by side, as a workshop's cars come in one by one anyway.
            List<Future<PairedUnit>> starting = new ArrayList<>();
            List<Future<MqttUnitClient>> connecting = new ArrayList<>();
            for (int i = 0; i < UNITS; i++) {
                String unitId = "fleet-" + i;
                starting.add(threads.submit(() -> new PairedUnit(broker.login(), unitId, dir, installer)));
                connecting.add(threads.submit(() -> {
                    MqttUnitClient tuner = new MqttUnitClient(broker.login(), unitId, "installer-" + unitId,
                            new MqttUnitClient.Listener() { });
                    tuner.connect();
                    return tuner;
                }));
            }
            for (int i = 0; i < UNITS; i++) {
                units.add(starting.get(i).get());
                tuners.add(connecting.get(i).get());
            }
            long start = System.nanoTime();
            List<Future<Envelope>> replies = new ArrayList<>();
            for (int i = 0; i < UNITS; i++) {
                MqttUnitClient tuner = tuners.get(i);
                Envelope put = installer.sign(Envelope.of("fleet-put-" + i, 0, new Command.PutProfile("workshop", profile)));
                replies.add(threads.submit(() -> tuner.request(put, BOUND)));
            }
            for (Future<Envelope> reply : replies) {
                assertInstanceOf(Reply.Ack.class, reply.get().body());
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("profile (%s) pushed to %d units, all acknowledged in %d ms%n", profile.name(), UNITS,
                    took.toMillis());
            assertTrue(took.compareTo(BOUND) < 0, "took " + took);
            for (PairedUnit unit : units) {
                assertEquals(1, unit.calls("putProfile workshop " + profile.name()));
            }
            for (int i = 0; i < UNITS; i++) {
                MqttUnitClient tuner = tuners.get(i);
                PairedUnit unit = units.get(i);
                threads.submit(() -> {
                    tuner.close();
                    unit.close();
                    return null;
                });
            }
        } finally {
            broker.stop();
        }
    }
}
