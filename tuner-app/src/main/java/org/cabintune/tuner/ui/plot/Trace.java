package org.cabintune.tuner.ui.plot;

import java.util.Objects;
import org.cabintune.tuner.correct.HouseCurve;
import org.cabintune.tuner.measure.FrequencyResponse;
import org.cabintune.tuner.measure.Measurement;

/** Something loaded that can be drawn: a response on a frequency list, an analysed recording, or a target. */
public sealed interface Trace permits Trace.Response, Trace.Analysed, Trace.Target {

    /** The name in legends and menus. */
    String name();

    /** What it is in a comparison. */
    Role role();

    /** The calibration output it belongs to, or empty. */
    String output();

    /**
     * A response on a rising list of frequencies (a REW text file, a calibration's before and after).
     *
     * @param output   the calibration output it belongs to, or empty
     * @param response level (and phase when known) at each frequency
     */
    record Response(String name, Role role, String output, FrequencyResponse response) implements Trace {
        public Response {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(response, "response");
        }
    }

    /** An analysed sweep recording: every plot can be drawn from it. */
    record Analysed(String name, Role role, Measurement measurement) implements Trace {
        public Analysed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(measurement, "measurement");
        }

        @Override
        public String output() {
            return "";
        }
    }

    /** A target (house) curve; only its shape counts, so plots draw it at the level of what it is compared with. */
    record Target(String name, HouseCurve curve) implements Trace {
        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(curve, "curve");
        }

        @Override
        public Role role() {
            return Role.TARGET;
        }

        @Override
        public String output() {
            return "";
        }
    }
}
