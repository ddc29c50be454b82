package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.util.List;
import org.cabintune.tuner.calibrate.Microphone;

/**
 * A microphone's preamp set to {@code gainDb}, in front of a recorder whose full scale is 1.0:
 * what a real measurement microphone's gain knob does to what the calibration hears, clipping
 * included.
 */
final class Preamp implements Microphone {

    private final Microphone mic;
    private final double gain;

    Preamp(Microphone mic, double gainDb) {
        this.mic = mic;
        this.gain = Math.pow(10, gainDb / 20);
    }

    @Override
    public int sampleRate() {
        return mic.sampleRate();
    }

    @Override
    public int takes() {
        return mic.takes();
    }

    @Override
    public List<String> positions(int take) {
        return mic.positions(take);
    }

    @Override
    public void start(int take) throws IOException {
        mic.start(take);
    }

    @Override
    public List<double[]> stop() throws IOException {
        return mic.stop().stream().map(x -> {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.max(-1, Math.min(1, x[i] * gain));
            }
            return y;
        }).toList();
    }

    @Override
    public void abort() throws IOException {
        mic.abort();
    }

    @Override
    public void close() throws IOException {
        mic.close();
    }
}
