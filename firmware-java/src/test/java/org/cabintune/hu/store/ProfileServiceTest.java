package org.cabintune.hu.store;

import org.cabintune.dsp.Q824;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardGraph;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.hu.engine.AudioEngine;
import org.cabintune.hu.engine.NullSink;
import org.cabintune.hu.engine.TestSignals;
import org.cabintune.hu.engine.WavFiles;
import org.cabintune.hu.store.StoreReport.Kind;
import org.cabintune.dsp.wav.WavReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import static org.cabintune.hu.store.StoreProfiles.forAnotherCar;
import static org.cabintune.hu.store.StoreProfiles.stereo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switching the running engine between stored profiles, and choosing the one to start with. */
class ProfileServiceTest {

    private static final int FS = 48000;
    private static final int PERIOD = 128;
    private static final double AMPLITUDE = 0.25;

    @TempDir
    Path dir;

    @Test
    void switchesClickFreeAndRefusesWhatCannotPlayWithoutChangingAnything() throws Exception {
        BoardConfig board = StoreProfiles.stereoBoard();
        Path wav = dir.resolve("out.wav");
        try (ProfileStore store = ProfileStore.open(dir.resolve("profiles"))) {
            store.put(stereo("Driver", 0));
            store.put(stereo("Night", -12));
            store.put(forAnotherCar("Other car"));
            ProfileChoice choice = ProfileChoice.choose(store, board, PERIOD);
            assertEquals("Driver", choice.name());
            AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                    .source(TestSignals.sine(2, FS, 1000, Q824.gainToDb(AMPLITUDE)))
                    .sink(WavFiles.recorder(wav, 2, FS, 32, true)).graph(choice.graph().graph())
                    .channelMap(choice.graph().channelMap()).periodFrames(PERIOD).warmupPeriods(200));
            engine.start();
            try (ProfileService service = new ProfileService(store, board, engine, PERIOD, choice.name(), false)) {
                Thread.sleep(100);
                ProfileService.Result r = service.select("Night").get();
                assertEquals(new ProfileService.Result(true, "Night", List.of()), r);
                settle(engine);

                r = service.select("Other car").get();
                assertFalse(r.done());
                assertEquals("Night", r.playing());
                assertEquals(List.of("\"Other car\" cannot play on board usb-dac: profile.outputs[0].name = \"dash-centre\""
                        + " is no speaker of board usb-dac (its speakers: front-left, front-right)"), r.messages());
                assertEquals(Optional.of("Night"), store.activeName(), "the store keeps its selection");
                assertFalse(engine.switching(), "nothing was handed to the engine");

                r = service.select("Sport").get();
                assertEquals(List.of("no profile \"Sport\" in the store (it holds: Driver, Night, Other car)"), r.messages());

                r = service.next().get();
                assertTrue(r.done());
                assertEquals("Driver", r.playing(), "the next button passes over what cannot play");
                assertTrue(r.messages().getFirst().startsWith("passed over \"Other car\" cannot play on board usb-dac"),
                        r.messages().toString());
                settle(engine);
                r = service.previous().get();
                assertEquals("Night", r.playing());
                settle(engine);

                r = service.put(forAnotherCar("Van")).get();
                assertFalse(r.done());
                assertTrue(r.messages().getFirst().endsWith("; it was not stored"), r.messages().toString());
                assertFalse(store.list().contains("Van"));

                r = service.put(stereo("Night", -6)).get();
                assertEquals(new ProfileService.Result(true, "Night", List.of()), r);
                settle(engine);
                Thread.sleep(50);
            } finally {
                engine.stop();
            }
        }
        try (ProfileStore store = ProfileStore.open(dir.resolve("profiles"))) {
            assertEquals(Optional.of("Night"), store.activeName(), "the last switch is kept");
            assertEquals(-6, store.get("Night").outputs().get(0).gainDb());
        }
        int[] y = readLeft(wav);
        double allowed = 2 * AMPLITUDE * Math.sin(Math.PI * 1000 / FS) + AMPLITUDE / 480 + 2 * Q824.LSB;
        for (int i = 1; i < y.length; i++) {
            double step = Math.abs(Q824.toDouble(y[i]) - Q824.toDouble(y[i - 1]));
            assertTrue(step <= allowed, "step " + step + " at frame " + i + " exceeds " + allowed);
        }
        double last = 0;
        int end = y.length - 2 * PERIOD - 480 - PERIOD;
        for (int i = end - 960; i < end; i++) {
            last = Math.max(last, Math.abs(Q824.toDouble(y[i])));
        }
        assertEquals(AMPLITUDE * Q824.dbToGain(-6), last, 2e-3, "the new version of Night plays at -6 dB");
    }

    /**
     * Night mode is recorded in the store before its graph is handed over, so a service started
     * again from the disk plays at night; a write the disk refuses changes nothing.
     */
    @Test
    void nightModeIsRecordedAndAFailedWriteChangesNothing() throws Exception {
        BoardConfig board = StoreProfiles.stereoBoard();
        Path profiles = dir.resolve("profiles");
        try (ProfileStore store = ProfileStore.open(profiles)) {
            store.put(stereo("Driver", 0));
            ProfileChoice choice = ProfileChoice.choose(store, board, PERIOD);
            AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                    .source(TestSignals.sine(2, FS, 1000, -20)).sink(new NullSink(2, FS)).graph(choice.graph().graph())
                    .channelMap(choice.graph().channelMap()).periodFrames(PERIOD));
            engine.start();
            try (ProfileService service = new ProfileService(store, board, engine, PERIOD, choice.name(), false)) {
                // A directory where the write's temporary file goes: the disk refuses it.
                Path blocker = Files.createDirectory(profiles.resolve(".night.tmp"));
                ProfileService.Result r = service.night(true).get();
                assertFalse(r.done());
                assertEquals(1, r.messages().size());
                assertTrue(r.messages().getFirst().startsWith("the profile store could not be written (")
                        && r.messages().getFirst().endsWith("); nothing changed"), r.messages().getFirst());
                assertFalse(service.night());
                assertFalse(store.night());
                assertFalse(engine.switching(), "nothing was handed to the engine");
                Files.delete(blocker);

                assertEquals(new ProfileService.Result(true, "Driver", List.of()), service.night(true).get());
                assertTrue(store.night(), "recorded");
                settle(engine);
            } finally {
                engine.stop();
            }
        }
        try (ProfileStore store = ProfileStore.open(profiles)) {
            assertTrue(store.night(), "night mode after a restart");
            assertTrue(store.report().clean(), store.report().lines().toString());
            ProfileChoice choice = ProfileChoice.choose(store, board, PERIOD);
            AudioEngine engine = AudioEngine.create(new AudioEngine.Context()
                    .source(TestSignals.sine(2, FS, 1000, -20)).sink(new NullSink(2, FS))
                    .graph(BoardGraph.compile(board, NightProfiles.forNight(choice.profile()), PERIOD).graph())
                    .channelMap(choice.graph().channelMap()).periodFrames(PERIOD));
            engine.start();
            try (ProfileService service = new ProfileService(store, board, engine, PERIOD, choice.name(), true)) {
                assertTrue(service.night());
                assertTrue(service.night(false).get().done());
                assertFalse(store.night());
            } finally {
                engine.stop();
            }
        }
        try (ProfileStore store = ProfileStore.open(profiles)) {
            assertFalse(store.night(), "day again after the next restart");
        }
    }

    @Test
    void startsWithTheFirstProfileThatPlaysAndElseTheSafeOne() throws Exception {
        BoardConfig board = StoreProfiles.stereoBoard();
        try (ProfileStore store = ProfileStore.open(dir)) {
            store.put(forAnotherCar("Van"));
            store.put(stereo("Driver", 0));
            store.put(stereo("Rear", -3));
            store.select("Van");
            ProfileChoice choice = ProfileChoice.choose(store, board, PERIOD);
            assertEquals("Driver", choice.name());
            assertEquals(List.of(Kind.UNFIT, Kind.ACTIVE), choice.report().findings().stream()
                    .map(StoreReport.Finding::kind).toList());
            assertEquals("active: \"Driver\" plays instead of the active profile", choice.report().lines().get(1));
            assertEquals(Optional.of("Van"), store.activeName(), "the driver's choice is not overwritten");
        }
        try (ProfileStore store = ProfileStore.open(dir.resolve("empty"))) {
            ProfileChoice choice = ProfileChoice.choose(store, board, PERIOD);
            assertEquals(SafeProfile.NAME, choice.profile().name());
            assertEquals(null, choice.name());
            assertEquals(List.of("safe: the store in " + dir.resolve("empty") + " holds no valid profile; the built-in"
                    + " profile \"Safe (built-in)\" plays (quiet, protected, untuned)"), choice.report().lines());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulator", "rpi4-hifiberry-dacplus", "rpi5-hifiberry-dac8x", "rpi-dac-pro", "usb-dac"})
    void theSafeProfilePlaysOnEveryShippedBoardWithinItsLimits(String id) throws Exception {
        BoardConfig board = BoardLoader.load(Path.of("..", "board-configs", id + ".yaml"));
        BoardGraph graph = BoardGraph.compile(board, SafeProfile.forBoard(board), PERIOD);
        assertEquals(List.of(), graph.added(), "the safe profile already keeps every limit of the board");
        assertEquals(board.outputs().size(), graph.graph().outputs());
    }

    private static void settle(AudioEngine engine) throws InterruptedException {
        long until = System.nanoTime() + 2_000_000_000L;
        while (engine.switching() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertFalse(engine.switching(), "the switch completes");
    }

    private static int[] readLeft(Path wav) throws Exception {
        try (FileChannel in = FileChannel.open(wav, StandardOpenOption.READ); WavReader reader = WavReader.open(in)) {
            double[] x = reader.readAllDouble()[0];
            int[] q = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                q[i] = (int) Math.round(x[i] * (1 << 24));
            }
            return q;
        }
    }
}
