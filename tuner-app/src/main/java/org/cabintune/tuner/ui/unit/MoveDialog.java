package org.cabintune.tuner.ui.unit;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.GraphicsEnvironment;
import java.awt.event.HierarchyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import org.cabintune.tuner.audio.Prompt;

/**
 * The microphone's prompt as the installer sees it: "Move the microphone to position k of N
 * around the driver's head", with Continue and Stop, in a dialog modal over the window. It opens
 * when the wizard's state asks ({@link WizardState#ask}) and closes when the state no longer
 * does. The event thread is never held: the dialog is opened after the state change has been
 * handled, and while it shows, Swing goes on dispatching events under it; the measurement's own
 * thread is the one that waits, in the model, for the answer. Continue is the answer Enter gives.
 * Closing the dialog's window stops the step (the position stays to be measured) without leaving
 * the calibration: the window's close button dismisses the question, it does not end the work
 * done so far; Stop is the deliberate way to end it.
 */
final class MoveDialog {

    /** The width the message wraps at, in pixels. */
    private static final int TEXT_WIDTH = 420;

    private final WizardModel model;
    private final Component owner;
    private Prompt.Move shown;
    private JDialog dialog;

    MoveDialog(WizardModel model, Component owner) {
        this.model = model;
        this.owner = owner;
    }

    /** Shows {@code ask}, or closes what shows when it is null; on the event dispatch thread. */
    void show(Prompt.Move ask) {
        if (Objects.equals(ask, shown)) {
            return;
        }
        shown = ask;
        if (dialog != null) {
            dialog.dispose();
            dialog = null;
        }
        if (ask == null || GraphicsEnvironment.isHeadless() || !owner.isShowing()) {
            // Without a window the wizard's instruction says the same.
            return;
        }
        JDialog d = new JDialog(SwingUtilities.getWindowAncestor(owner), "Position " + ask.position() + " of "
                + ask.positions(), Dialog.ModalityType.DOCUMENT_MODAL);
        d.setContentPane(content(ask, () -> answer(d, true), () -> answer(d, false)));
        d.setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        d.addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                d.dispose();
                model.cancel();
            }
        });
        d.pack();
        d.setLocationRelativeTo(owner);
        dialog = d;
        // Later, not here: a modal dialog's setVisible returns only when it closes.
        SwingUtilities.invokeLater(() -> {
            if (dialog == d) {
                d.setVisible(true);
            }
        });
    }

    private void answer(JDialog d, boolean proceed) {
        d.dispose();
        if (proceed) {
            model.proceed();
        } else {
            model.stopAtPrompt();
        }
    }

    /** What the dialog holds: the move, what to check, and the two answers. */
    static JPanel content(Prompt.Move ask, Runnable proceed, Runnable stop) {
        WrappingLabel text = new WrappingLabel();
        text.setPlain(message(ask));
        // The label wraps at the width it has; given one now, it asks for the height that takes.
        text.setSize(TEXT_WIDTH, 1);
        JButton go = Look.primary("Continue");
        go.addActionListener(e -> proceed.run());
        // Continue has the focus and answers Enter once the dialog shows: a key pressed out of
        // habit records there (the focus on Stop made Enter end the whole calibration).
        go.addHierarchyListener(e -> {
            if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && go.isShowing()) {
                go.getRootPane().setDefaultButton(go);
                go.requestFocusInWindow();
            }
        });
        JButton end = new JButton("Stop");
        end.addActionListener(e -> stop.run());
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.TRAILING, 6, 0));
        buttons.setOpaque(false);
        buttons.add(end);
        buttons.add(go);
        JPanel p = new JPanel(new BorderLayout(0, Look.GAP));
        p.setBorder(BorderFactory.createEmptyBorder(16, 18, 14, 18));
        p.add(Look.heading("Position " + ask.position() + " of " + ask.positions()), BorderLayout.NORTH);
        p.add(text, BorderLayout.CENTER);
        p.add(buttons, BorderLayout.SOUTH);
        return p;
    }

    /** The move, and what each answer does. */
    static String message(Prompt.Move ask) {
        return ask.text() + ", pointing up, at ear height, and keep the car quiet.\n"
                + "Continue records there. Stop ends the calibration: the test signal stops and the unit plays its "
                + "previous profile again.";
    }
}
