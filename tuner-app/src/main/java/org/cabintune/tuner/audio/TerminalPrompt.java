package org.cabintune.tuner.audio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * The terminal as the microphone's {@link Prompt}: the move is shown and Enter says the
 * microphone is in place. Stopping is Ctrl-C, which ends the program as anywhere else (the
 * commands' shutdown hooks stop what the unit plays and select its previous profile).
 */
public final class TerminalPrompt implements Prompt {

    private final BufferedReader in;
    private final PrintWriter out;

    public TerminalPrompt(Reader in, PrintWriter out) {
        this.in = new BufferedReader(in);
        this.out = out;
    }

    /** The terminal: standard input, the message on {@code out}. */
    public static TerminalPrompt terminal(PrintWriter out) {
        return new TerminalPrompt(new InputStreamReader(System.in, Charset.defaultCharset()), out);
    }

    /**
     * Shows the move and waits for Enter.
     *
     * @throws AudioException when standard input ends first (no terminal: nobody can say the microphone moved)
     */
    @Override
    public void await(Move move) throws IOException {
        String message = move.text() + ", then press Enter.";
        out.print(message + " ");
        out.flush();
        if (in.readLine() == null) {
            out.println();
            out.flush();
            throw new AudioException("standard input ended while waiting for Enter after \"" + message
                    + "\"; run this from a terminal, where Enter says the microphone is in place");
        }
    }
}
