package org.cabintune.tuner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.tuner.calibrate.CalibrationResult.OutputResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo end to end against a real head unit (the firmware's {@code run} on the simulator
 * board, here on a thread of the test's JVM) over its embedded MQTT broker: the installer key
 * trusted from the unit's shell, the measurement profile and the correction stored signed,
 * referenced sweeps played on the running stream and heard through the virtual sedan.
 */
class DemoTest {

    @TempDir
    Path out;

    @Test
    void calibratesTheVirtualSedanOverTheLink() throws Exception {
        List<String> log = new ArrayList<>();
        long t0 = System.nanoTime();
        Demo.Settings settings = new Demo.Settings(Path.of("..").toAbsolutePath().normalize(), out, "sedan",
                Path.of("../calibration/targets/car-default.txt"), "driver", 3, 1.0, false, "Demo sedan, reg. CT-0001");
        CalibrationResult r = Demo.run(settings, UnitRunner.inProcess(), line -> log.add(String.format(Locale.ROOT,
                "[%5.1f s] %s", (System.nanoTime() - t0) / 1e9, line)));
        String trace = String.join("\n", log);
        System.out.println(trace);
        for (OutputResult o : r.outputs()) {
            if (o.connected()) {
                double after = HtmlReport.residual(r, o, o.curves().after());
                assertTrue(after <= 1.5, o.name() + " after " + after + " dB RMS\n" + trace);
            }
        }
        assertFalse(r.outputs().get(7).connected(), "the sedan has one subwoofer");
        // The unit keeps what it was sent: the correction is in its store, and plays.
        Path stored = out.resolve("unit/profiles");
        try (var files = Files.list(stored)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("Calibrated driver")),
                    "store: " + stored);
        }
        assertEquals(r.profile(), ProfileParser.parse(out.resolve("profile.json")));
        assertTrue(Files.size(out.resolve("report.html")) > 10_000);
        assertTrue(Files.exists(out.resolve("exports/front-left-tweeter.apo.txt")));
        assertFalse(Files.exists(out.resolve("unit/dac.wav")), "the DAC recording is removed");
    }
}
