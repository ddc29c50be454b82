package org.cabintune.hu.board;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.testing.Signals;
import org.cabintune.dsp.wav.DitherMode;
import org.cabintune.hu.audio.PcmFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every file in {@code board-configs/} validates, and its default profile plays on it. */
class ShippedBoardsTest {

    static final Path ROOT = Path.of("..");
    static final Path BOARDS = ROOT.resolve("board-configs");

    static Stream<Path> boards() throws IOException {
        try (Stream<Path> list = Files.list(BOARDS)) {
            return list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void theFiveBoardsAreShipped() throws IOException {
        assertEquals(List.of("rpi-dac-pro.yaml", "rpi4-hifiberry-dacplus.yaml", "rpi5-hifiberry-dac8x.yaml",
                "simulator.yaml", "usb-dac.yaml"), boards().map(p -> p.getFileName().toString()).toList());
    }

    @ParameterizedTest
    @MethodSource("boards")
    void validatesAndItsProfilePlaysOnItUnchanged(Path file) throws Exception {
        BoardConfig board = BoardLoader.load(file);
        assertEquals(file.getFileName().toString().replace(".yaml", ""), board.id(), "id matches the file name");
        Profile profile = ProfileParser.parse(ROOT.resolve(board.profile()));
        assertEquals(List.of(), BoardProfiles.problems(board, profile));
        BoardGraph compiled = BoardGraph.compile(board, profile, 128);
        assertEquals(List.of(), compiled.added(), "the shipped profile keeps every limit of its board");
        int[] map = compiled.channelMap();
        assertEquals(board.dac().channels(), map.length);
        assertEquals(board.outputs().size(), java.util.Arrays.stream(map).filter(i -> i >= 0).count(),
                "every board output has its DAC channel");
        assertEquals(board.outputs().size(), compiled.graph().outputs());
        PcmFormat.valueOf(board.stream().format());
    }

    @Test
    void theHifiberryDacPlusIsDescribedAsItIs() throws Exception {
        BoardConfig b = BoardLoader.load(BOARDS.resolve("rpi4-hifiberry-dacplus.yaml"));
        assertEquals("PCM5122", b.dac().chip());
        assertEquals("hw:CARD=sndrpihifiberry,DEV=0", b.dac().alsaDevice());
        assertTrue(b.configTxt().contains("dtoverlay=hifiberry-dacplus"));
        assertTrue(b.configTxt().contains("dtparam=audio=off"));
        assertEquals(0x4d, b.i2cMute().address());
        assertEquals("/var/lib/cabintune/profiles", b.profileStore());
        BoardConfig dac8x = BoardLoader.load(BOARDS.resolve("rpi5-hifiberry-dac8x.yaml"));
        assertEquals(8, dac8x.dac().channels());
        assertEquals("rpi5", dac8x.soc());
        assertTrue(dac8x.configTxt().contains("dtoverlay=hifiberry-dac8x"));
        BoardConfig pro = BoardLoader.load(BOARDS.resolve("rpi-dac-pro.yaml"));
        assertEquals("PCM5242", pro.dac().chip());
        assertTrue(pro.configTxt().contains("dtoverlay=rpi-dacpro"));
        BoardConfig sim = BoardLoader.load(BOARDS.resolve("simulator.yaml"));
        assertEquals("null", sim.stream().sink());
        assertEquals("calibration/profiles/reference-8ch.json", sim.profile());
        assertNull(sim.gpio());
        assertNull(sim.profileStore(), "the simulator plays its profile alone unless run gets --profiles");
    }

    @Test
    void ditherIsFlatTpdfUnlessTheBoardAsksOtherwise(@TempDir Path dir) throws Exception {
        Path usb = BOARDS.resolve("usb-dac.yaml");
        assertEquals(DitherMode.TPDF, BoardLoader.load(usb).stream().ditherMode());
        Path shaped = Files.writeString(dir.resolve("usb-dac.yaml"),
                Files.readString(usb).replace("  format: S24_3LE\n", "  format: S24_3LE\n  dither: shaped\n"));
        assertEquals(DitherMode.SHAPED, BoardLoader.load(shaped).stream().ditherMode());
    }

    @Test
    void aProfileForAnotherCarIsRefusedOrProtected() throws Exception {
        BoardConfig dac8x = BoardLoader.load(BOARDS.resolve("rpi5-hifiberry-dac8x.yaml"));
        String json = Files.readString(ROOT.resolve("calibration/profiles/reference-8ch.json"))
                .replaceFirst("\\{\"type\": \"highpass\", \"freqHz\": 3500", "{\"type\": \"highpass\", \"freqHz\": 1500")
                .replaceFirst("\"minHighpassHz\": 2000", "\"minHighpassHz\": 1500");
        Profile lowTweeter = ProfileParser.parse(json);
        assertEquals(List.of(), BoardProfiles.problems(dac8x, lowTweeter), "a low tweeter highpass is not refused");
        assertEquals(List.of("front-left-tweeter: highpass 2000 Hz, 4th-order Butterworth, added (the board's minimum;"
                + " the profile's filters have their highest highpass at 1500 Hz)"),
                BoardGraph.compile(dac8x, lowTweeter, 128).added(), "it is protected");
        Profile stereo = ProfileParser.parse(ROOT.resolve("calibration/profiles/stereo-fullrange.json"));
        assertTrue(BoardProfiles.problems(dac8x, stereo).get(0).startsWith(
                "profile.outputs[0].name = \"front-left\" is no speaker of board rpi5-hifiberry-dac8x"));
        ProfileException e = assertThrows(ProfileException.class, () -> BoardGraph.compile(dac8x, stereo, 128));
        assertEquals(BoardProfiles.problems(dac8x, stereo), e.problems());
    }

    @Test
    void unusedDacChannelsAreSilent() throws Exception {
        BoardConfig dac8x = BoardLoader.load(BOARDS.resolve("rpi5-hifiberry-dac8x.yaml"));
        String json = Files.readString(ROOT.resolve("calibration/profiles/stereo-fullrange.json"))
                .replace("\"front-left\"", "\"front-left-midwoofer\"").replace("\"front-right\"", "\"front-right-midwoofer\"")
                .replace("fullrange", "midwoofer");
        Profile twoWay = ProfileParser.parse(json);
        assertEquals(List.of(), BoardProfiles.problems(dac8x, twoWay));
        BoardGraph compiled = BoardGraph.compile(dac8x, twoWay, 128);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, compiled.channelMap(), "the board's order");
        int[][] in = {Signals.quantize(Signals.whiteNoise(1, 128, -10)), Signals.quantize(Signals.whiteNoise(2, 128, -10))};
        int[][] out = new int[8][128];
        for (int block = 0; block < 20; block++) {
            compiled.graph().process(in, out, 128);
            for (int o : new int[] {0, 1, 4, 5, 6, 7}) {
                assertTrue(java.util.Arrays.stream(out[o]).allMatch(x -> x == 0), "output " + o + " is exactly silent");
            }
        }
        assertTrue(java.util.Arrays.stream(out[2]).anyMatch(x -> x != 0), "the midwoofers play");
    }
}
