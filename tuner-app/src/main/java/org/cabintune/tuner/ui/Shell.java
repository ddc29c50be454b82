package org.cabintune.tuner.ui;

import javax.swing.JFrame;

/** What the main window offers its panels: the open workspace, background work, the status line and errors. */
public interface Shell {

    Workspace workspace();

    /** Runs long operations off the event thread with progress and cancel. */
    Tasks tasks();

    /** Shows {@code message} on the status line. */
    void status(String message);

    /** Shows a readable error ({@link Messages#readable}) about {@code what} failed. */
    void error(String what, Throwable e);

    /** The window, as the parent of dialogs. */
    JFrame frame();

    /** Runs {@code action} when the window closes (connections, threads), the last given first; its failure is only reported. */
    void onClose(AutoCloseable action);
}
