package org.cabintune.tuner.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cabintune.hu.engine.TestSignalSource;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.hu.engine.WavFileSink;
import org.cabintune.hu.engine.WavFiles;
import org.cabintune.link.mqtt.Mosquitto;
import org.cabintune.link.mqtt.MqttServer;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.RewText;
import org.cabintune.tuner.rta.Bands;
import org.cabintune.tuner.rta.CabinTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cabintune rta} over a real Mosquitto against the link's MQTT server: it asks for pink
 * noise on the chosen output, reads a virtual car that follows a DAC recording written at real
 * time by the head unit's own WAV sink, stops the noise, and writes the reading.
 */
class RtaCommandTest {

    private static final int RATE = 48000;

    @TempDir
    Path dir;

    @Test
    void playsPinkNoiseReadsTheCarAndStopsTheNoise() throws Exception {
        assumeTrue(Mosquitto.available(), "mosquitto is not installed (apt-get install mosquitto); MQTT tests skipped");
        Mosquitto broker = new Mosquitto(Files.createDirectories(dir.resolve("broker"))).start();
        Path credentials = Files.writeString(dir.resolve("car.properties"),
                "user=" + Mosquitto.USER + "\npassword=" + Mosquitto.PASSWORD + "\n");
        // The test unit's outputs are front-left and front-right: the sedan's rear-left coaxial plays as front-left.
        Path cabin = Files.writeString(dir.resolve("car.yaml"), Files.readString(Path.of("../calibration/cabins/sedan.yaml"))
                .replace("name: rear-left-coaxial", "name: front-left"));
        Path dac = dir.resolve("dac.wav");
        Path config = dir.resolve("config");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread dacWriter = null;
        try (TestUnit unit = new TestUnit(dir)) {
            MqttServer server = new MqttServer(broker.login(), "car-rta", unit.dispatcher, unit.port::state, unit.presence);
            server.start();
            try {
                List<String> via = List.of("--mqtt", broker.uri(), "--credentials", credentials.toString(), "--unit", "car-rta");
                assertEquals(0, Cli.run("keys", "init", "--config-dir", config.toString()).exit());
                unit.presence.open(Duration.ofSeconds(30));
                Cli paired = Cli.run(concat(List.of("keys", "pair", "--config-dir", config.toString()), via));
                assertEquals(0, paired.exit(), paired::toString);

                // What the unit sends its DAC, at real time: pink noise on both outputs.
                WavFileSink sink = WavFiles.recorder(dac, 2, RATE, 24, true);
                dacWriter = Thread.ofPlatform().daemon().start(() -> {
                    try (sink; TestSignalSource pink = TestSignals.pink(2, RATE, -20, 9)) {
                        int[][] block = new int[2][480];
                        while (running.get()) {
                            pink.read(block, 480);
                            sink.write(block, 480);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Path out = dir.resolve("rta.txt");
                Cli rta = Cli.run(concat(List.of("rta", "--config-dir", config.toString(), "--virtual-car", cabin.toString(),
                        "--dac-recording", dac.toString(), "--outputs", "front-left", "--average", "linear",
                        "--seconds", "4", "--out", out.toString()), via));
                assertEquals(0, rta.exit(), rta::toString);
                List<String> calls = unit.port.calls();
                int play = calls.indexOf("playTestSignal pink [0]");
                assertTrue(play >= 0 && calls.subList(play, calls.size()).contains("stopTestSignal"), calls::toString);
                assertTrue(rta.out().contains("cabintune rta: unit test-unit, pink noise at -20.0 dBFS RMS on front-left"
                        + " (through the correction); mic virtual sedan, driver seat, position center"), rta::toString);
                assertTrue(rta.out().endsWith("written: " + out + System.lineSeparator()), rta::toString);

                RewText.Imported reading = RewText.read(out);
                assertTrue(reading.header().contains("Averaging: linear over 4.0 s (20 frames)"), reading.header()::toString);
                // The sedan's rear-left coaxial at the driver's head, heard through 4 s of noise:
                // bands from 250 Hz to 8 kHz follow its true response within 2 dB of their mean offset.
                VirtualCabin sedan = new VirtualCabin(CabinReader.read(cabin), RATE);
                double[] hz = reading.response().hz();
                double[] db = reading.response().db();
                double[] truth = CabinTruth.bandsDb(sedan, "front-left", Bands.of(3, 20, 20_000), 8000);
                double[] difference = new double[hz.length];
                double mean = 0;
                int count = 0;
                for (int i = 0; i < hz.length; i++) {
                    if (hz[i] >= 250 && hz[i] <= 8000) {
                        difference[i] = db[i] - truth[i];
                        mean += difference[i];
                        count++;
                    }
                }
                mean /= count;
                for (int i = 0; i < hz.length; i++) {
                    if (hz[i] >= 250 && hz[i] <= 8000) {
                        assertEquals(mean, difference[i], 2.0, "band at " + hz[i] + " Hz");
                    }
                }
            } finally {
                server.close();
            }
        } finally {
            running.set(false);
            if (dacWriter != null) {
                dacWriter.join(5000);
            }
            broker.stop();
        }
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
