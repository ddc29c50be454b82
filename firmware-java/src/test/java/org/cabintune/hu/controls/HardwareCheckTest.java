package org.cabintune.hu.controls;

import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What a machine lacks for a board's controls, on a device directory made for each case. */
class HardwareCheckTest {

    @TempDir
    Path dev;

    private static BoardConfig board(String id) throws Exception {
        return BoardLoader.load(Path.of("..", "board-configs", id + ".yaml"));
    }

    @Test
    void offAPiWithoutGpioChipsBothAreSaid() {
        assertEquals(List.of("Pi4J detects no Raspberry Pi board", "no " + dev.resolve("gpiochip*")),
                HardwareCheck.gpioProblems(false, dev));
    }

    @Test
    void aPiWithoutGpioChipsLacksOnlyThem() throws Exception {
        Files.createFile(dev.resolve("i2c-1"));
        assertEquals(List.of("no " + dev.resolve("gpiochip*")), HardwareCheck.gpioProblems(true, dev));
    }

    @Test
    void theI2cBusIsCheckedForTheDacMute() throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        BoardConfig.I2cMute mute = board("rpi4-hifiberry-dacplus").i2cMute();
        assertEquals("no " + dev.resolve("i2c-1") + " (config.txt needs dtparam=i2c_arm=on)",
                HardwareCheck.i2cProblem(mute, dev));
        assertEquals(List.of("Pi4J detects no Raspberry Pi board"), HardwareCheck.gpioProblems(false, dev),
                "the pins' problems do not mention the I2C bus");
    }

    @Test
    void nothingLacksWhenTheDevicesAreThere() throws Exception {
        Files.createFile(dev.resolve("gpiochip4"));
        assertEquals(List.of(), HardwareCheck.gpioProblems(true, dev));
        Files.createFile(dev.resolve("i2c-1"));
        assertNull(HardwareCheck.i2cProblem(board("rpi4-hifiberry-dacplus").i2cMute(), dev));
    }

    @Test
    void aMissingDeviceDirectoryMeansNoChips() {
        Path none = dev.resolve("absent");
        assertEquals(List.of("no " + none.resolve("gpiochip*")), HardwareCheck.gpioProblems(true, none));
    }
}
