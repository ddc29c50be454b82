package org.cabintune.hu.engine;

import java.io.IOException;

/**
 * A source in front of another: everything but reading goes to the one behind it (its pacing,
 * transport controls, overruns, closing and name). Subclasses say what reading does.
 */
public abstract class ForwardingSource implements Source {

    /** The source behind this one. */
    protected final Source behind;

    protected ForwardingSource(Source behind) {
        this.behind = behind;
    }

    @Override
    public boolean paced() {
        return behind.paced();
    }

    @Override
    public void control(Control command, long a, long b) {
        behind.control(command, a, b);
    }

    @Override
    public long xruns() {
        return behind.xruns();
    }

    @Override
    public void close() throws IOException {
        behind.close();
    }

    @Override
    public String toString() {
        return behind.toString();
    }
}
