package org.cabintune.tuner.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cabintune.link.protocol.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the tuner's unit commands do, whatever carries them: each transport's test supplies a
 * running {@link TestUnit} and the options that reach it.
 */
abstract class UnitCommandsContract {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path config;

    /** The unit the commands talk to. */
    abstract TestUnit unit();

    /** The options that reach it, e.g. {@code --mqtt URL --credentials FILE}. */
    abstract List<String> via();

    /** The options that name the unit for commands that talk to one: {@code --unit car-1} over MQTT. */
    abstract List<String> unitOption();

    /** What {@code units} shows as the unit's status: {@code online} from the broker, {@code cable} over serial. */
    abstract String expectedStatus();

    /** Lets a pairing in: over the network the unit's button opens its window; the cable needs nothing. */
    abstract void allowPairing();

    Cli run(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command.split(" ")));
        all.addAll(via());
        if (!command.equals("units")) {
            all.addAll(unitOption());
        }
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new));
    }

    Cli keys(String sub, String... args) {
        return Cli.run(Stream.concat(Stream.of("keys", sub, "--config-dir", config.toString()), Stream.of(args))
                .toArray(String[]::new));
    }

    void pairedKey() {
        assertEquals(0, keys("init", "--label", "Bench 2").exit());
        allowPairing();
        Cli paired = run("keys pair", "--config-dir", config.toString());
        assertEquals(0, paired.exit(), paired::toString);
    }

    @Test
    void keysInitKeepsTheKeyReadableByItsOwnerOnlyAndRefusesToReplaceIt() throws Exception {
        Cli init = keys("init", "--label", "Bench 2");
        assertEquals(0, init.exit(), init::toString);
        Path file = config.resolve(InstallerKeyFile.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String keyId = InstallerKeyFile.load(config).key().keyId();
        Cli list = keys("list");
        assertTrue(list.out().contains(keyId) && list.out().contains("Bench 2"), list::toString);

        Cli again = keys("init");
        assertEquals(1, again.exit());
        assertTrue(again.err().startsWith("cabintune keys init: " + file + " already holds an installer key"), again::toString);
        assertEquals(keyId, InstallerKeyFile.load(config).key().keyId(), "the key is kept");
        assertEquals(0, keys("init", "--force").exit());
        assertTrue(!keyId.equals(InstallerKeyFile.load(config).key().keyId()));
    }

    @Test
    void pushChecksSignsAndStoresTheProfileThenSelectsIt() throws Exception {
        pairedKey();
        assertEquals(1, unit().trust.keys().size());
        Path profile = Samples.repoFile("calibration/profiles/stereo-fullrange.json");
        Cli push = run("push", "--config-dir", config.toString(), "--profile", profile.toString(), "--id", "driver-seat",
                "--select");
        assertEquals(0, push.exit(), push::toString);
        assertEquals(1, unit().calls("putProfile driver-seat Stereo full-range doors"));
        assertEquals(1, unit().calls("selectProfile driver-seat"));
    }

    @Test
    void pushRefusesAnInvalidProfileWithoutSendingIt() throws Exception {
        pairedKey();
        Path bad = config.resolve("bad.json");
        Files.writeString(bad, Files.readString(Samples.repoFile("calibration/profiles/stereo-fullrange.json"))
                .replace("\"freqHz\": 60,", "\"freqHz\": 30000,"));
        Cli push = run("push", "--config-dir", config.toString(), "--profile", bad.toString());
        assertEquals(1, push.exit(), push::toString);
        assertTrue(push.err().contains("outputs[0].filters[0].freqHz = 30000"), push::toString);
        assertTrue(push.err().contains("(nothing was sent)"), push::toString);
        assertEquals(1, push.err().lines().count(), "one line");
        assertTrue(unit().port.calls().stream().noneMatch(c -> c.startsWith("putProfile")));
    }

    @Test
    void aKeyTheUnitDoesNotTrustGetsTheUnitsErrorInOneLine() {
        assertEquals(0, keys("init").exit());
        Cli push = run("push", "--config-dir", config.toString(), "--profile",
                Samples.repoFile("calibration/profiles/stereo-fullrange.json").toString());
        assertEquals(1, push.exit(), push::toString);
        assertTrue(push.err().startsWith("cabintune push: unit "), push::toString);
        assertTrue(push.err().contains(" refused put-profile: unknown-key: "), push::toString);
        assertEquals(1, push.err().lines().count(), push::toString);
    }

    @Test
    void selectFindsAProfileByIdOrByNameAndNamesWhatIsStored() {
        Cli byName = run("select", "--profile", "Stereo full-range doors");
        assertEquals(0, byName.exit(), byName::toString);
        assertEquals(1, unit().calls("selectProfile initial"));
        Cli missing = run("select", "--profile", "rear-seat");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("--profile \"rear-seat\" is not stored on unit ")
                && missing.err().contains("it has initial (Stereo full-range doors)"), missing::toString);
    }

    @Test
    void metersOnceAsJson() throws Exception {
        Cli meters = run("meters", "--once", "--json");
        assertEquals(0, meters.exit(), meters::toString);
        JsonNode snapshot = JSON.readTree(meters.out().strip());
        assertEquals("front-left", snapshot.path("outputs").get(0).path("name").asText());
        assertEquals(-10.0, snapshot.path("outputs").get(0).path("peakDbfs").asDouble());
    }

    @Test
    void metersStreamsUntilTheCountAndStopsTheStream() throws Exception {
        Cli meters = run("meters", "--count", "3", "--interval", "50");
        assertEquals(0, meters.exit(), meters::toString);
        List<String> lines = meters.out().lines().toList();
        assertEquals(3, lines.size(), meters::toString);
        assertTrue(lines.getFirst().matches("#\\d+ +peak/rms dBFS  front-left -6\\.0/-18\\.0  front-right -inf/-inf"
                + "  M/S/I -14\\.5/-16\\.3/-17\\.0 LUFS  TP -1\\.5 dBTP  load 12\\.5%"), lines::toString);
        assertEquals(1, unit().calls("streamMeters 50"));
        assertEquals("streamMeters 0", unit().port.calls().stream().filter(c -> c.startsWith("streamMeters")).toList()
                .getLast(), "the stream is stopped");
    }

    @Test
    void unitsShowsTheUnitAndItsState() throws Exception {
        // --wait is how long to listen to the broker; the cable answers at once and ignores it.
        Cli units = run("units", "--json", "--wait", "0.5");
        assertEquals(0, units.exit(), units::toString);
        JsonNode unit = JSON.readTree(units.out().lines().toList().getLast());
        assertEquals(expectedStatus(), unit.path("status").asText());
        assertEquals("initial", unit.path("activeProfile").asText());
        assertEquals(-20.0, unit.path("volumeDb").asDouble());
    }
}
