package org.cabintune.tuner.correct;

import java.io.IOException;
import java.nio.file.Path;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.tuner.measure.LogGrid;

/**
 * A speaker's exact response at the six microphone positions around a seat of a virtual cabin,
 * on a 96-per-octave grid from 20 Hz to 20 kHz, with each position's phase referred to its
 * direct-path arrival (as {@code cabintune analyze} refers phase to the measured arrival).
 *
 * @param hz    frequencies
 * @param db    level per position
 * @param phase phase per position, degrees
 */
record CabinPositions(double[] hz, double[][] db, double[][] phase) {

    static final String[] MICS = {"center", "left-ear", "right-ear", "front", "back", "above"};
    static final int RATE = 48_000;

    static CabinSpec cabin(String name) throws IOException {
        return CabinReader.read(Path.of("..", "calibration", "cabins", name + ".yaml"));
    }

    static CabinPositions of(String cabinName, String speaker, String seat) throws IOException {
        CabinSpec spec = cabin(cabinName);
        VirtualCabin car = new VirtualCabin(spec, RATE);
        double[] hz = LogGrid.of(20, 20_000, 96);
        double[][] db = new double[MICS.length][hz.length];
        double[][] phase = new double[MICS.length][hz.length];
        CabinSpec.Vec source = spec.speaker(speaker).position();
        for (int m = 0; m < MICS.length; m++) {
            CabinSpec.Vec mic = car.micPosition(seat, MICS[m]);
            double delay = Math.sqrt(square(source.x() - mic.x()) + square(source.y() - mic.y())
                    + square(source.z() - mic.z())) / spec.speedOfSound();
            for (int i = 0; i < hz.length; i++) {
                double[] h = car.transfer(speaker, seat, MICS[m], hz[i]);
                double w = 2 * Math.PI * hz[i] * delay;
                double re = h[0] * Math.cos(w) - h[1] * Math.sin(w);
                double im = h[0] * Math.sin(w) + h[1] * Math.cos(w);
                db[m][i] = 10 * Math.log10(re * re + im * im);
                phase[m][i] = Math.toDegrees(Math.atan2(im, re));
            }
        }
        return new CabinPositions(hz, db, phase);
    }

    private static double square(double v) {
        return v * v;
    }
}
