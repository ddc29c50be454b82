package org.cabintune.tuner.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.sweep.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasurementFilesTest {

    @TempDir
    Path dir;

    @Test
    void sweepFileRoundTripsItsParametersAndRefusesEditedAudio() throws IOException {
        SweepSpec spec = new SweepSpec(44_100, 15, 20_000, 1.5, -9, true);
        Path file = dir.resolve("s.wav");
        SweepFile.write(file, spec);
        assertEquals(spec, SweepFile.read(file));
        byte[] b = Files.readAllBytes(file);
        // Flip one float in the middle of the audio: the check against the regenerated stimulus catches it.
        int at = 44 + 8 * 40_000;
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putFloat(at, 0.5f);
        Files.write(file, b);
        MeasurementException e = assertThrows(MeasurementException.class, () -> SweepFile.read(file));
        assertTrue(e.getMessage().contains("differs from the stimulus its tag describes"), e.getMessage());
    }

    @Test
    void aWavWithoutTheTagIsRefusedWithWhatToDo() throws IOException {
        Path file = dir.resolve("plain.wav");
        SweepFile.write(file, new SweepSpec(48_000, 20, 20_000, 1, -12, false));
        byte[] b = Files.readAllBytes(file);
        int list = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("LIST");
        Files.write(file, java.util.Arrays.copyOf(b, list));
        MeasurementException e = assertThrows(MeasurementException.class, () -> SweepFile.read(file));
        assertTrue(e.getMessage().contains("was not written by 'cabintune sweep'"), e.getMessage());
    }

    @Test
    void rewTextRoundTripsAndReadsRewsOwnExport() throws IOException {
        FrequencyResponse r = new FrequencyResponse(new double[] {20, 40, 80}, new double[] {70.5, 72.25, 69.125},
                new double[] {-10, 20.5, 179.25}, new double[] {Double.NaN, Double.NaN, Double.NaN});
        Path file = dir.resolve("fr.txt");
        RewText.write(file, List.of("Note: delay 1.250000 ms (428.8 mm) after the acoustic timing reference"), r);
        RewText.Imported back = RewText.read(file);
        assertArrayEquals(r.hz(), back.response().hz(), 1e-6);
        assertArrayEquals(r.db(), back.response().db(), 1e-3);
        assertArrayEquals(r.phaseDegrees(), back.response().phaseDegrees(), 1e-4);
        assertEquals(0.00125, back.delaySeconds(), 1e-12);
        assertTrue(Files.readString(file).contains(RewText.COLUMNS + "\n"));

        Path rew = dir.resolve("rew.txt");
        Files.writeString(rew, """
                * Measurement data measured by REW V5.20.13
                * Source: UMIK-1, MME
                * Note: delay -0.0208 ms (-7 mm, -0.280 in) using estimated IR delay relative to start of IR data 0.100 ms
                * Smoothing: 1/48 octave
                *
                * Freq(Hz), SPL(dB), Phase(degrees)
                20.000000, 74.506, -123.4567
                20.145, 74.61, -120.1
                """);
        RewText.Imported imported = RewText.read(rew);
        assertEquals(2, imported.response().size());
        assertEquals(-0.0000208, imported.delaySeconds(), 1e-12);
        assertEquals(-120.1, imported.response().phaseDegrees()[1], 1e-9);

        Path bad = dir.resolve("bad.txt");
        Files.writeString(bad, "20 70\n10 71\n");
        MeasurementException e = assertThrows(MeasurementException.class, () -> RewText.read(bad));
        assertEquals(bad + ":2: frequency 10 Hz does not rise above the previous line's 20.0 Hz", e.getMessage());
    }

    @Test
    void readsUmikFilesWithSensitivityAndPlainFiles() throws IOException {
        Path umik2 = dir.resolve("umik2_90deg.txt");
        Files.writeString(umik2, "\"Sens Factor =-1.234dB, AGain =18dB, SERNO: 8000470\"\n10.054\t-2.1\n1000\t0\n20000 3.5\n");
        MicCalibration c = MicCalibration.read(umik2);
        assertEquals(-1.234, c.sensFactor().getAsDouble(), 1e-12);
        assertEquals(18, c.aGainDb().getAsDouble(), 1e-12);
        assertEquals("8000470", c.serial());
        assertEquals(-19.234, c.sensitivityDbfs().getAsDouble(), 1e-12);
        assertEquals(-2.1, c.correctionDb(5), 1e-12);
        assertEquals(3.5, c.correctionDb(30_000), 1e-12);
        // Halfway between 1 kHz and 20 kHz in log-frequency is half the correction.
        assertEquals(1.75, c.correctionDb(Math.sqrt(1000 * 20_000.0)), 1e-9);

        Path plain = dir.resolve("rew-cal.txt");
        Files.writeString(plain, "* my mic\n20,1.0,0\n20000,-1.0,0\n");
        MicCalibration p = MicCalibration.read(plain);
        assertTrue(p.sensitivityDbfs().isEmpty());
        assertEquals(0, p.correctionDb(Math.sqrt(20 * 20_000.0)), 1e-9);
    }
}
