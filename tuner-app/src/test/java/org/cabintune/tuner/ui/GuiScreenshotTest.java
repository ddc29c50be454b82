package org.cabintune.tuner.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.cabintune.tuner.ui.plot.Palette;
import org.cabintune.tuner.ui.plot.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real window under Xvfb: {@code cabintune gui} in child JVMs over a calibration folder,
 * pictures of every tab in both themes ({@code --screenshot-all}) and one asked for alone
 * ({@code --screenshot}), each checked for the window's size, for being more than a blank frame,
 * and for the colour its plot draws with. The pictures stay in {@code target/gui-screenshots/}.
 * Skipped, saying why, where Xvfb is not installed ({@link Xvfb}).
 */
class GuiScreenshotTest {

    private static final Path OUT = Path.of("target", "gui-screenshots");
    private static final long CHILD_SECONDS = 180;

    private static Xvfb xvfb;
    private static Path folder;

    @BeforeAll
    static void startXvfb() throws IOException {
        xvfb = Xvfb.start();
        Files.createDirectories(OUT);
        folder = GuiFixtures.calibration(Files.createTempDirectory("gui-calibration"));
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.close();
        }
    }

    /** A child JVM running the tuner's CLI with {@code args}; its output goes to {@code log}. */
    private static Process tuner(Path log, boolean withDisplay, String... args) throws IOException {
        return Xvfb.java(withDisplay ? xvfb.display() : null, log, List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx512m", "-Dcabintune.home=" + GuiFixtures.HOME), "org.cabintune.tuner.TunerCli", args);
    }

    private record Shot(String tab, Theme theme, Color curve) {
        Path file() {
            return OUT.resolve(tab + "-" + theme.label() + ".png");
        }
    }

    @Test
    void everyTabDrawsInBothThemes() throws Exception {
        List<Shot> shots = new ArrayList<>();
        for (Theme theme : Theme.values()) {
            boolean dark = theme == Theme.DARK;
            shots.add(new Shot("plots", theme, Palette.color(Role.PREDICTED, 0, dark)));
            shots.add(new Shot("eq", theme, Palette.color(Role.PREDICTED, 0, dark)));
            shots.add(new Shot("alignment", theme, Palette.color(Role.AFTER, 0, dark)));
            for (String unitTab : List.of("unit", "profiles", "meters", "audition", "measure")) {
                shots.add(new Shot(unitTab, theme, null));
            }
        }
        for (Shot s : shots) {
            Files.deleteIfExists(s.file());
        }
        // Every tab in both themes from one window (the theme switched while it runs), and one
        // picture the way a person asks for one, side by side.
        Path single = OUT.resolve("eq-dark-single.png");
        Files.deleteIfExists(single);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> all = pool.submit(() -> run("all", "--screenshot-all", OUT.toString()));
            Future<String> one = pool.submit(() -> run("single", "--tab", "eq", "--theme", "dark", "--screenshot",
                    single.toString()));
            assertEquals("", all.get());
            assertEquals("", one.get());
        } finally {
            pool.shutdownNow();
        }
        for (Shot s : shots) {
            check(s.file(), s.curve());
        }
        check(single, Palette.color(Role.PREDICTED, 0, true));
        assertTrue(background(OUT.resolve("plots-dark.png")) < background(OUT.resolve("plots-light.png")),
                "the dark theme is darker");
    }

    private static void check(Path file, Color curve) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(MainWindow.SIZE.width, image.getWidth(), file + " has the window's width");
        assertEquals(MainWindow.SIZE.height, image.getHeight(), file + " has the window's height");
        int colours = colours(image);
        assertTrue(colours > 200, file + " is more than a blank frame: " + colours + " colours");
        if (curve == null) {
            return;
        }
        int pixels = count(image, curve);
        assertTrue(pixels > 100, file + " shows its plot's line (" + pixels + " pixels of " + curve + ")");
    }

    /** "" when the tuner's {@code gui} over the calibration folder exited 0, else what went wrong. */
    private static String run(String name, String... args) throws Exception {
        Path log = OUT.resolve(name + ".log");
        List<String> all = new ArrayList<>(List.of("gui", "--calibration", folder.toString()));
        all.addAll(List.of(args));
        Process p = tuner(log, true, all.toArray(String[]::new));
        if (!p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return "no screenshot within " + CHILD_SECONDS + " s: " + Files.readString(log);
        }
        String output = Files.readString(log);
        return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + output;
    }

    @Test
    void withoutADisplayItSaysSoInOneLine() throws Exception {
        Path log = Files.createTempFile("gui-no-display", ".log");
        Process p = tuner(log, false, "gui", "--screenshot", OUT.resolve("none.png").toString());
        assertTrue(p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(1, p.exitValue(), output);
        assertTrue(output.contains("gui: there is no display to open a window on"), output);
        assertFalse(output.contains("\tat "), "no stack trace: " + output);
        Files.delete(log);
    }

    @Test
    void anUnknownTabIsRefusedNamingTheTabs() throws Exception {
        Path log = Files.createTempFile("gui-tab", ".log");
        Process p = tuner(log, true, "gui", "--tab", "mixer", "--screenshot", OUT.resolve("none.png").toString());
        assertTrue(p.waitFor(CHILD_SECONDS, TimeUnit.SECONDS));
        String output = Files.readString(log);
        assertEquals(2, p.exitValue(), output);
        assertTrue(output.contains("--tab: no tab 'mixer'; tabs are unit, profiles, meters, audition, measure, plots, eq, alignment"), output);
        Files.delete(log);
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    private static int count(BufferedImage image, Color c) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        return n;
    }

    private static double background(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        Color c = new Color(image.getRGB(image.getWidth() / 2, 5));
        return c.getRed() + c.getGreen() + c.getBlue();
    }
}
