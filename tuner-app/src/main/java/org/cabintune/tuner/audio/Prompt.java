package org.cabintune.tuner.audio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Asks the person at the terminal to do something and press Enter. It waits as long as it
 * takes: moving a microphone in a car has no deadline. Ctrl-C ends the program as anywhere else
 * (the commands' shutdown hooks stop what the unit plays).
 */
public final class Prompt {

    private final BufferedReader in;
    private final PrintWriter out;

    public Prompt(Reader in, PrintWriter out) {
        this.in = new BufferedReader(in);
        this.out = out;
    }

    /** The terminal: standard input, the message on {@code out}. */
    public static Prompt terminal(PrintWriter out) {
        return new Prompt(new InputStreamReader(System.in, Charset.defaultCharset()), out);
    }

    /**
     * Shows {@code message} and waits for Enter.
     *
     * @throws AudioException when standard input ends first (no terminal: nobody can say the microphone moved)
     */
    public void await(String message) throws IOException {
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
