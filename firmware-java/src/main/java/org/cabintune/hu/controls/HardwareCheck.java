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
 * the I2C mute through {@code /dev/i2c-N} (linuxfs, FFM); each failure is explained where it
 * happens ({@link Controls#open} for the mute, the run for the pins).
 */
public final class HardwareCheck {

    /** The device directory Pi4J's hardware providers open. */
    public static final Path DEV = Path.of("/dev");

    private HardwareCheck() {
    }

    /**
     * What the GPIO pins lack, said when a pin cannot be set up.
     *
     * @param raspberryPi whether Pi4J detected a Raspberry Pi board model
     * @param dev         the device directory ({@link #DEV})
     * @return the problems, empty when nothing is missing
     */
    public static List<String> gpioProblems(boolean raspberryPi, Path dev) {
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
        return problems;
    }

    /**
     * What the I2C bus of a DAC mute lacks, said when the mute cannot be set up; null when the
     * bus is there and usable (then the cause is elsewhere, e.g. the DAC's kernel driver
     * holding its address).
     */
    public static String i2cProblem(BoardConfig.I2cMute mute, Path dev) {
        Path bus = dev.resolve("i2c-" + mute.bus());
        if (!Files.exists(bus)) {
            return "no " + bus + " (config.txt needs dtparam=i2c_arm=on)";
        }
        return usable(bus) ? null : unusable(bus, "i2c");
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
