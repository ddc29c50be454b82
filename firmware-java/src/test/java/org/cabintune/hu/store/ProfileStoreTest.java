package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.hu.store.StoreReport.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.cabintune.hu.store.StoreProfiles.stereo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileStoreTest {

    @TempDir
    Path dir;

    private ProfileStore open() throws IOException {
        return ProfileStore.open(dir);
    }

    private ProfileStore withDriverNightRear() throws Exception {
        ProfileStore store = open();
        store.put(stereo("Driver", 0));
        store.put(stereo("Night", -12));
        store.put(stereo("Rear", -3));
        return store;
    }

    @Test
    void keepsProfilesAndTheActiveOneAcrossRestarts() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            assertEquals(List.of("Driver", "Night", "Rear"), store.list());
            assertEquals(Optional.of("Driver"), store.activeName(), "the first profile stored becomes active");
            assertTrue(store.put(stereo("Night", -15)), "a profile of the same name is replaced");
            store.select("Night");
            store.put(stereo("All seats", -1));
            store.delete("Rear");
        }
        try (ProfileStore store = open()) {
            assertEquals(StoreReport.EMPTY, store.report());
            assertEquals(List.of("All seats", "Driver", "Night"), store.list());
            assertEquals(Optional.of("Night"), store.activeName());
            assertEquals(-15, store.get("Night").outputs().get(0).gainDb());
            assertEquals(stereo("All seats", -1), store.get("All seats"));
        }
    }

    @Test
    void theButtonsWalkTheProfilesInOrderAndWrapAround() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.put(stereo("all seats", -1));
            assertEquals(List.of("all seats", "Driver", "Night", "Rear"), store.list(), "alphabetical, ignoring case");
            assertEquals("Night", store.next().name());
            assertEquals("Rear", store.next().name());
            assertEquals("all seats", store.next().name());
            assertEquals("Rear", store.previous().name());
            assertEquals(Optional.of("Rear"), store.activeName());
        }
        try (ProfileStore store = open()) {
            assertEquals(Optional.of("Rear"), store.activeName(), "the button's choice is kept");
        }
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "''| profile name is empty; a stored profile's name has 1..32 characters",
            "Driver/seat| profile name \"Driver/seat\" has '/' at position 7; allowed are letters, digits, space and - _ . ' ( ) & +",
            "A very long profile name for a car| profile name \"A very long profile name for a car\" has 34 characters; allowed 1..32",
            "' Night'| profile name \" Night\" must start with a letter or digit",
            "'Night '| profile name \"Night \" must not end with a space",
            ".hidden| profile name \".hidden\" must start with a letter or digit",
            "Bass*2| profile name \"Bass*2\" has '*' at position 5; allowed are letters, digits, space and - _ . ' ( ) & +",
            "Tab\there| profile name \"Tab\there\" has the character U+0009 at position 4; allowed are letters, digits, space and - _ . ' ( ) & +",
            "Cafe\u0301| profile name \"Cafe\u0301\" is not in Unicode normal form C (it has an accent stored apart from its letter); type it again",
            "Zero\u200bwidth| profile name \"Zero\u200bwidth\" has the character U+200B at position 5; allowed are letters, digits, space and - _ . ' ( ) & +",
    })
    void refusesANameItCannotHold(String name, String message) throws Exception {
        try (ProfileStore store = open()) {
            ProfileStoreException e = assertThrows(ProfileStoreException.class,
                    () -> store.put(named(name)));
            assertEquals(message, e.getMessage());
            assertEquals(List.of(), store.list(), "nothing was stored");
        }
    }

    @Test
    void acceptsNamesInAnyScript() throws Exception {
        try (ProfileStore store = open()) {
            for (String name : List.of("Fahrer Ü", "Nuit (calme)", "Rock & Roll", "Reference flat", "Ночь", "A+B 2.0")) {
                store.put(stereo(name, 0));
            }
        }
        try (ProfileStore store = open()) {
            assertEquals(6, store.list().size());
            assertTrue(store.report().clean(), store.report().lines().toString());
        }
    }

    @Test
    void refusesTheSeventeenthProfile() throws Exception {
        try (ProfileStore store = open()) {
            for (int i = 1; i <= 16; i++) {
                store.put(stereo("Profile " + i, 0));
            }
            ProfileStoreException e = assertThrows(ProfileStoreException.class, () -> store.put(stereo("One more", 0)));
            assertTrue(e.getMessage().startsWith("the store already holds 16 profiles, the most it keeps (Profile 1, "),
                    e.getMessage());
            assertTrue(e.getMessage().endsWith("); delete one before adding \"One more\""), e.getMessage());
            store.put(stereo("Profile 3", -1));
            assertEquals(16, store.list().size(), "a full store still takes new versions");
        }
    }

    @Test
    void refusesUnknownProfilesAndDeletingTheActiveOne() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            String unknown = "no profile \"Sport\" in the store (it holds: Driver, Night, Rear)";
            assertEquals(unknown, assertThrows(ProfileStoreException.class, () -> store.get("Sport")).getMessage());
            assertEquals(unknown, assertThrows(ProfileStoreException.class, () -> store.select("Sport")).getMessage());
            assertEquals(unknown, assertThrows(ProfileStoreException.class, () -> store.delete("Sport")).getMessage());
            assertThrows(ProfileStoreException.class, () -> store.select("night"), "names are exact");
            assertEquals("\"Driver\" is the active profile; select another one before deleting it",
                    assertThrows(ProfileStoreException.class, () -> store.delete("Driver")).getMessage());
            assertEquals("profile name \"NIGHT\" differs from the stored \"Night\" only in case; give the same name"
                    + " to replace it, or another name",
                    assertThrows(ProfileStoreException.class, () -> store.put(stereo("NIGHT", 0))).getMessage());
            assertEquals(List.of("Driver", "Night", "Rear"), store.list());
        }
        try (ProfileStore empty = ProfileStore.open(dir.resolve("empty"))) {
            assertEquals("the store holds no profile", assertThrows(ProfileStoreException.class, empty::next).getMessage());
        }
    }

    @Test
    void refusesAnInvalidProfile() throws Exception {
        Profile loud = stereo("Loud", 0);
        Profile invalid = new Profile(loud.format(), loud.name(), 47000, loud.inputs(), loud.bus(), loud.outputs());
        try (ProfileStore store = open()) {
            ProfileException e = assertThrows(ProfileException.class, () -> store.put(invalid));
            assertTrue(e.getMessage().startsWith("sampleRate = 47000 is not one of"), e.getMessage());
            assertEquals(List.of(), store.list());
        }
    }

    @Test
    void oneProcessAtATime() throws Exception {
        try (ProfileStore store = open()) {
            IOException e = assertThrows(IOException.class, this::open);
            assertEquals("the profile store " + dir + " is open in another process", e.getMessage());
        }
        open().close();
    }

    /** Damage that a power cut, a worn SD card or a hand edit leaves, and what the store makes of it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "flipped byte| Night.profile fails its checksum: the header says crc32c=",
            "truncated| Night.profile is truncated: ",
            "empty| Night.profile is empty",
            "no header| Night.profile has the header \"{\", not \"cabintune-store/1 crc32c=... bytes=...\"",
            "invalid profile| Night.profile does not hold a valid profile: outputs[0].gainDb = 99 is outside -60..24",
            "renamed| Night.profile holds the profile \"Rear\", not \"Night\"",
    })
    void aDamagedProfileFallsBackToItsLastGoodVersion(String damage, String message) throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.put(stereo("Night", -15));
            store.select("Night");
        }
        damage(dir.resolve("Night.profile"), damage);
        try (ProfileStore store = open()) {
            StoreReport.Finding f = store.report().findings().getFirst();
            assertEquals(Kind.FELL_BACK, f.kind(), store.report().lines().toString());
            assertEquals("Night", f.profile());
            assertTrue(f.message().startsWith(message), f.message());
            assertTrue(f.message().endsWith("; the last good version (Night.profile.prev) is used"), f.message());
            assertEquals(-12, store.get("Night").outputs().get(0).gainDb(), "the version before");
            assertEquals(Optional.of("Night"), store.activeName());
            assertFalse(store.report().clean());
            store.put(stereo("Night", -20));
        }
        try (ProfileStore store = open()) {
            assertTrue(store.report().clean(), "a new version replaces the damaged file");
            assertEquals(-20, store.get("Night").outputs().get(0).gainDb());
        }
    }

    @Test
    void aProfileWithNoGoodVersionIsLeftOutAndAnotherOneIsActive() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.put(stereo("Night", -15));
            store.select("Night");
        }
        damage(dir.resolve("Night.profile"), "flipped byte");
        damage(dir.resolve("Night.profile.prev"), "truncated");
        try (ProfileStore store = open()) {
            List<String> lines = store.report().lines();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("dropped: Night.profile fails its checksum"), lines.get(0));
            assertTrue(lines.get(0).contains("; Night.profile.prev is truncated: "), lines.get(0));
            assertTrue(lines.get(0).endsWith("; \"Night\" is left out"), lines.get(0));
            assertEquals("active: the active profile \"Night\" has no good version in the store; \"Driver\" is active instead",
                    lines.get(1));
            assertEquals(List.of("Driver", "Rear"), store.list());
            assertEquals(Optional.of("Driver"), store.activeName());
        }
    }

    @Test
    void aDamagedSelectionFallsBackToThePreviousOne() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.select("Night");
            store.select("Rear");
        }
        damage(dir.resolve("active"), "flipped byte");
        try (ProfileStore store = open()) {
            assertEquals(Optional.of("Night"), store.activeName());
            assertEquals(Kind.FELL_BACK, store.report().findings().getFirst().kind());
        }
        try (ProfileStore store = open()) {
            assertEquals(StoreReport.EMPTY, store.report(), "the fallen-back selection was recorded");
            assertEquals(Optional.of("Night"), store.activeName());
        }
        damage(dir.resolve("active"), "flipped byte");
        damage(dir.resolve("active.prev"), "empty");
        try (ProfileStore store = open()) {
            assertEquals(Optional.of("Driver"), store.activeName(), "the first profile when no selection is whole");
            List<String> lines = store.report().lines();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.getFirst().startsWith("active: active fails its checksum"), lines.getFirst());
            assertTrue(lines.getFirst().endsWith("; active.prev is empty; \"Driver\" is active instead"), lines.getFirst());
        }
    }

    /**
     * A cut after the first profile was written but before it was recorded as active: the
     * opening store plays it and must record that, or storing a profile whose name sorts first
     * would make that one play after the next restart (found by {@link StoreKillTest}).
     */
    @Test
    void anActiveProfileChosenOnOpeningStaysActive() throws Exception {
        try (ProfileStore store = open()) {
            store.put(stereo("Vocal (live)", 0));
        }
        Files.delete(dir.resolve("active"));
        try (ProfileStore store = open()) {
            assertTrue(store.report().clean(), store.report().lines().toString());
            assertEquals(List.of("recovered: no active profile is recorded; \"Vocal (live)\" is active"),
                    store.report().lines());
            assertEquals(Optional.of("Vocal (live)"), store.activeName());
            store.put(stereo("Road trip", -3));
        }
        try (ProfileStore store = open()) {
            assertEquals(StoreReport.EMPTY, store.report());
            assertEquals(Optional.of("Vocal (live)"), store.activeName());
        }
        // The same when the recorded one is gone: the replacement is recorded too.
        try (ProfileStore store = open()) {
            store.put(stereo("Bass", -1));
        }
        Files.writeString(dir.resolve("Vocal (live).profile"), "not a store file");
        Files.deleteIfExists(dir.resolve("Vocal (live).profile.prev"));
        try (ProfileStore store = open()) {
            assertEquals(Optional.of("Bass"), store.activeName());
        }
        try (ProfileStore store = open()) {
            store.put(stereo("All seats", -1));
        }
        try (ProfileStore store = open()) {
            assertEquals(Optional.of("Bass"), store.activeName(), "not the first by name after another is stored");
        }
    }

    @Test
    void keepsNightModeAcrossRestarts() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            assertFalse(store.night(), "never recorded: off");
            store.recordNight(true);
        }
        try (ProfileStore store = open()) {
            assertEquals(StoreReport.EMPTY, store.report());
            assertTrue(store.night());
            store.recordNight(false);
        }
        try (ProfileStore store = open()) {
            assertEquals(StoreReport.EMPTY, store.report());
            assertFalse(store.night());
        }
    }

    /**
     * A damaged night mode falls back to its last good version; with none left, night mode is
     * off and the report says why, and the next change writes a whole file again.
     */
    @Test
    void aDamagedNightModeFallsBackToItsLastGoodVersionThenToOff() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.recordNight(true);
            store.recordNight(false);
        }
        rewrap(dir.resolve("night"), "dusk");
        try (ProfileStore store = open()) {
            assertTrue(store.night(), "the version before");
            assertEquals(List.of("fell back: night holds \"dusk\", not on or off; the last good version (night.prev) is"
                    + " used"), store.report().lines());
        }
        Files.write(dir.resolve("night.prev"), "cabintune-store/1 crc32c=00000000 bytes=2\non".getBytes(StandardCharsets.UTF_8));
        try (ProfileStore store = open()) {
            assertFalse(store.night(), "off when no version is good");
            assertEquals(List.of(Kind.NIGHT), store.report().findings().stream().map(StoreReport.Finding::kind).toList());
            assertEquals(List.of("night: night holds \"dusk\", not on or off; night.prev fails its checksum: the header"
                    + " says crc32c=00000000, the content gives " + Envelope.crc("on".getBytes(StandardCharsets.UTF_8))
                    + "; night mode is off"), store.report().lines());
            assertEquals(Optional.of("Driver"), store.activeName(), "the profiles are untouched");
            store.recordNight(true);
        }
        try (ProfileStore store = open()) {
            assertTrue(store.report().clean(), store.report().lines().toString());
            assertTrue(store.night());
        }
    }

    @Test
    void nothingValidLeavesTheStoreEmptyAndSaysWhy() throws Exception {
        try (ProfileStore store = open()) {
            store.put(stereo("Driver", 0));
        }
        damage(dir.resolve("Driver.profile"), "truncated");
        try (ProfileStore store = open()) {
            assertEquals(List.of(), store.list());
            assertEquals(Optional.empty(), store.active());
            assertEquals(List.of(Kind.DROPPED), store.report().findings().stream().map(StoreReport.Finding::kind).toList());
            assertTrue(store.report().lines().getFirst().endsWith(", and there is no earlier version; \"Driver\" is left out"),
                    store.report().lines().getFirst());
        }
    }

    @Test
    void aFileThatCannotBeReadFallsBackLikeADamagedOne() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.put(stereo("Rear", -9));
        }
        Files.delete(dir.resolve("Rear.profile"));
        Files.createDirectory(dir.resolve("Rear.profile"));
        try (ProfileStore store = open()) {
            assertEquals(-3, store.get("Rear").outputs().get(0).gainDb());
            assertEquals(Kind.FELL_BACK, store.report().findings().getFirst().kind());
            assertTrue(store.report().lines().getFirst().startsWith("fell back: Rear.profile cannot be read ("),
                    store.report().lines().getFirst());
        }
    }

    @Test
    void anUnfinishedWriteIsUndoneAndReported() throws Exception {
        try (ProfileStore store = withDriverNightRear()) {
            store.select("Rear");
        }
        // A cut between the two renames of a write: the old file is already the previous
        // version, the new one still a temporary file.
        Files.move(dir.resolve("Rear.profile"), dir.resolve("Rear.profile.prev"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve(".Rear.profile.tmp"), "cabintune-store/1 crc32c=00000000 bytes=9999\n{");
        try (ProfileStore store = open()) {
            assertTrue(store.report().clean(), store.report().lines().toString());
            assertEquals(List.of("recovered: removed .Rear.profile.tmp, a write that was cut short before it was acknowledged",
                    "recovered: Rear.profile is missing after a write that was cut short; its previous version"
                            + " (Rear.profile.prev) is used"), store.report().lines());
            assertEquals(List.of("Driver", "Night", "Rear"), store.list());
            assertFalse(Files.exists(dir.resolve(".Rear.profile.tmp")));
        }
    }

    @Test
    void leavesOutFilesBeyondSixteenAndBadNames() throws Exception {
        try (ProfileStore store = open()) {
            for (int i = 10; i < 26; i++) {
                store.put(stereo("P" + i, 0));
            }
        }
        Files.copy(dir.resolve("P25.profile"), dir.resolve("P26.profile"));
        Files.copy(dir.resolve("P25.profile"), dir.resolve("Bad*name.profile"));
        Files.writeString(dir.resolve("notes.txt"), "not a profile");
        try (ProfileStore store = open()) {
            assertEquals(16, store.list().size());
            assertEquals(List.of("dropped: Bad*name.profile is left out: profile name \"Bad*name\" has '*' at position 4;"
                            + " allowed are letters, digits, space and - _ . ' ( ) & +",
                    "dropped: P26.profile is left out: the store keeps at most 16 profiles"), store.report().lines());
        }
    }

    /** A stereo profile called {@code name}, which the profile format itself may not allow. */
    private static Profile named(String name) {
        Profile p = stereo("Any", 0);
        return new Profile(p.format(), name, p.sampleRate(), p.inputs(), p.bus(), p.outputs());
    }

    /** Damages a store file the way {@code how} says. */
    static void damage(Path file, String how) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        switch (how) {
            case "flipped byte" -> {
                bytes[bytes.length - 3] ^= 0x04;
                Files.write(file, bytes);
            }
            case "truncated" -> Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
            case "empty" -> Files.write(file, new byte[0]);
            case "no header" -> Files.write(file, java.util.Arrays.copyOfRange(bytes, indexAfterHeader(bytes), bytes.length));
            case "invalid profile" -> rewrap(file, new String(bytes, indexAfterHeader(bytes), bytes.length
                    - indexAfterHeader(bytes), StandardCharsets.UTF_8).replaceFirst("\"gainDb\": -?[0-9.]+", "\"gainDb\": 99"));
            case "renamed" -> {
                try {
                    rewrap(file, ProfileWriter.write(stereo("Rear", 0)));
                } catch (ProfileException e) {
                    throw new IllegalStateException(e);
                }
            }
            default -> throw new IllegalArgumentException(how);
        }
    }

    /** Writes {@code content} with a correct header: whole, but not what it should be. */
    private static void rewrap(Path file, String content) throws IOException {
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        List<byte[]> parts = new ArrayList<>();
        parts.add(("cabintune-store/1 crc32c=" + Envelope.crc(body) + " bytes=" + body.length + "\n")
                .getBytes(StandardCharsets.UTF_8));
        parts.add(body);
        Files.write(file, concat(parts));
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int indexAfterHeader(byte[] bytes) {
        int i = 0;
        while (bytes[i] != '\n') {
            i++;
        }
        return i + 1;
    }
}
