package org.cabintune.tuner.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.TargetDataLine;

/** A sound card's open capture line as a {@link Capture}. */
final class LineCapture implements Capture {

    private final TargetDataLine line;
    private final String name;
    private volatile boolean ended;

    LineCapture(TargetDataLine line, String name) {
        this.line = line;
        this.name = name;
    }

    @Override
    public AudioFormat format() {
        return line.getFormat();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void begin() {
        ended = false;
        line.flush();
        line.start();
    }

    @Override
    public int read(byte[] b, int off, int length) {
        if (ended) {
            // Stopped: what the line still holds, then the end.
            int frame = line.getFormat().getFrameSize();
            int held = Math.min(length, line.available()) / frame * frame;
            return held == 0 ? -1 : line.read(b, off, held);
        }
        // Blocks until length bytes are there, or returns what it has when the line is stopped.
        return line.read(b, off, length);
    }

    @Override
    public void end() {
        ended = true;
        line.stop();
    }

    @Override
    public void close() {
        line.close();
    }
}
