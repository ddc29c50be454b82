package org.cabintune.tuner.ui.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.cabintune.dsp.profile.Bus;
import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.ui.GuiFixtures;
import org.junit.jupiter.api.Test;

class AlignmentModelTest {

    private static AlignmentModel two() {
        return new AlignmentModel("test", 343, 48_000, List.of(new AlignmentModel.Row("front-left-tweeter", 1, 0.5),
                new AlignmentModel.Row("front-right-tweeter", 1.2, 0)));
    }

    @Test
    void millisecondsAndCentimetresAreOneValue() {
        AlignmentModel model = two();
        model.setDelayCm(1, 34.3);
        assertEquals(1.0, model.rows().get(1).delayMs(), 1e-12);
        assertEquals(34.3, model.cm(1), 1e-12);
        assertEquals(48, model.samples(1), 1e-9);
        assertEquals(17.15, model.cm(0), 1e-12);
    }

    @Test
    void refusesDelaysTheHeadUnitCannotRun() {
        AlignmentModel model = two();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.setDelayMs(0, 25));
        assertEquals("front-left-tweeter delayMs = 25.0 ms is outside the allowed range 0.0 .. 20.0 ms", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.setDelayCm(0, -1));
        assertEquals(0.5, model.rows().getFirst().delayMs());
    }

    @Test
    void everySpeakerWaitsForTheLastAtTheSeat() throws IOException {
        CabinSpec sedan = CabinReader.read(GuiFixtures.SEDAN);
        AlignmentModel driver = AlignmentModel.of(sedan, "driver", 48_000);
        assertEquals(sedan.speakers().size(), driver.rows().size());
        assertEquals(0, driver.rows().stream().mapToDouble(AlignmentModel.Row::delayMs).min().orElseThrow(), 1e-12);
        AlignmentModel.Row left = driver.rows().get(0);
        AlignmentModel.Row right = driver.rows().get(1);
        assertEquals("front-left-tweeter", left.name());
        // Two tweeters of one kind: the nearer waits for the farther by the path difference.
        assertEquals((right.pathMetres() - left.pathMetres()) / 343 * 1000, left.delayMs() - right.delayMs(), 0.03);
        AlignmentModel passenger = AlignmentModel.of(sedan, "passenger", 48_000);
        assertTrue(passenger.rows().get(1).delayMs() > passenger.rows().get(0).delayMs(),
                "from the passenger seat the right tweeter is the nearer");
    }

    @Test
    void delaysGoIntoTheOutputsOfTheSameName() {
        Output a = new Output("front-left-tweeter", Output.Role.FULLRANGE, Map.of("L", 1.0), List.of(), 3, 0, false,
                Output.Protect.DEFAULT);
        Output b = new Output("subwoofer-1", Output.Role.SUBWOOFER, Map.of("L", 1.0), List.of(), 1, 0, false,
                Output.Protect.DEFAULT);
        Profile p = new Profile(Profile.FORMAT, "p", 48_000, List.of("L"), Bus.OFF, List.of(a, b));
        Profile changed = two().applyTo(p);
        assertEquals(0.5, changed.outputs().get(0).delayMs());
        assertEquals(b, changed.outputs().get(1));
        AlignmentModel fromProfile = AlignmentModel.of(p);
        assertEquals(List.of(3.0, 1.0), fromProfile.rows().stream().map(AlignmentModel.Row::delayMs).toList());
        Profile other = new Profile(Profile.FORMAT, "o", 48_000, List.of("L"), Bus.OFF, List.of(b));
        assertThrows(IllegalArgumentException.class, () -> two().applyTo(other));
    }
}
