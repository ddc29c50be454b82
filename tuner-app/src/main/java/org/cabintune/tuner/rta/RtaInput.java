package org.cabintune.tuner.rta;

import java.io.IOException;
import org.cabintune.tuner.audio.Capture;
import org.cabintune.tuner.audio.FrameReader;
import org.cabintune.tuner.calibrate.LiveVirtualCar;

/** The microphone's signal as it comes: a sound card's capture, or a virtual car following the unit. */
public interface RtaInput extends AutoCloseable {

    /** The rate, Hz. */
    int sampleRate() throws IOException;

    /** Most frames one read returns. */
    int blockFrames();

    /** Waits for the next frames, puts them in {@code out[0..)}, returns how many; -1 at the end. */
    int read(double[] out) throws IOException;

    @Override
    void close() throws IOException;

    /** One channel of a capture (a sound card's line, or a stream), started now. */
    static RtaInput of(Capture capture, int channel, int blockFrames) {
        FrameReader reader = new FrameReader(capture, channel, blockFrames);
        capture.begin();
        return new RtaInput() {
            @Override
            public int sampleRate() {
                return reader.sampleRate();
            }

            @Override
            public int blockFrames() {
                return reader.blockFrames();
            }

            @Override
            public int read(double[] out) throws IOException {
                return reader.read(out, 0);
            }

            @Override
            public void close() throws IOException {
                capture.end();
                capture.close();
            }
        };
    }

    /** A virtual car heard live. */
    static RtaInput of(LiveVirtualCar car) {
        return new RtaInput() {
            @Override
            public int sampleRate() throws IOException {
                return car.sampleRate();
            }

            @Override
            public int blockFrames() {
                return car.blockFrames();
            }

            @Override
            public int read(double[] out) throws IOException {
                return car.read(out);
            }

            @Override
            public void close() throws IOException {
                car.close();
            }
        };
    }
}
