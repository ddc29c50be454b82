package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The drivers' profiles on disk: up to {@value #MAX_PROFILES} named profiles and which one is
 * active, kept across restarts and power cuts.
 *
 * <p>Each profile is a file {@code NAME.profile} in the store's directory, the active
 * profile's name is in {@code active}, night mode ({@code on} or {@code off}) in
 * {@code night}; every file carries a checksum and is replaced
 * atomically with its previous version kept as {@code NAME.prev} ({@link Envelope}). Every
 * method that changes the store returns only once the change is on the device: what it
 * acknowledged survives a power cut. Opening the store reads every file; a file that is
 * truncated, fails its checksum or holds no valid profile (the profile validator) is replaced
 * by its last good version, and all of that is told in {@link #report()}. When the active
 * profile had to be chosen on opening (no whole record of it, or one naming a profile that is
 * gone), the choice is recorded at once, so every later opening plays the same one. The store
 * never fails to open for what its files hold.
 *
 * <p>Names follow {@link StoreNames}; two names may not differ only in case. The list, and
 * {@link #next()} and {@link #previous()} (the profile buttons), go in alphabetical order,
 * ignoring case. One process at a time: the directory is locked while the store is open.
 * Methods are synchronized; none is meant for the audio thread.
 */
public final class ProfileStore implements AutoCloseable {

    /** Most profiles kept: the buttons cycle through them, and 16 is already a long walk. */
    public static final int MAX_PROFILES = 16;
    static final String ACTIVE = "active";
    static final String NIGHT = "night";
    static final String LOCK = ".lock";

    /** Alphabetical, ignoring case first. */
    static final Comparator<String> ORDER = String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TreeMap<String, Profile> profiles = new TreeMap<>(ORDER);
    private final StoreReport report;
    private String active;
    private boolean night;

    private ProfileStore(Path dir, FileChannel lockChannel, FileLock lock) throws IOException {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        List<StoreReport.Finding> findings = new ArrayList<>();
        StoreLoader.load(dir, profiles, findings);
        StoreLoader.Active chosen = StoreLoader.active(dir, profiles, findings);
        active = chosen.name();
        if (!chosen.recorded()) {
            // What plays was chosen here (the record was missing, damaged or named a profile that
            // is gone): record it, or the next opening could choose another, e.g. the first
            // profile by name after one that sorts earlier has been stored.
            try {
                writeActive(active);
            } catch (IOException e) {
                findings.add(new StoreReport.Finding(StoreReport.Kind.ACTIVE, active, "\"" + active
                        + "\" is active but could not be recorded (" + e + ")"));
            }
        }
        night = StoreLoader.night(dir, findings);
        this.report = new StoreReport(findings);
    }

    /**
     * Opens the store in {@code dir}, creating the directory when it does not exist.
     *
     * @throws IOException when the directory cannot be made or read, or another process has the
     *     store open
     */
    public static ProfileStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the profile store " + dir + " is open in another process");
        }
        try {
            return new ProfileStore(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** What opening the store found; {@link StoreReport#clean()} when every file was whole. */
    public StoreReport report() {
        return report;
    }

    /** The store's directory. */
    public Path directory() {
        return dir;
    }

    /** The file that holds the stored profile {@code name}. */
    public Path fileOf(String name) {
        return dir.resolve(StoreNames.fileName(name));
    }

    /** The stored profiles' names, in order. */
    public synchronized List<String> list() {
        return List.copyOf(profiles.keySet());
    }

    /** The stored profile {@code name}. */
    public synchronized Profile get(String name) throws ProfileStoreException {
        return profiles.get(existing(name));
    }

    /** The active profile's name, or empty when the store holds no profile. */
    public synchronized Optional<String> activeName() {
        return Optional.ofNullable(active);
    }

    /** The active profile, or empty when the store holds no profile. */
    public synchronized Optional<Profile> active() {
        return Optional.ofNullable(active).map(profiles::get);
    }

    /**
     * Night mode as last recorded: off when it never was, or when neither {@code night} nor its
     * last good version could be read (then {@link #report()} says why).
     */
    public synchronized boolean night() {
        return night;
    }

    /** Records night mode, kept across restarts; returns once it is on the device. */
    public synchronized void recordNight(boolean on) throws IOException {
        Envelope.write(dir, NIGHT, StoreLoader.onOff(on), true);
        night = on;
    }

    /**
     * Stores {@code profile} under its name, replacing a stored profile of that name (whose
     * previous version is kept). The first profile stored becomes the active one.
     *
     * @return true when it replaced one
     * @throws ProfileStoreException when the name cannot be stored, differs from a stored one only
     *     in case, or the store is full
     * @throws ProfileException      when the profile is not valid
     */
    public synchronized boolean put(Profile profile) throws IOException, ProfileStoreException, ProfileException {
        String name = profile.name();
        String problem = StoreNames.problem(name);
        if (problem != null) {
            throw new ProfileStoreException(problem);
        }
        Optional<String> same = profiles.keySet().stream().filter(k -> k.equalsIgnoreCase(name) && !k.equals(name))
                .findFirst();
        if (same.isPresent()) {
            throw new ProfileStoreException("profile name \"" + name + "\" differs from the stored \"" + same.get()
                    + "\" only in case; give the same name to replace it, or another name");
        }
        boolean replaces = profiles.containsKey(name);
        if (!replaces && profiles.size() >= MAX_PROFILES) {
            throw new ProfileStoreException("the store already holds " + MAX_PROFILES + " profiles, the most it keeps ("
                    + String.join(", ", profiles.keySet()) + "); delete one before adding \"" + name + "\"");
        }
        byte[] content = ProfileWriter.write(profile).getBytes(StandardCharsets.UTF_8);
        Envelope.write(dir, StoreNames.fileName(name), content, true);
        profiles.put(name, profile);
        if (active == null) {
            writeActive(name);
        }
        return replaces;
    }

    /**
     * Removes the stored profile {@code name} and its previous version.
     *
     * @throws ProfileStoreException when there is no such profile, or it is the active one
     */
    public synchronized void delete(String name) throws IOException, ProfileStoreException {
        existing(name);
        if (name.equals(active)) {
            throw new ProfileStoreException("\"" + name + "\" is the active profile; select another one before deleting it");
        }
        Envelope.delete(dir, StoreNames.fileName(name));
        profiles.remove(name);
    }

    /**
     * Makes {@code name} the active profile, kept across restarts.
     *
     * @throws ProfileStoreException when there is no such profile
     */
    public synchronized Profile select(String name) throws IOException, ProfileStoreException {
        existing(name);
        if (!name.equals(active)) {
            writeActive(name);
        }
        return profiles.get(name);
    }

    /** The name after the active one, wrapping around (the "next" button); the active one is not changed. */
    public synchronized String nextName() throws ProfileStoreException {
        return step(1);
    }

    /** The name before the active one, wrapping around (the "previous" button); the active one is not changed. */
    public synchronized String previousName() throws ProfileStoreException {
        return step(-1);
    }

    /** Selects the profile after the active one, wrapping around. */
    public synchronized Profile next() throws IOException, ProfileStoreException {
        return select(nextName());
    }

    /** Selects the profile before the active one, wrapping around. */
    public synchronized Profile previous() throws IOException, ProfileStoreException {
        return select(previousName());
    }

    /** Releases the directory's lock. */
    @Override
    public synchronized void close() throws IOException {
        try (FileChannel c = lockChannel) {
            lock.release();
        }
    }

    private String step(int direction) throws ProfileStoreException {
        if (profiles.isEmpty()) {
            throw new ProfileStoreException("the store holds no profile");
        }
        String from = active == null ? profiles.firstKey() : active;
        String to = direction > 0 ? profiles.higherKey(from) : profiles.lowerKey(from);
        return to != null ? to : direction > 0 ? profiles.firstKey() : profiles.lastKey();
    }

    private void writeActive(String name) throws IOException {
        Envelope.write(dir, ACTIVE, name.getBytes(StandardCharsets.UTF_8), true);
        active = name;
    }

    private String existing(String name) throws ProfileStoreException {
        if (!profiles.containsKey(name)) {
            throw new ProfileStoreException("no profile \"" + name + "\" in the store"
                    + (profiles.isEmpty() ? " (it is empty)" : " (it holds: " + String.join(", ", profiles.keySet()) + ")"));
        }
        return name;
    }
}
