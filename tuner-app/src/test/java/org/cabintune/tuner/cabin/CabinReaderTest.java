package org.cabintune.tuner.cabin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CabinReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"hatchback", "sedan", "suv"})
    void everyShippedCarReadsWithSevenSpeakersFourSeatsAndSixMicPositions(String name) throws IOException {
        CabinSpec car = CabinMeasurementTest.cabin(name);
        assertEquals(name, car.name());
        assertEquals(7, car.speakers().size());
        assertEquals(4, car.seats().size());
        assertEquals(6, car.mics().size());
        assertEquals(1, car.speakers().stream().filter(CabinSpec.Speaker::inverted).count());
        // Axial modes between 60 and 300 Hz exist in every car, and the cabin gain lifts the bass.
        assertTrue(Acoustics.modes(car, car.speaker("subwoofer").position(), car.seat("driver").head()).size() >= 4);
        VirtualCabin v = new VirtualCabin(car, 48_000);
        double[] at30 = v.transfer("subwoofer", "driver", "center", 30);
        double[] at90 = v.transfer("subwoofer", "driver", "center", 90);
        assertTrue(Math.hypot(at30[0], at30[1]) > Math.hypot(at90[0], at90[1]) * 0.7, "cabin gain at 30 Hz");
    }

    private IllegalArgumentException refused(String from, String to) throws IOException {
        Path file = dir.resolve("car.yaml");
        String text = Files.readString(Path.of("..", "calibration", "cabins", "sedan.yaml"));
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
        return assertThrows(IllegalArgumentException.class, () -> CabinReader.read(file));
    }

    @Test
    void refusesAnUnknownFieldNamingItsPathAndTheKnownOnes() throws IOException {
        IllegalArgumentException e = refused("speedOfSound: 343.0", "speedOfSound: 343.0\ntemperature: 20");
        assertTrue(e.getMessage().endsWith("car.yaml: temperature is not a known field; known fields there: cabinGain,"
                + " clock, description, format, mics, modes, name, noise, reflectors, seats, size, speakers, speedOfSound"),
                e.getMessage());
    }

    @Test
    void refusesOutOfRangeValuesNamingTheFieldAndRange() throws IOException {
        IllegalArgumentException e = refused("highpassHz: 25.0", "highpassHz: 5.0");
        assertTrue(e.getMessage().contains("speakers[subwoofer].highpassHz = 5.0 Hz is outside the allowed range"
                + " 10.0 .. 5000.0 Hz"), e.getMessage());
        e = refused("driftPpm: 100.0", "driftPpm: 900.0");
        assertTrue(e.getMessage().contains("clock.driftPpm = 900.0 ppm is outside the allowed range -500.0 .. 500.0 ppm"),
                e.getMessage());
    }

    @Test
    void refusesBrokenYamlWithItsLine() throws IOException {
        IllegalArgumentException e = refused("name: sedan", "name: sedan: saloon");
        assertTrue(e.getMessage().contains("not valid YAML at line"), e.getMessage());
        e = refused("name: sedan", "name: [sedan]");
        assertTrue(e.getMessage().contains("at name: "), e.getMessage());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }
}
