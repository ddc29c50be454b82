package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Component;
import java.awt.Container;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractButton;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/**
 * Using real windows on a display as a person does, for tests: find what shows, click its buttons,
 * close its windows, press keys, and wait, never longer than {@value #WAIT_MS} ms, for what the
 * window does in answer. Everything that reads or touches a component runs on the event thread.
 */
final class OnScreen {

    /** The longest a dialog takes to show, or a button to be enabled. */
    static final long WAIT_MS = 30_000;

    private OnScreen() {
    }

    /**
     * Waits until {@code button} shows and is enabled, then clicks it on the event thread, later,
     * as a click of the mouse comes: a button that opens a modal dialog returns only when it closes.
     */
    static void click(AbstractButton button) throws Exception {
        waitFor(() -> button.isShowing() && button.isEnabled(), "\"" + button.getText() + "\" enabled");
        SwingUtilities.invokeLater(button::doClick);
    }

    /** Closes {@code window} as its title bar's close button does: the event it sends. */
    static void close(Window window) {
        Toolkit.getDefaultToolkit().getSystemEventQueue().postEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSING));
    }

    /** Presses and releases {@code key} ({@code KeyEvent.VK_...}) on the keyboard, once {@code window} has the focus. */
    static void press(Window window, int key) throws Exception {
        waitFor(window::isFocused, "the window focused");
        Robot keyboard = new Robot();
        keyboard.keyPress(key);
        keyboard.keyRelease(key);
    }

    /** The modal dialog titled {@code title} once it shows. */
    static JDialog dialog(String title) throws Exception {
        AtomicReference<JDialog> found = new AtomicReference<>();
        waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog d && d.isShowing() && d.isModal() && title.equals(d.getTitle())) {
                    found.set(d);
                    return true;
                }
            }
            return false;
        }, "the dialog \"" + title + "\"");
        return found.get();
    }

    /** Waits until no dialog shows. */
    static void assertNoDialog() throws Exception {
        waitFor(() -> {
            for (Window w : Window.getWindows()) {
                if (w instanceof JDialog && w.isShowing()) {
                    return false;
                }
            }
            return true;
        }, "no dialog showing");
    }

    /** Waits until {@code condition}, asked on the event thread, holds; fails naming {@code what}. */
    static void waitFor(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!onEdt(condition)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("waited " + WAIT_MS + " ms for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** {@code task}'s answer, asked on the event thread. */
    static <T> T onEdt(Callable<T> task) throws Exception {
        if (SwingUtilities.isEventDispatchThread()) {
            return task.call();
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(task.call());
            } catch (Exception e) {
                failed.set(e);
            }
        });
        if (failed.get() != null) {
            throw failed.get();
        }
        return result.get();
    }

    /** The one button labelled {@code text} in {@code root}. */
    static AbstractButton button(Container root, String text) throws Exception {
        return onEdt(() -> {
            List<AbstractButton> found = new ArrayList<>();
            for (Component c : all(root)) {
                if (c instanceof AbstractButton b && text.equals(b.getText())) {
                    found.add(b);
                }
            }
            assertEquals(1, found.size(), "buttons \"" + text + "\"");
            return found.getFirst();
        });
    }

    /** In a form of labelled rows: the components after the label {@code label}, up to the next label. */
    static List<Component> row(Container root, String label) throws Exception {
        return onEdt(() -> {
            for (Component c : all(root)) {
                if (c instanceof JLabel l && label.equals(l.getText())) {
                    List<Component> siblings = List.of(l.getParent().getComponents());
                    List<Component> fields = new ArrayList<>();
                    for (int k = siblings.indexOf(l) + 1; k < siblings.size() && !(siblings.get(k) instanceof JLabel); k++) {
                        fields.add(siblings.get(k));
                    }
                    return fields;
                }
            }
            throw new AssertionError("no row " + label);
        });
    }

    /** The first {@code kind} in {@code root}. */
    static <T> T within(Component root, Class<T> kind) throws Exception {
        return onEdt(() -> all(root).stream().filter(kind::isInstance).map(kind::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " in " + root)));
    }

    /** What the labels and text fields in {@code root} say. */
    static List<String> texts(Container root) throws Exception {
        return onEdt(() -> {
            List<String> texts = new ArrayList<>();
            for (Component c : all(root)) {
                if (c instanceof JLabel l) {
                    texts.add(l.getText());
                } else if (c instanceof JTextComponent t) {
                    texts.add(t.getText());
                }
            }
            return texts;
        });
    }

    /** {@code root} and everything inside it, depth first. */
    private static List<Component> all(Component root) {
        List<Component> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Container c) {
            for (Component child : c.getComponents()) {
                out.addAll(all(child));
            }
        }
        return out;
    }
}
