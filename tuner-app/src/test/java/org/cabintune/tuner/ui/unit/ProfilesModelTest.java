package org.cabintune.tuner.ui.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.link.protocol.Samples;
import org.cabintune.tuner.ui.unit.ProfilesModel.State;
import org.cabintune.tuner.ui.unit.ProfilesModel.Stored;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unit's profiles and the local ones, against a unit on a real Mosquitto with a real trust store. */
class ProfilesModelTest extends OnBench {

    private ProfilesModel m;

    @Override
    String unitId() {
        return "car-9";
    }

    @BeforeEach
    void setUp() {
        m = new ProfilesModel(session, ui.threads);
    }

    private State await(Predicate<State> condition, String what) throws InterruptedException {
        return UiThread.await(m.state(), State::status, condition, what);
    }

    private State idle(String what) throws InterruptedException {
        return await(s -> !s.status().isBusy() && (s.status().notice() != null || s.status().error() == null), what);
    }

    @Test
    void opensNamesDuplicatesPushesSelectsAndDeletesAfterAsking() throws Exception {
        bench.installerKey(dir.resolve("config"), true);
        session.connect(bench.options(), "car-9");
        State s = await(x -> x.unit() != null, "the unit's profiles");
        assertEquals(List.of(new Stored("initial", "Stereo full-range doors", true)), s.stored());

        Path file = Samples.repoFile("calibration/profiles/stereo-fullrange.json");
        m.open(file);
        s = await(x -> x.local().size() == 1 && !x.status().isBusy(), "the opened file");
        assertEquals("Opened \"Stereo full-range doors\" as stereo-fullrange.", s.status().notice());
        assertEquals(ProfileParser.parse(file), s.local().getFirst().profile());

        m.rename("stereo-fullrange", "Doors Night", "Doors, night");
        s = await(x -> x.status().error() != null, "a refused id");
        assertEquals("profile id: profileId = \"Doors Night\" must be lower-case words of a-z 0-9 joined by single "
                + "hyphens, like driver-seat", s.status().error());
        m.rename("stereo-fullrange", "doors-night", "");
        s = await(x -> x.status().error() != null && x.status().error().contains("name"), "a refused name");
        assertEquals("stereo-fullrange", s.local().getFirst().id(), "nothing changed: " + s.local());
        m.rename("stereo-fullrange", "doors-night", "Doors, night");
        s = await(x -> x.local().getFirst().id().equals("doors-night"), "the new name");
        assertEquals("Doors, night", s.local().getFirst().profile().name());
        m.duplicate("doors-night");
        s = await(x -> x.local().size() == 2, "the copy");
        assertEquals("doors-night-copy", s.local().get(1).id());
        assertEquals("Doors, night copy", s.local().get(1).profile().name());
        assertNull(s.local().get(1).file());

        m.push("doors-night", true);
        s = await(x -> x.stored().size() == 2 && !x.status().isBusy(), "the pushed profile");
        assertEquals("Stored \"Doors, night\" as doors-night on test-unit; it plays now.", s.status().notice());
        assertEquals(List.of(new Stored("initial", "Stereo full-range doors", false),
                new Stored("doors-night", "Doors, night", true)), s.stored());
        assertEquals(1, bench.unit.calls("putProfile doors-night Doors, night"));
        assertEquals(1, bench.unit.calls("selectProfile doors-night"));

        m.askDelete("doors-night");
        s = await(x -> x.status().error() != null, "a refused delete");
        assertEquals("doors-night is playing; select another profile before deleting it.", s.status().error());
        m.askDelete("initial");
        s = await(x -> x.confirm() != null, "the question");
        assertEquals("Delete \"Stereo full-range doors\" (initial) from test-unit? It cannot be undone; a copy on this "
                + "computer stays.", s.confirm().question());
        ProfilesPanel panel = PanelImages.make(() -> new ProfilesPanel(m));
        PanelImages.save(panel, 1000, 600, "profiles");
        m.keep();
        s = await(x -> x.confirm() == null, "the question dropped");
        assertEquals(2, s.stored().size());
        assertTrue(bench.unit.port.calls().stream().noneMatch(c -> c.startsWith("deleteProfile")));

        m.askDelete("initial");
        await(x -> x.confirm() != null, "the question again");
        m.confirmDelete();
        s = await(x -> x.stored().size() == 1 && !x.status().isBusy(), "the delete");
        assertEquals("Deleted initial from test-unit.", s.status().notice());
        assertEquals(1, bench.unit.calls("deleteProfile initial"));

        m.select("doors-night");
        s = idle("the selection");
        assertEquals("test-unit now plays doors-night.", s.status().notice());

        m.save("doors-night-copy", dir.resolve("copy.json"));
        s = await(x -> x.local().get(1).file() != null && !x.status().isBusy(), "the saved copy");
        assertEquals(s.local().get(1).profile(), ProfileParser.parse(dir.resolve("copy.json")));
    }

    @Test
    void pushingWithoutATrustedKeySaysWhatToDo() throws Exception {
        session.connect(bench.options(), "car-9");
        m.open(Samples.repoFile("calibration/profiles/stereo-fullrange.json"));
        await(x -> x.local().size() == 1 && !x.status().isBusy(), "the opened file");
        m.push("stereo-fullrange", false);
        State s = await(x -> x.status().error() != null && !x.status().isBusy(), "no key");
        assertEquals("no installer key in " + dir.resolve("config") + "; make one with ./cabintune keys init, then pair "
                + "it with ./cabintune keys pair --unit U", s.status().error());

        bench.installerKey(dir.resolve("config"), false);
        m.push("stereo-fullrange", false);
        s = await(x -> x.status().error() != null && x.status().error().contains("refused") && !x.status().isBusy(),
                "an untrusted key");
        assertTrue(s.status().error().startsWith("unit car-9 refused put-profile: unknown-key: "), s.status().error());
        assertTrue(bench.unit.port.calls().stream().noneMatch(c -> c.startsWith("putProfile")));
    }

    @Test
    void aBadFileIsRefusedBeforeAnythingIsSent() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(Samples.repoFile("calibration/profiles/stereo-fullrange.json"))
                .replace("\"freqHz\": 60,", "\"freqHz\": 30000,"));
        m.open(bad);
        State s = await(x -> x.status().error() != null && !x.status().isBusy(), "a refused file");
        assertTrue(s.status().error().startsWith(bad + ": "), s.status().error());
        assertTrue(s.status().error().contains("outputs[0].filters[0].freqHz = 30000"), s.status().error());
        assertTrue(s.local().isEmpty());
        m.refresh();
        s = await(x -> x.status().error() != null && x.status().error().startsWith("Connect"), "no unit");
        assertEquals("Connect to a head unit first.", s.status().error());
    }
}
