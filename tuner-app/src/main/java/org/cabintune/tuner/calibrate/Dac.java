package org.cabintune.tuner.calibrate;

import java.io.IOException;

/** What a head unit sent its DAC: frames counted from its start, full scale 1.0. */
interface Dac extends AutoCloseable {

    /** The rate, Hz. */
    int sampleRate() throws IOException;

    /** Frames sent so far. */
    long frames() throws IOException;

    /** Frames [from, to), one array per DAC channel. */
    double[][] read(long from, long to) throws IOException;

    @Override
    void close() throws IOException;
}
