package org.cabintune.tuner.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.cabin.VirtualCabin;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.tuner.design.Realized;
import org.cabintune.tuner.measure.Arrival;
import org.cabintune.tuner.measure.Transfer;
import org.cabintune.tuner.calibrate.CalibrationResult.OutputResult;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The closed loop on every virtual car, with the head unit's own chain rendered in this process
 * (the same board compile and test profiles as on the unit): after correction each output lies
 * within 1.5 dB RMS of its target (1/6 octave, 40 Hz - 16 kHz, its band, nulls out), and so do
 * all outputs together (in shape, nothing left out), what was measured after agrees with what
 * was predicted, and the arrivals at the seat line up.
 */
class RenderedCalibrationTest {

    static final Path ROOT = Path.of("..");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void correctsEveryCarToItsTarget(String car) throws Exception {
        BoardConfig board = BoardLoader.load(ROOT.resolve("board-configs/simulator.yaml"));
        CabinSpec cabin = CabinReader.read(ROOT.resolve("calibration/cabins/" + car + ".yaml"));
        CalibrationResult r;
        List<String> log = new ArrayList<>();
        try (RenderedUnit unit = new RenderedUnit(board);
             VirtualCar mic = new VirtualCar(cabin, unit, "driver", 6, 7)) {
            CalibrationOptions options = new CalibrationOptions("driver", 3.0, CalibrationOptions.LEVEL_DBFS, 0,
                    "calibrated-driver", "Calibrated driver", ROOT.resolve("calibration/targets/car-default.txt"));
            long t0 = System.nanoTime();
            r = new Calibration(unit, mic, board, options, line -> log.add(String.format(Locale.ROOT, "[%5.1f s] %s",
                    (System.nanoTime() - t0) / 1e9, line))).run(cabin.name(), "Test " + car);
            System.out.println(String.join("\n", log));
            assertEquals("calibrated-driver", unit.activeProfile());
        }
        StringBuilder table = new StringBuilder();
        CalibrationResult.Curves sum = r.summed();
        table.append(String.format(Locale.ROOT, "all outputs (shape): before %.2f predicted %.2f after %.2f dB RMS%n",
                Residual.of(r.hz(), sum.before(), sum.target(), null, 0, 1e9, true).rmsDb(),
                Residual.of(r.hz(), sum.predicted(), sum.target(), null, 0, 1e9, true).rmsDb(),
                Residual.of(r.hz(), sum.after(), sum.target(), null, 0, 1e9, true).rmsDb()));
        List<String> failures = new ArrayList<>();
        double sumAfter = Residual.of(r.hz(), sum.after(), sum.target(), null, 0, 1e9, true).rmsDb();
        if (sumAfter > 1.5) {
            failures.add(car + " all outputs together: after " + sumAfter + " dB RMS");
        }
        double firstArrival = Double.NaN;
        double lastArrival = Double.NaN;
        for (OutputResult o : r.outputs()) {
            if (!o.connected()) {
                table.append(o.name()).append(": muted\n");
                continue;
            }
            double after = HtmlReport.residual(r, o, o.curves().after());
            double predicted = HtmlReport.residual(r, o, o.curves().predicted());
            o.notes().forEach(n -> table.append("  note: ").append(n).append('\n'));
            table.append(String.format(Locale.ROOT, "%s: before %.2f predicted %.2f after %.2f arrival %.4f -> %.4f ms%n",
                    o.name(), HtmlReport.residual(r, o, o.curves().before()), predicted, after, o.arrivalBeforeMs(),
                    o.arrivalAfterMs()));
            if (after > 1.5) {
                failures.add(car + " " + o.name() + " after " + after + " dB RMS");
            }
            if (Math.abs(after - predicted) > 0.5) {
                failures.add(car + " " + o.name() + ": predicted " + predicted + ", measured " + after);
            }
            if (!o.role().equals("subwoofer")) {
                firstArrival = Double.isNaN(firstArrival) ? o.arrivalAfterMs() : Math.min(firstArrival, o.arrivalAfterMs());
                lastArrival = Double.isNaN(lastArrival) ? o.arrivalAfterMs() : Math.max(lastArrival, o.arrivalAfterMs());
            }
        }
        // Judged against the car's truth: each speaker's true response at the head's centre through
        // the chain the unit now runs for it (filters as quantised, delay as realised, polarity).
        VirtualCabin truth = new VirtualCabin(cabin, 48_000);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (OutputResult o : r.outputs()) {
            if (o.connected() && !o.role().equals("subwoofer")) {
                List<FilterSpec> chain = new ArrayList<>(o.crossover());
                chain.addAll(o.eq());
                Transfer t = truth.transfer(VirtualCar.speakerFor(cabin, o.name()).orElseThrow(), "driver", "center",
                        48_000.0 / (1 << 17), (1 << 16) + 1);
                double arrival = Arrival.of(Realized.of(chain, o.delayMs(), o.gainDb(), o.invert(), 48_000).applied(t));
                table.append(String.format(Locale.ROOT, "%s: true arrival through the correction %.4f ms%n", o.name(),
                        arrival * 1000));
                lo = Math.min(lo, arrival);
                hi = Math.max(hi, arrival);
            }
        }
        System.out.println(car + ":\n" + table);
        assertTrue(failures.isEmpty(), String.join("\n", failures) + "\n" + table);
        assertTrue((hi - lo) * 1e6 <= 20, car + ": true arrivals spread " + (hi - lo) * 1e6 + " us\n" + table);
        assertTrue((lastArrival - firstArrival) * 1000 <= 30, car + ": measured arrivals spread "
                + (lastArrival - firstArrival) * 1000 + " us\n" + table);
        // The car has one subwoofer: the board's second is heard nowhere and muted.
        assertFalse(r.outputs().get(7).connected(), table.toString());
        // What the unit plays reads back as the same profile.
        assertEquals(r.profile(), ProfileParser.parse(ProfileWriter.write(r.profile())));
        Results.write(r, dir);
        // The installer report of this very calibration: its vehicle, sections and values.
        String report = java.nio.file.Files.readString(dir.resolve("report.html"));
        assertTrue(report.contains("<h1>Installer report: Test " + car + "</h1>"), "the vehicle");
        for (String section : List.of("id=\"speakers\"", "id=\"protection\"", "id=\"all-outputs\"")) {
            assertTrue(report.contains(section), section);
        }
        for (OutputResult o : r.outputs()) {
            assertTrue(report.contains("<h2>" + o.index() + ": " + o.name()), o.name() + "'s section");
            if (o.connected()) {
                assertTrue(report.contains("<th>Delay</th><td class=\"l\">" + HtmlReport.fmt(o.delayMs(), 3) + " ms"),
                        o.name() + "'s delay");
            }
        }
    }
}
