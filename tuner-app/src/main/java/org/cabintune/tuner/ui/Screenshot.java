package org.cabintune.tuner.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;

/**
 * Pictures of the window as it shows: each taken once it is on screen, every background job has
 * finished, and a paint asked for after that has completed on the event thread, by painting the
 * window into an image (what the window draws, whatever covers it on the screen).
 */
final class Screenshot {

    /** How long the window must stay idle before it counts as settled. */
    private static final long SETTLE_MILLIS = 300;
    private static final long POLL_MILLIS = 50;

    private Screenshot() {
    }

    /** Waits for the window to settle, writes it to {@code file} as PNG, and closes it. */
    static void take(MainWindow window, Path file, double timeoutSeconds) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        settle(window, deadline);
        write(window, file, deadline);
        onEdt(() -> window.frame().dispose());
    }

    /**
     * Pictures of every tab in both themes, {@code DIR/TAB-THEME.png}: the theme switched while the
     * window runs, as the View menu does. Returns the files written.
     */
    static List<Path> takeAll(MainWindow window, List<String> tabs, Path dir, double timeoutSeconds)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        List<Path> written = new ArrayList<>();
        settle(window, deadline);
        for (Theme theme : Theme.values()) {
            onEdt(theme::apply);
            for (String tab : tabs) {
                onEdt(() -> window.select(tab));
                settle(window, deadline);
                Path file = dir.resolve(tab + "-" + theme.label() + ".png");
                write(window, file, deadline);
                written.add(file);
            }
        }
        onEdt(() -> window.frame().dispose());
        return written;
    }

    /** Waits until the window shows, no job runs or waits, and it has been painted, for {@value #SETTLE_MILLIS} ms. */
    private static void settle(MainWindow window, long deadline) throws IOException, InterruptedException {
        long idleSince = -1;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the window did not finish loading and drawing before the timeout");
            }
            AtomicBoolean ready = new AtomicBoolean();
            onEdt(() -> ready.set(window.frame().isShowing() && window.tasks().idle() && window.paints() > 0));
            if (ready.get()) {
                idleSince = idleSince < 0 ? System.nanoTime() : idleSince;
                if (System.nanoTime() - idleSince >= SETTLE_MILLIS * 1_000_000) {
                    return;
                }
            } else {
                idleSince = -1;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Asks for a paint, waits until it has completed on the event thread, and writes the window as PNG. */
    private static void write(MainWindow window, Path file, long deadline) throws IOException, InterruptedException {
        AtomicInteger before = new AtomicInteger();
        onEdt(() -> {
            before.set(window.paints());
            window.frame().getContentPane().repaint();
        });
        AtomicBoolean painted = new AtomicBoolean();
        while (!painted.get()) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the window was not painted again before the timeout");
            }
            Thread.sleep(POLL_MILLIS);
            onEdt(() -> painted.set(window.paints() > before.get()));
        }
        AtomicReference<BufferedImage> image = new AtomicReference<>();
        onEdt(() -> image.set(paint(window)));
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (!ImageIO.write(image.get(), "png", file.toFile())) {
            throw new IOException("no PNG writer to write " + file);
        }
    }

    /** The window drawn into an image of its size. */
    static BufferedImage paint(MainWindow window) {
        var frame = window.frame();
        BufferedImage image = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(frame.getBackground());
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            frame.paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void onEdt(Runnable r) throws InterruptedException {
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(Messages.readable(e), e);
        }
    }
}
