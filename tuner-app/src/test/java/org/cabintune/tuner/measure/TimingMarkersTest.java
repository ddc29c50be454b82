package org.cabintune.tuner.measure;

import org.cabintune.dsp.sweep.SweepGenerator;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimingMarkersTest {

    private static final int RATE = 48_000;
    private static final String REFERENCE = "front-left-tweeter";
    private static final String SPEAKER = "front-right-tweeter";

    /**
     * Starts of the microphone around one where the markers' raw correlation peaks land on
     * different swings of the carrier (marker B 3.5 samples early), which made the first drift
     * 72 ppm instead of 100 and put marker A 0.141 samples late: every arrival in that
     * recording was 2.94 us early. Marker A must move with the start, sample for sample, and the
     * tweeter's arrival must not move at all.
     */
    @Test
    void markersFollowTheStartWhereTheCorrelationsLargestSwingsMisleadTheDrift() throws IOException {
        VirtualCabin car = new VirtualCabin(CabinReader.read(Path.of("..", "calibration", "cabins", "hatchback.yaml")),
                RATE);
        SweepSpec sweep = new SweepSpec(RATE, SweepSpec.DEFAULT_START_HZ, SweepSpec.defaultEndHz(RATE), 1,
                SweepSpec.defaults(RATE).levelDbfs(), true);
        SweepGenerator generator = new SweepGenerator(sweep);
        double[][] stimulus = generator.render();
        double[] marker = generator.marker();
        double truth = car.arrivalSeconds(SPEAKER, "driver", "center")
                - TimingMarkers.referenceOf(car.impulse(REFERENCE, "driver", "center"), marker) / RATE;
        List<VirtualCabin.Route> routing = List.of(new VirtualCabin.Route(REFERENCE, 0),
                new VirtualCabin.Route(SPEAKER, 1));
        SweepAnalyzer analyzer = new SweepAnalyzer(sweep);
        double misleading = 0.2267926417;
        double first = Double.NaN;
        for (int k = -1; k <= 1; k++) {
            double start = misleading + k * 0.04 / RATE;
            double[] recording = car.play(stimulus, routing, "driver", "center",
                    new VirtualCabin.PlayOptions(-110.0, 100.0, start, 5));
            TimingMarkers.Found found = TimingMarkers.locate(recording, sweep, marker);
            if (k == -1) {
                first = found.markerA();
            }
            double expected = first + (k + 1) * 0.04 * (1 + 100e-6);
            assertEquals(expected, found.markerA(), 0.002, "marker A at start " + start);
            assertEquals(100, found.drift() * 1e6, 0.05, "drift at start " + start);
            assertEquals(truth * 1e6, analyzer.analyze(recording).arrivalSeconds() * 1e6, 0.05,
                    "arrival (us) at start " + start);
        }
    }
}
