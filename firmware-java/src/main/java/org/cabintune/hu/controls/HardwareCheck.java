package org.cabintune.hu.controls;

import org.cabintune.hu.board.BoardConfig;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What this machine lacks for a board's controls, in words an installer can act on: said next
 * to Pi4J's own failure, which names neither the device nor the cause (the gpiod plugin's is
 * "No gpio chip yet initialized!" on any machine it does not recognise as a Raspberry Pi).
 * Pi4J's hardware providers open the GPIO pins through {@code /dev/gpiochip*} (gpiod, FFM) and
 * the I2C mute through {@code /dev/i2c-N} (linuxfs, FFM).
 */
public final class HardwareCheck {

    private HardwareCheck() {
    }

    /**
     * The first part missing, in the order {@link Controls#open} needs them: the GPIO pins come
     * first, so an I2C problem is told only when GPIO is there.
     *
     * @param board       a board with a {@code gpio} section
     * @param raspberryPi whether Pi4J detected a Raspberry Pi board model
     * @param dev         the device directory ({@code /dev})
     * @return the problems, empty when nothing is missing
     */
    public static List<String> problems(BoardConfig board, boolean raspberryPi, Path dev) {
        List<String> problems = new ArrayList<>();
        if (!raspberryPi) {
            problems.add("Pi4J detects no Raspberry Pi board");
        }
        List<Path> chips = gpioChips(dev);
        if (chips.isEmpty()) {
            problems.add("no " + dev.resolve("gpiochip*"));
        } else if (chips.stream().noneMatch(HardwareCheck::usable)) {
            problems.add(unusable(chips.getFirst(), "gpio"));
        }
        if (!problems.isEmpty() || board.i2cMute() == null) {
            return problems;
        }
        Path bus = dev.resolve("i2c-" + board.i2cMute().bus());
        if (!Files.exists(bus)) {
            problems.add("no " + bus + " (config.txt needs dtparam=i2c_arm=on)");
        } else if (!usable(bus)) {
            problems.add(unusable(bus, "i2c"));
        }
        return problems;
    }

    private static List<Path> gpioChips(Path dev) {
        List<Path> chips = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dev, "gpiochip*")) {
            found.forEach(chips::add);
        } catch (IOException e) {
            // No device directory: no chips.
        }
        chips.sort(null);
        return chips;
    }

    private static boolean usable(Path device) {
        return Files.isReadable(device) && Files.isWritable(device);
    }

    private static String unusable(Path device, String group) {
        return device + " is not readable and writable by user " + System.getProperty("user.name")
                + " (add it to group " + group + ")";
    }
}
