package org.cabintune.hu.packaging;

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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian package's inputs are well-formed: the systemd unit (by {@code systemd-analyze
 * verify} where it exists), the shell syntax of the maintainer scripts and launcher, the
 * conffiles list against the shipped boards, the control file. Reads files only; building the
 * package itself is {@code package}'s work, not the tests'.
 */
class DebPackageInputsTest {

    private static final Path DEB = Path.of("src", "deb");
    private static final Path UNIT = DEB.resolve("cabintune.service");

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    @Test
    void theUnitVerifiesWithSystemd() throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        // verify also checks that ExecStart exists: point it at the launcher in the tree.
        String unit = Files.readString(UNIT).replace("/usr/bin/cabintune-hu",
                DEB.resolve("cabintune-hu").toAbsolutePath().toString());
        Path copy = Files.writeString(dir.resolve("cabintune.service"), unit);
        Result r = run("systemd-analyze", "verify", copy.toString());
        assertEquals(new Result(0, ""), r, "systemd-analyze verify: unknown keys and bad values are warnings on its output");
    }

    @Test
    void theUnitAllowsRealTimeWithoutImposingIt() throws IOException {
        List<String> lines = Files.readAllLines(UNIT);
        for (String required : List.of("User=cabintune", "Restart=on-failure", "LimitRTPRIO=99", "LimitNICE=-20",
                "LimitMEMLOCK=infinity", "KillSignal=SIGTERM")) {
            assertTrue(lines.contains(required), "cabintune.service lacks " + required);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("CPUSchedulingPolicy=")),
                "only the audio thread runs SCHED_FIFO, set by the daemon itself");
    }

    @ParameterizedTest
    @CsvSource({"control/postinst, sh", "control/prerm, sh", "control/postrm, sh", "cabintune-hu, bash",
            "../../../bin/find-jdk.sh, bash"})
    void scriptsParse(String script, String shell) throws Exception {
        Path file = DEB.resolve(script).normalize();
        if (!script.endsWith(".sh")) {
            assertTrue(Files.isExecutable(file), file + " is executable");
            assertTrue(Files.readAllLines(file).getFirst().startsWith("#!/"), file + " starts with #!");
        }
        assertEquals(new Result(0, ""), run(shell, "-n", file.toString()));
    }

    @Test
    void everyShippedBoardIsAConffile() throws IOException {
        List<String> expected = new ArrayList<>(List.of("/etc/default/cabintune"));
        try (Stream<Path> boards = Files.list(Path.of("..", "board-configs"))) {
            boards.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                    .forEach(n -> expected.add("/etc/cabintune/boards/" + n));
        }
        assertEquals(expected, Files.readAllLines(DEB.resolve("control/conffiles")));
    }

    @Test
    void theControlFileNamesAJdk25AndArm64() throws IOException {
        List<String> control = Files.readAllLines(DEB.resolve("control/control"));
        assertTrue(control.contains("Architecture: arm64"));
        assertTrue(control.contains("Package: cabintune-hu"));
        String depends = control.stream().filter(l -> l.startsWith("Depends: ")).findFirst().orElseThrow();
        assertTrue(depends.contains("temurin-25-jre | temurin-25-jdk | openjdk-25-jre-headless"), depends);
    }
}
