package org.cabintune.hu.run;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.cabintune.dsp.graph.GraphCompiler;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.hu.controls.Controls;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.TestSignals;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ServiceConfigurationError;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code run}'s controls: one line when there are none; the amplifier sequence around a real stream when there are. */
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
        // Pi4J's core alone, as on a machine without the FFM plugin.
        StreamControls controls = StreamControls.prepare(board("rpi4-hifiberry-dacplus"),
                () -> Pi4J.newContextBuilder().build(), err);
        assertFalse(controls.holdsOutput());
        assertEquals("controls: Pi4J has no GPIO provider here (on a Raspberry Pi it comes with pi4j-plugin-ffm);"
                + " running without controls\n", errText());
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
        AudioEngine engine = AudioEngine.create(new AudioEngine.Context().source(TestSignals.sine(2, 48000, 1000, -20))
                .sink(new NullSink(2, 48000, 3)).warmupPeriods(10).muted(controls.holdsOutput())
                .graph(GraphCompiler.compile(ProfileParser.parse("""
                        {"format": "cabintune.profile/1", "name": "straight", "sampleRate": 48000, "inputs": ["L", "R"],
                         "outputs": [{"name": "front-left", "role": "fullrange", "mix": {"L": 1.0}},
                                     {"name": "front-right", "role": "fullrange", "mix": {"R": 1.0}}]}
                        """), 128)));
        controls.attach(engine, delta -> { });
        DigitalOutput amp = pi4j.get().io(Controls.AMP_ENABLE);
        engine.start();
        assertFalse(amp.isHigh(), "off while the stream starts");
        controls.streamStarted();
        long deadline = System.nanoTime() + 3_000_000_000L;
        while (engine.stats().controlsApplied() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
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
