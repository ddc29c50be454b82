package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.hu.store.StoreReport.Finding;
import org.cabintune.hu.store.StoreReport.Kind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a store's directory when it opens: every profile, each from its file or else its last
 * good version, and the active selection, reporting whatever was not whole. Leftovers of
 * writes that were cut short are removed: they were never acknowledged.
 */
final class StoreLoader {

    private static final String ON = "on";
    private static final String OFF = "off";

    private StoreLoader() {
    }

    /** What a file's content must be, or why it is not. */
    private interface Parser<T> {
        T parse(byte[] content) throws Invalid;
    }

    /** A whole file whose content is not what it must be. */
    private static final class Invalid extends Exception {
        Invalid(String why) {
            super(why);
        }
    }

    /**
     * A value read from a file or its last good version.
     *
     * @param value   the value, or null when neither version was good
     * @param failure why neither was good, or null
     * @param current true when the value came from the file itself, not its last good version
     */
    private record Read<T>(T value, String failure, boolean current) {
    }

    /**
     * The active profile as opening chose it.
     *
     * @param name     its name, or null when the store holds no profile
     * @param recorded true when the {@code active} file itself names it; false when opening had
     *                 to choose (no whole record, or one naming a profile that is gone)
     */
    record Active(String name, boolean recorded) {
    }

    /** Loads every profile of {@code dir} into {@code into}. */
    static void load(Path dir, Map<String, Profile> into, List<Finding> findings) throws IOException {
        TreeSet<String> names = new TreeSet<>(ProfileStore.ORDER);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.startsWith(".") && fileName.endsWith(Envelope.TEMPORARY)) {
                    Files.deleteIfExists(file);
                    findings.add(new Finding(Kind.RECOVERED, null, "removed " + fileName
                            + ", a write that was cut short before it was acknowledged"));
                }
                String name = StoreNames.nameOf(fileName);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        for (String name : names) {
            String file = StoreNames.fileName(name);
            String problem = StoreNames.problem(name);
            if (problem != null) {
                findings.add(new Finding(Kind.DROPPED, name, file + " is left out: " + problem));
                continue;
            }
            if (into.size() >= ProfileStore.MAX_PROFILES) {
                findings.add(new Finding(Kind.DROPPED, name, file + " is left out: the store keeps at most "
                        + ProfileStore.MAX_PROFILES + " profiles"));
                continue;
            }
            Read<Profile> read = latest(dir, file, content -> profile(content, name), name, findings);
            if (read.value() != null) {
                into.put(name, read.value());
            } else {
                findings.add(new Finding(Kind.DROPPED, name, read.failure() + "; \"" + name + "\" is left out"));
            }
        }
    }

    /**
     * The active profile: as recorded, or else the first stored profile (reported); no name
     * when the store holds none.
     */
    static Active active(Path dir, Map<String, Profile> profiles, List<Finding> findings) throws IOException {
        Read<String> read = latest(dir, ProfileStore.ACTIVE, content -> new String(content, StandardCharsets.UTF_8),
                null, findings);
        String recorded = read.value();
        if (recorded != null && profiles.containsKey(recorded)) {
            return new Active(recorded, read.current());
        }
        if (profiles.isEmpty()) {
            return new Active(null, true);
        }
        String first = profiles.keySet().iterator().next();
        if (recorded == null && read.failure() == null) {
            // The first profile was stored but the cut came before its selection was recorded.
            findings.add(new Finding(Kind.RECOVERED, first, "no active profile is recorded; \"" + first + "\" is active"));
            return new Active(first, false);
        }
        String why = recorded != null ? "the active profile \"" + recorded + "\" has no good version in the store"
                : read.failure();
        findings.add(new Finding(Kind.ACTIVE, first, why + "; \"" + first + "\" is active instead"));
        return new Active(first, false);
    }

    /**
     * Night mode as recorded: on or off, from {@code night} or else its last good version; off
     * when it was never recorded, and off with a finding when no version is good.
     */
    static boolean night(Path dir, List<Finding> findings) {
        Read<Boolean> read = latest(dir, ProfileStore.NIGHT, StoreLoader::nightOf, null, findings);
        if (read.value() != null) {
            return read.value();
        }
        if (read.failure() != null) {
            findings.add(new Finding(Kind.NIGHT, null, read.failure() + "; night mode is off"));
        }
        return false;
    }

    /** The content of the {@code night} file. */
    static byte[] onOff(boolean on) {
        return (on ? ON : OFF).getBytes(StandardCharsets.UTF_8);
    }

    private static Boolean nightOf(byte[] content) throws Invalid {
        String text = new String(content, StandardCharsets.UTF_8);
        return switch (text) {
            case ON -> true;
            case OFF -> false;
            default -> throw new Invalid("holds \"" + Envelope.printable(text) + "\", not " + ON + " or " + OFF);
        };
    }

    /**
     * Reads {@code dir/file}, or when it is missing or not whole, its last good version
     * ({@code file.prev}), reporting the fall-back.
     */
    private static <T> Read<T> latest(Path dir, String file, Parser<T> parser, String profile, List<Finding> findings) {
        String problem;
        try {
            return new Read<>(parse(dir.resolve(file), parser), null, true);
        } catch (NoSuchFileException e) {
            problem = null;
        } catch (Envelope.Corrupt | Invalid e) {
            problem = file + " " + e.getMessage();
        } catch (IOException e) {
            problem = file + " cannot be read (" + e + ")";
        }
        String previous = file + Envelope.PREVIOUS;
        try {
            T value = parse(dir.resolve(previous), parser);
            findings.add(problem == null
                    ? new Finding(Kind.RECOVERED, profile, file + " is missing after a write that was cut short; its"
                            + " previous version (" + previous + ") is used")
                    : new Finding(Kind.FELL_BACK, profile, problem + "; the last good version (" + previous + ") is used"));
            return new Read<>(value, null, false);
        } catch (NoSuchFileException e) {
            return new Read<>(null, problem == null ? null : problem + ", and there is no earlier version", false);
        } catch (Envelope.Corrupt | Invalid e) {
            return new Read<>(null, (problem == null ? file + " is missing" : problem) + "; " + previous + " "
                    + e.getMessage(), false);
        } catch (IOException e) {
            return new Read<>(null, (problem == null ? file + " is missing" : problem) + "; " + previous
                    + " cannot be read (" + e + ")", false);
        }
    }

    private static <T> T parse(Path file, Parser<T> parser) throws IOException, Envelope.Corrupt, Invalid {
        return parser.parse(Envelope.read(file));
    }

    private static Profile profile(byte[] content, String name) throws Invalid {
        Profile profile;
        try {
            profile = ProfileParser.parse(content);
        } catch (ProfileException e) {
            throw new Invalid("does not hold a valid profile: " + String.join("; ", e.problems()));
        }
        if (!profile.name().equals(name)) {
            throw new Invalid("holds the profile \"" + profile.name() + "\", not \"" + name + "\"");
        }
        return profile;
    }
}
