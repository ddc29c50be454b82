package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.formdev.flatlaf.FlatLightLaf;
import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.SwingUtilities;

/**
 * Paints a panel without a screen, as the desktop tuner's window would show it (FlatLaf light),
 * into {@code target/ui-unit-panels/NAME.png}, and checks that it is not blank.
 */
final class PanelImages {

    static final Path DIR = Path.of("target/ui-unit-panels");
    private static boolean lookSet;

    private PanelImages() {
    }

    /** Runs {@code task} on the event dispatch thread, with the look and feel set, and waits for it. */
    static void onEdt(Runnable task) throws InterruptedException, InvocationTargetException {
        SwingUtilities.invokeAndWait(() -> {
            if (!lookSet) {
                FlatLightLaf.setup();
                lookSet = true;
            }
            task.run();
        });
    }

    /** Makes a panel on the event dispatch thread. */
    static <T extends JComponent> T make(java.util.function.Supplier<T> panel) throws Exception {
        AtomicReference<T> made = new AtomicReference<>();
        onEdt(() -> made.set(panel.get()));
        return made.get();
    }

    /**
     * Lets the panel take the state changes already posted, lays it out at {@code width} x
     * {@code height}, paints it and saves it; returns the image.
     */
    static BufferedImage save(JComponent panel, int width, int height, String name) throws Exception {
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        onEdt(() -> { });
        onEdt(() -> {
            panel.setSize(width, height);
            // Twice: wrapping text knows the height it needs once it has its width.
            for (int pass = 0; pass < 2; pass++) {
                invalidate(panel);
                layOut(panel);
            }
            BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(panel.getBackground());
            g.fillRect(0, 0, width, height);
            panel.printAll(g);
            g.dispose();
            image.set(img);
        });
        Files.createDirectories(DIR);
        try {
            ImageIO.write(image.get(), "png", DIR.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot write " + DIR.resolve(name + ".png"), e);
        }
        assertNotBlank(image.get(), name);
        return image.get();
    }

    /** Drops every cached layout (without a screen nothing validates the tree). */
    private static void invalidate(Component c) {
        c.invalidate();
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                invalidate(child);
            }
        }
    }

    private static void layOut(Component c) {
        if (c instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    /** Many colours, and a good share of pixels that are not the background: text, lines, bars. */
    static void assertNotBlank(BufferedImage image, String name) {
        int background = image.getRGB(1, 1);
        Set<Integer> colours = new HashSet<>();
        long other = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                colours.add(rgb);
                if (rgb != background) {
                    other++;
                }
            }
        }
        double share = other / (double) (image.getWidth() * image.getHeight());
        assertTrue(colours.size() >= 20 && share > 0.02, name + ": " + colours.size() + " colours, " + share
                + " of the pixels drawn");
    }
}
