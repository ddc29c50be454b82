package org.cabintune.hu.controls;

import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a machine lacks for a board's controls, on a device directory made for each case. */
class HardwareCheckTest {

    @TempDir
    Path dev;

    private static BoardConfig board(String id) throws Exception {
        return BoardLoader.load(Path.of("..", "board-configs", id + ".yaml"));
    }

    @Test
    void offAPiWithoutGpioChipsBothAreSaid() throws Exception {
        assertEquals(List.of("Pi4J detects no Raspberry Pi board", "no " + dev.resolve("gpiochip*")),
                HardwareCheck.problems(board("rpi4-hifiberry-dacplus"), false, dev));
    }

    @Test
    void aPiWithoutGpioChipsLacksOnlyThem() throws Exception {
        Files.createFile(dev.resolve("i2c-1"));
        assertEquals(List.of("no " + dev.resolve("gpiochip*")),
                HardwareCheck.problems(board("rpi4-hifiberry-dacplus"), true, dev));
    }

    @Test
    void theI2cBusIsCheckedOnceGpioIsThere() throws Exception {
        Files.createFile(dev.resolve("gpiochip0"));
        assertEquals(List.of("no " + dev.resolve("i2c-1") + " (config.txt needs dtparam=i2c_arm=on)"),
                HardwareCheck.problems(board("rpi4-hifiberry-dacplus"), true, dev));
        assertEquals(List.of("Pi4J detects no Raspberry Pi board"),
                HardwareCheck.problems(board("rpi4-hifiberry-dacplus"), false, dev),
                "a GPIO problem explains the failure; the I2C bus is not looked at");
    }

    @Test
    void nothingLacksWhenTheDevicesAreThere() throws Exception {
        Files.createFile(dev.resolve("gpiochip4"));
        assertEquals(List.of(), HardwareCheck.problems(board("rpi5-hifiberry-dac8x"), true, dev),
                "a board without i2cMute needs no I2C bus");
        Files.createFile(dev.resolve("i2c-1"));
        assertEquals(List.of(), HardwareCheck.problems(board("rpi4-hifiberry-dacplus"), true, dev));
    }

    @Test
    void aMissingDeviceDirectoryMeansNoChips() throws Exception {
        Path none = dev.resolve("absent");
        assertEquals(List.of("no " + none.resolve("gpiochip*")),
                HardwareCheck.problems(board("rpi5-hifiberry-dac8x"), true, none));
    }
}
