package org.cabintune.hu.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The store loses nothing it acknowledged when its process dies at any moment. A child JVM
 * ({@link StoreWriter}) changes a store (its profiles, the active one, night mode) as fast as it
 * can and says after each change that the store returned from it; the test kills it with
 * SIGKILL after a random delay, opens the store, and requires that every file is whole and the
 * store holds exactly what the acknowledged changes made, or that plus the one change that was
 * under way. Each kill is its own process, {@value #DEFAULT_KILLS} of them by default ({@code -Dcabintune.kills=N}
 * for more); the child starts from a class-data archive made by a first, normal run, so a
 * kill costs about a JVM start.
 *
 * <p>SIGKILL ends the process, not the machine: it proves that every write is atomic and that
 * what the store acknowledged was complete, not that the device has it. That part rests on
 * the {@code fsync} of each file and of the directory ({@link Envelope}) before the store
 * returns; the fall-back to the last good version for whatever a device does keep half is
 * tested on damaged files in {@link ProfileStoreTest}.
 */
class StoreKillTest {

    static final int DEFAULT_KILLS = 200;
    /** The longest a child lives after it is ready: a change takes 5-10 ms (each a few fsyncs). */
    static final int MAX_DELAY_MICROS = 80_000;
    /** Stores killed side by side, each by its own thread: one per core of the test machine. */
    static final int LANES = 2;

    @TempDir
    Path dir;

    /** What the store should hold: profile versions by name, the active one, and night mode. */
    record State(TreeMap<String, Integer> versions, String active, boolean night) {

        State apply(String op) {
            String[] p = op.split("\\|");
            TreeMap<String, Integer> v = new TreeMap<>(versions);
            String a = active;
            boolean n = night;
            switch (p[0]) {
                case "put" -> {
                    v.put(p[1], Integer.parseInt(p[2]));
                    a = a == null ? p[1] : a;
                }
                case "select" -> a = p[1];
                case "delete" -> v.remove(p[1]);
                case "night" -> n = p[1].equals("on");
                default -> throw new IllegalArgumentException(op);
            }
            return new State(v, a, n);
        }

        static State of(ProfileStore store) throws ProfileStoreException {
            TreeMap<String, Integer> v = new TreeMap<>();
            for (String name : store.list()) {
                v.put(name, StoreWriter.version(store.get(name)));
            }
            return new State(v, store.activeName().orElse(null), store.night());
        }
    }

    /** Totals over the kills of one lane. */
    record Tally(int kills, int acknowledged, int cutMidChange, int cutChangesKept, int stored, int nightChanges) {
    }

    @Test
    void everyAcknowledgedChangeSurvivesKill9() throws Exception {
        int kills = Integer.getInteger("cabintune.kills", DEFAULT_KILLS);
        long started = System.nanoTime();
        String classpath = ChildClasspath.jarred(System.getProperty("java.class.path"), dir.resolve("classes.jar"));
        Path archive = train(classpath);
        ExecutorService lanes = Executors.newFixedThreadPool(LANES);
        List<Future<Tally>> results = new ArrayList<>();
        for (int lane = 0; lane < LANES; lane++) {
            int count = kills / LANES + (lane < kills % LANES ? 1 : 0);
            long seed = 20250101L + lane;
            Path store = dir.resolve("profiles-" + lane);
            results.add(lanes.submit(() -> killRepeatedly(store, classpath, archive, count, new Random(seed))));
        }
        lanes.shutdown();
        int acknowledged = 0;
        int cutMidChange = 0;
        int cutChangesKept = 0;
        int nightChanges = 0;
        for (Future<Tally> result : results) {
            Tally t;
            try {
                t = result.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
            acknowledged += t.acknowledged();
            cutMidChange += t.cutMidChange();
            cutChangesKept += t.cutChangesKept();
            nightChanges += t.nightChanges();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("store kill -9: %d kills in %.1f s (%d lanes%s), %d acknowledged changes (%d of night mode),"
                + " %d kills mid-change (%d of those changes complete)%n", kills, seconds, LANES,
                archive == null ? ", no class-data archive" : "", acknowledged, nightChanges, cutMidChange, cutChangesKept);
        assertTrue(cutMidChange >= kills / 2, "most kills must land inside a change: " + cutMidChange);
        assertTrue(acknowledged >= kills, "the writer got changes done: " + acknowledged);
        assertTrue(nightChanges > 0 || kills < 20, "night mode was changed too: " + nightChanges);
    }

    /** One lane: a store killed {@code kills} times, each restart checked against what was acknowledged. */
    private Tally killRepeatedly(Path store, String classpath, Path archive, int kills, Random random) throws Exception {
        State model = new State(new TreeMap<>(), null, false);
        int acknowledged = 0;
        int cutMidChange = 0;
        int cutChangesKept = 0;
        int nightChanges = 0;
        for (int k = 0; k < kills; k++) {
            Run run = runAndKill(store, classpath, archive, random.nextLong(), random.nextInt(MAX_DELAY_MICROS));
            State before = model;
            for (String op : run.acked()) {
                model = model.apply(op);
                nightChanges += op.startsWith("night|") ? 1 : 0;
            }
            acknowledged += run.acked().size();
            try (ProfileStore reopened = ProfileStore.open(store)) {
                assertTrue(reopened.report().clean(), store + ", kill " + k + ": " + reopened.report().lines());
                State found = State.of(reopened);
                if (run.inFlight() != null) {
                    cutMidChange++;
                    State withIt = model.apply(run.inFlight());
                    if (found.equals(withIt) && !withIt.equals(model)) {
                        cutChangesKept++;
                        model = withIt;
                    }
                }
                assertEquals(model, found, store + ", kill " + k + " after " + run.acked().size()
                        + " acknowledged changes from " + before
                        + (run.inFlight() == null ? "" : ", one more under way: " + run.inFlight()));
                if (!model.versions().isEmpty()) {
                    assertTrue(reopened.active().isPresent(), "kill " + k + ": a profile to play");
                }
            }
        }
        return new Tally(kills, acknowledged, cutMidChange, cutChangesKept, model.versions().size(), nightChanges);
    }

    /** The lines a killed child printed: the changes it acknowledged, and the one under way, if any. */
    record Run(List<String> acked, String inFlight) {
    }

    private Run runAndKill(Path store, String classpath, Path archive, long seed, int delayMicros) throws Exception {
        Process child = start(store, classpath, archive, seed, 0, archive != null);
        // A child that never gets ready must not hang the build.
        Thread watchdog = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(30));
                child.toHandle().destroyForcibly();
            } catch (InterruptedException ready) {
                // The child got ready in time.
            }
        });
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        watchdog.interrupt();
        if (!"READY".equals(line)) {
            child.destroyForcibly().waitFor();
            fail("the writer did not start: " + line + "\n" + Files.readString(errors(store)));
        }
        LockSupport.parkNanos(delayMicros * 1000L);
        // SIGKILL through the handle: Process.destroyForcibly would also close the pipe and lose
        // what the child printed last.
        assertTrue(child.toHandle().destroyForcibly(), "SIGKILL sent");
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the writer ends on SIGKILL");
        assertEquals(137, child.exitValue(), "killed by SIGKILL, not ended on its own: " + Files.readString(errors(store)));
        List<String> acked = new ArrayList<>();
        String begun = null;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("BEGIN|")) {
                begun = line.substring(6);
            } else if (begun != null && line.equals("ACK|" + begun)) {
                acked.add(begun);
                begun = null;
            }
        }
        return new Run(acked, begun);
    }

    /**
     * A first run that ends normally and leaves a class-data archive for the children to start
     * from; null when the JVM could not make one (the children then start without).
     */
    private Path train(String classpath) throws Exception {
        Path archive = dir.resolve("writer.jsa");
        Path store = dir.resolve("training");
        Process child = start(store, classpath, archive, 1, 40, false);
        String printed = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String errors = Files.readString(errors(store));
        assertTrue(printed.startsWith("READY"), printed + errors);
        return child.exitValue() == 0 && Files.exists(archive) ? archive : null;
    }

    private Process start(Path store, String classpath, Path archive, long seed, int limit, boolean useArchive)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xmx64m", "-XX:-UsePerfData",
                useArchive ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive,
                "-cp", classpath, StoreWriter.class.getName(), store.toString(), Long.toString(seed),
                Integer.toString(limit)));
        return new ProcessBuilder(command).redirectError(errors(store).toFile()).start();
    }

    private static Path errors(Path store) {
        return store.resolveSibling(store.getFileName() + ".err");
    }
}
