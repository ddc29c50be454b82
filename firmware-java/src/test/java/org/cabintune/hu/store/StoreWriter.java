package org.cabintune.hu.store;

import org.cabintune.dsp.profile.Output;
import org.cabintune.dsp.profile.Profile;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The process {@link StoreKillTest} kills: opens a store and changes it as fast as it can,
 * forever, printing {@code BEGIN|op} before each change and {@code ACK|op} once the store has
 * returned from it (the store's acknowledgement). An op is {@code put|NAME|VERSION},
 * {@code select|NAME}, {@code delete|NAME} or {@code night|on} / {@code night|off}; the version
 * is written into the profile (as its first output's delay in microseconds) so a reader can tell
 * versions apart.
 *
 * <p>Arguments: the store's directory, a random seed, and the number of ops to do before
 * exiting normally (0: until killed).
 */
public final class StoreWriter {

    /** Names the writer uses: more than the store holds, so a full store is met too. */
    static final List<String> NAMES = List.of("Driver", "All seats", "Rear", "Reference flat", "Night", "Sport",
            "Fahrer Ü", "Bass+", "Vocal (live)", "Jazz", "Rock & Roll", "Podcast", "Kids", "Quiet", "Loud", "Movie",
            "Dawn", "Dusk", "Road trip", "Late show");

    private StoreWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        int limit = Integer.parseInt(args[2]);
        PrintStream out = System.out;
        warmUp(dir.resolveSibling(dir.getFileName() + ".warm"));
        try (ProfileStore store = ProfileStore.open(dir)) {
            out.println("READY");
            out.flush();
            for (int done = 0; limit == 0 || done < limit; done++) {
                String op = choose(store, random);
                out.println("BEGIN|" + op);
                out.flush();
                apply(store, op);
                out.println("ACK|" + op);
                out.flush();
            }
        }
    }

    /**
     * Runs the code of a change once outside the store (writing, reading and checking a
     * profile file), so that after {@code READY} the changes come at their steady pace rather
     * than the first one taking as long as loading its classes.
     */
    private static void warmUp(Path scratch) throws Exception {
        java.nio.file.Files.createDirectories(scratch);
        byte[] content = org.cabintune.dsp.profile.ProfileWriter.write(versioned("Warm", 1))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Envelope.write(scratch, "warm.profile", content, true);
        Envelope.write(scratch, "warm.profile", content, true);
        org.cabintune.dsp.profile.ProfileParser.parse(Envelope.read(scratch.resolve("warm.profile")));
        try (ProfileStore store = ProfileStore.open(scratch.resolve("store"))) {
            choose(store, new Random(0));
        }
    }

    /** A change that the store in its present state accepts. */
    static String choose(ProfileStore store, Random random) {
        List<String> stored = store.list();
        String active = store.activeName().orElse(null);
        int kind = stored.isEmpty() ? 0 : random.nextInt(11);
        if (kind == 10) {
            return "night|" + (store.night() ? "off" : "on");
        }
        if (kind < 6) {
            List<String> candidates = new ArrayList<>(stored.size() < ProfileStore.MAX_PROFILES ? NAMES : stored);
            return "put|" + candidates.get(random.nextInt(candidates.size())) + "|" + random.nextInt(1, 20_000);
        }
        List<String> others = stored.stream().filter(n -> !n.equals(active)).toList();
        if (others.isEmpty()) {
            return "put|" + NAMES.get(random.nextInt(NAMES.size())) + "|" + random.nextInt(1, 20_000);
        }
        String name = others.get(random.nextInt(others.size()));
        return (kind < 9 ? "select|" : "delete|") + name;
    }

    static void apply(ProfileStore store, String op) throws Exception {
        String[] p = op.split("\\|");
        switch (p[0]) {
            case "put" -> store.put(versioned(p[1], Integer.parseInt(p[2])));
            case "select" -> store.select(p[1]);
            case "delete" -> store.delete(p[1]);
            case "night" -> store.recordNight(p[1].equals("on"));
            default -> throw new IllegalArgumentException(op);
        }
    }

    /** The stereo test profile called {@code name}, carrying {@code version}. */
    static Profile versioned(String name, int version) {
        Profile base = StoreProfiles.stereo(name, 0);
        List<Output> outputs = new ArrayList<>(base.outputs());
        Output first = outputs.getFirst();
        outputs.set(0, new Output(first.name(), first.role(), first.mix(), first.filters(), version / 1000.0,
                first.gainDb(), first.invert(), first.protect()));
        return new Profile(base.format(), base.name(), base.sampleRate(), base.inputs(), base.bus(), outputs);
    }

    /** The version a stored profile carries. */
    static int version(Profile profile) {
        return (int) Math.round(profile.outputs().getFirst().delayMs() * 1000);
    }
}
