package org.cabintune.hu.run;

import com.pi4j.Pi4J;
import com.pi4j.boardinfo.util.BoardInfoHelper;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.hu.controls.Controls;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.Graphs;
import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.TestSignals;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code run}'s controls: one line when there are none or they cannot open (Pi4J's real gpiod
 * and linuxfs plugins on a machine without GPIO); the amplifier sequence around a real stream
 * when there are.
 */
class StreamControlsTest {

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private static BoardConfig board(String id) throws Exception {
        return BoardLoader.load(Path.of("..", "board-configs", id + ".yaml"));
    }

    private String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSimulatorHasNoControlsAndSaysSoInOneLine() throws Exception {
        StreamControls controls = StreamControls.prepare(board("simulator"), () -> {
            throw new AssertionError("no Pi4J context is made for a board without GPIO");
        }, err);
        assertFalse(controls.holdsOutput());
        assertEquals("controls: board simulator has no GPIO controls; running without them\n", errText());
    }

    @Test
    void noPlatformMeansNoControlsInOneLine() throws Exception {
        StreamControls controls = StreamControls.prepare(board("rpi4-hifiberry-dacplus"), () -> {
            throw new ServiceConfigurationError("com.pi4j.extension.Plugin: not here");
        }, err);
        assertFalse(controls.holdsOutput());
        assertEquals(1, errText().lines().count(), errText());
        assertTrue(errText().startsWith("controls: no Pi4J platform ("), errText());
    }

    @Test
    void aPlatformWithoutGpioProvidersMeansNoControls() throws Exception {
        // Pi4J's core alone, as in a package built without -Ppi-hardware.
        StreamControls controls = StreamControls.prepare(board("rpi4-hifiberry-dacplus"),
                () -> Pi4J.newContextBuilder().build(), err);
        assertFalse(controls.holdsOutput());
        assertEquals("controls: Pi4J has no GPIO provider here (the package built with -Ppi-hardware has"
                + " pi4j-plugin-gpiod); running without controls\n", errText());
    }

    @Test
    void theHardwarePluginsOffARaspberryPiSayWhyInOneLineAndTheStreamPlays() throws Exception {
        assumeFalse(BoardInfoHelper.runningOnRaspberryPi(), "on a Raspberry Pi the plugins would drive the pins");
        // The jars the pi-hardware profile ships (pom.xml), found by Pi4J's auto-detection as in
        // the package: through the ServiceLoader of the thread's class loader.
        Path dir = Path.of(System.getProperty("cabintune.pi4j.hardware"));
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toUri().toURL());
            }
        }
        assertEquals(4, jars.size(), "gpiod and linuxfs, plugin and library each: " + jars);
        StreamControls controls;
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader plugins = new PackagePlugins(jars.toArray(URL[]::new), before)) {
            thread.setContextClassLoader(plugins);
            try {
                controls = StreamControls.prepare(board("rpi4-hifiberry-dacplus"), Pi4J::newAutoContext, err);
            } finally {
                thread.setContextClassLoader(before);
            }
            assertTrue(controls.holdsOutput(), "the plugins offer GPIO and I2C; only opening a pin tells: " + errText());
            AudioEngine engine = engine(controls.holdsOutput());
            controls.attach(engine, delta -> { });
            engine.start();
            controls.streamStarted();
            awaitRelease(engine);
            assertEquals(1, engine.stats().controlsApplied(), "the output released without controls: one unmute");
            controls.beforeStop(null);
            assertTrue(engine.stop());
            controls.close();
        }
        assertEquals(1, errText().lines().count(), errText());
        String line = errText().strip();
        assertTrue(line.startsWith("controls: amp-enable on GPIO 17 failed (No gpio chip yet initialized!):"
                + " Pi4J detects no Raspberry Pi board"), line);
        assertTrue(line.endsWith("; running without controls"), line);
        if (!hasGpioChip()) {
            assertTrue(line.contains(", no /dev/gpiochip*;"), line);
        }
    }

    /**
     * The hardware plugins over the test class path, whose Pi4J plugin entries are hidden: the
     * one there is the 3.0.3 mock plugin (pom.xml), which Pi4J 4's auto-detection cannot
     * instantiate and the package does not have.
     */
    private static final class PackagePlugins extends URLClassLoader {

        private static final String PLUGINS = "META-INF/services/com.pi4j.extension.Plugin";

        PackagePlugins(URL[] jars, ClassLoader parent) {
            super(jars, parent);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.equals(PLUGINS) ? findResources(name) : super.getResources(name);
        }
    }

    private static boolean hasGpioChip() throws Exception {
        try (Stream<Path> devices = Files.list(Path.of("/dev"))) {
            return devices.anyMatch(d -> d.getFileName().toString().startsWith("gpiochip"));
        }
    }

    private static AudioEngine engine(boolean muted) {
        return AudioEngine.create(new AudioEngine.Context().source(TestSignals.sine(2, 48000, 1000, -20))
                .sink(new NullSink(2, 48000, 3)).warmupPeriods(10).muted(muted).graph(Graphs.identity(128)));
    }

    /** Waits, at most 3 s, until the engine has applied the release of its held output. */
    private static void awaitRelease(AudioEngine engine) throws InterruptedException {
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (engine.stats().controlsApplied() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void theAmplifierComesOnAfterTheStreamStartsAndGoesOffBeforeItStops() throws Exception {
        AtomicReference<Context> pi4j = new AtomicReference<>();
        StreamControls controls = StreamControls.prepare(board("rpi4-hifiberry-dacplus"), () -> {
            pi4j.set(Pi4J.newContextBuilder().add(MockDigitalInputProvider.newInstance(),
                    MockDigitalOutputProvider.newInstance(), MockI2CProvider.newInstance()).build());
            return pi4j.get();
        }, err);
        assertTrue(controls.holdsOutput());
        AudioEngine engine = engine(controls.holdsOutput());
        controls.attach(engine, delta -> { });
        DigitalOutput amp = pi4j.get().io(Controls.AMP_ENABLE);
        engine.start();
        assertFalse(amp.isHigh(), "off while the stream starts");
        controls.streamStarted();
        awaitRelease(engine);
        assertTrue(amp.isHigh(), "on once the stream runs");
        assertEquals(1, engine.stats().controlsApplied(), "the output released: one unmute");
        controls.beforeStop(null);
        assertFalse(amp.isHigh(), "off before the stream stops");
        assertTrue(engine.stop());
        controls.close();
        assertTrue(pi4j.get().isShutdown());
        assertEquals("", errText());
    }
}
