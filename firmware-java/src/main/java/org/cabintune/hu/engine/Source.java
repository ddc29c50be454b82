package org.cabintune.hu.engine;

import java.io.IOException;

/**
 * Where the engine's programme comes from: ALSA capture, a WAV file player, a test-signal
 * generator. Built and opened on a control thread; {@link #read} and {@link #control} then run
 * on the audio thread under the rules of {@link AudioEngine}.
 */
public interface Source extends AutoCloseable {

    /** Channels delivered per frame; must equal the running graph's inputs. */
    int channels();

    /**
     * Fills {@code block[c][0..frames)} for every channel c. Returns the frames of programme
     * written; the engine fills the rest of the block with silence. A source that has nothing
     * to play (paused, ended) writes silence or returns 0; it never blocks, unless it is
     * {@link #paced()}.
     */
    int read(int[][] block, int frames) throws IOException;

    /**
     * Runs the code of {@link #read} into {@code block} without moving the programme on, so the
     * engine's warm-up gets it compiled before the stream opens. Sources that cannot do so
     * without side effects do nothing (the default).
     */
    default void rehearse(int[][] block, int frames) {
    }

    /**
     * True when {@link #read} waits for hardware (ALSA capture): the wait is then not counted
     * as processing time in the DSP load.
     */
    default boolean paced() {
        return false;
    }

    /**
     * Applies a queued command addressed to sources ({@link Control#PLAY}, {@link Control#PAUSE},
     * {@link Control#SEEK}, {@link Control#LOOP}, {@link Control#LOOP_OFF}) at a block boundary.
     * Audio thread; arguments are already range-checked only as far as the producer could.
     * Sources that cannot do it ignore it.
     */
    default void control(Control command, long a, long b) {
    }

    /** Overruns seen by a capture device; 0 for generated sources. */
    default long xruns() {
        return 0;
    }

    /** Releases the source; called once, after the audio thread has stopped. */
    @Override
    default void close() throws IOException {
    }
}
