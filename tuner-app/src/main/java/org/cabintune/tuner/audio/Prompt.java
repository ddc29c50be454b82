package org.cabintune.tuner.audio;

import java.io.IOException;

/**
 * Where the person holding the measurement microphone is asked to move it to the next position,
 * and says it is there, or stops: the terminal ({@link TerminalPrompt}, Enter), or the desktop
 * tuner's measurement wizard (a dialog with Continue and Stop). The microphone asks through it
 * before the first recording at each position; a calibration waits as long as it takes, since
 * moving a microphone in a car has no deadline.
 */
public interface Prompt {

    /**
     * Waits until the microphone is at {@code move}'s position.
     *
     * @throws Stopped     when the person stops the calibration instead
     * @throws IOException when nobody can answer (no terminal) or the wait is interrupted
     */
    void await(Move move) throws IOException;

    /**
     * One move of the microphone.
     *
     * @param position  the position it goes to, counted from 1
     * @param positions how many positions there are
     * @param seat      the seat whose head the positions are around
     */
    record Move(int position, int positions, String seat) {

        public Move {
            if (positions < 1 || position < 1 || position > positions) {
                throw new IllegalArgumentException("position " + position + " is outside 1.." + positions);
            }
        }

        /** What the person is asked, e.g. "Move the microphone to position 3 of 6 around the driver's head". */
        public String text() {
            return "Move the microphone to position " + position + " of " + positions + " around the " + seat + "'s head";
        }
    }

    /**
     * The person stopped at a prompt: the calibration ends there, and whoever runs it plays the
     * unit's previous profile again, as after any failure.
     */
    final class Stopped extends IOException {

        private final transient Move move;

        public Stopped(Move move) {
            super("stopped at position " + move.position() + " of " + move.positions());
            this.move = move;
        }

        /** Where the person stopped. */
        public Move move() {
            return move;
        }
    }
}
