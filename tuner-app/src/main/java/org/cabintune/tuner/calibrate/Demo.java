package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.unit.LinkHeadUnit;

/**
 * The whole loop on a virtual car against a real head unit: starts {@code cabintune-hu run} on
 * the simulator board with its embedded MQTT broker, recording what it sends its DAC, trusts a
 * fresh installer key on it, calibrates the car over the link, writes the report, profile and
 * exports, and stops the unit.
 */
public final class Demo {

    /** The unit's id in its topics. */
    static final String UNIT_ID = "demo-car";
    /** The tuner's broker account. */
    static final String USER = "tuner";
    /** How long the unit may take to come up (its JVM and broker). */
    static final double START_SECONDS = 90;

    /**
     * @param home          the CabinTune checkout (board files, cabins, targets, launchers)
     * @param out           where everything is written
     * @param car           the cabin file's name under calibration/cabins
     * @param target        the target curve file
     * @param seat          the seat
     * @param positions     microphone positions
     * @param sweepSeconds  the sweep's length
     * @param keepRecording keep the unit's DAC recording (large) instead of deleting it
     * @param vehicle       the vehicle as the report names it, or null for the cabin's description
     */
    public record Settings(Path home, Path out, String car, Path target, String seat, int positions, double sweepSeconds,
                           boolean keepRecording, String vehicle) {
    }

    /** The vehicle a cabin stands for, as a report names it: its description, else its name. */
    static String vehicleOf(CabinSpec cabin) {
        return cabin.description() == null || cabin.description().isBlank() ? cabin.name() : cabin.description();
    }

    private Demo() {
    }

    public static CalibrationResult run(Settings s, UnitRunner runner, Consumer<String> log) throws IOException {
        Path board = s.home().resolve("board-configs/simulator.yaml");
        Path cabinFile = s.home().resolve("calibration/cabins/" + s.car() + ".yaml");
        BoardConfig boardConfig;
        try {
            boardConfig = BoardLoader.load(board);
        } catch (BoardConfigException e) {
            throw new CalibrationException(board + ": " + e.getMessage(), e);
        }
        CabinSpec cabin = CabinReader.read(cabinFile);
        Path unitDir = s.out().resolve("unit");
        Path profiles = unitDir.resolve("profiles");
        Files.createDirectories(profiles);
        Path keys = unitDir.resolve("tuner-key");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        Path accounts = write(unitDir.resolve("broker-accounts"), USER + ":" + password + "\n");
        Path passwordFile = write(unitDir.resolve("tuner-password"), password + "\n");
        Path keyFile = LinkHeadUnit.newKey(keys, "CabinTune demo");
        Path recording = unitDir.resolve("dac.wav");
        Files.deleteIfExists(recording);

        log.accept("trusting the demo's installer key on the unit");
        try (UnitRunner.Running trust = runner.start(List.of("trust", "--public-key-file", keyFile.toString(), "--label",
                "CabinTune demo", "--profiles", profiles.toString()), unitDir.resolve("trust.log"))) {
            waitForExit(trust, 60);
        }
        int port = freePort();
        log.accept("starting the head unit (simulator board, embedded broker on 127.0.0.1:" + port + ")");
        try (UnitRunner.Running unit = runner.start(List.of("run", "--board", board.toString(), "--profiles",
                profiles.toString(), "--mqtt", "embedded", "--mqtt-port", Integer.toString(port), "--mqtt-accounts",
                accounts.toString(), "--unit-id", UNIT_ID, "--sink", "wav:" + recording, "--source", "silence"),
                unitDir.resolve("head-unit.log"))) {
            try (LinkHeadUnit headUnit = LinkHeadUnit.openMqtt("tcp://127.0.0.1:" + port, USER, passwordFile, UNIT_ID,
                    keys, START_SECONDS);
                 VirtualCar mic = new VirtualCar(cabin, headUnit.sampleRate(), headUnit.outputs(), recording, s.seat(),
                         s.positions(), 1)) {
                log.accept("connected to unit " + headUnit.id() + "; the virtual " + cabin.name() + " is wired:");
                mic.wiring().forEach(w -> log.accept("  " + w));
                CalibrationOptions options = new CalibrationOptions(s.seat(), s.sweepSeconds(), CalibrationOptions.LEVEL_DBFS,
                        0, "calibrated-" + s.seat(), "Calibrated " + s.seat(), s.target());
                CalibrationResult result = new Calibration(headUnit, mic, boardConfig, options, log).run(cabin.name(),
                        s.vehicle() != null ? s.vehicle() : vehicleOf(cabin));
                Results.write(result, s.out());
                return result;
            } finally {
                if (!unit.alive()) {
                    log.accept("the head unit stopped early; its log: " + unitDir.resolve("head-unit.log"));
                }
            }
        } finally {
            if (!s.keepRecording()) {
                Files.deleteIfExists(recording);
            }
        }
    }

    private static void waitForExit(UnitRunner.Running running, double seconds) throws IOException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (running.alive()) {
            if (System.nanoTime() > deadline) {
                throw new CalibrationException("cabintune-hu trust did not finish within " + seconds + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
