package org.cabintune.tuner.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.tuner.correct.EqExport;

/** One output's fitted EQ in the formats other gear reads ({@link EqExport}). */
final class Exports {

    private Exports() {
    }

    /** Writes {@code NAME.apo.txt}, {@code .rew.txt}, {@code .camilladsp.yaml} and {@code .minidsp.txt} into {@code dir}. */
    static List<Path> write(Path dir, String name, List<FilterSpec> eq, int sampleRate) throws IOException {
        return List.of(
                text(dir.resolve(name + ".apo.txt"), EqExport.apo(eq, sampleRate)),
                text(dir.resolve(name + ".rew.txt"), EqExport.rew(eq, "CabinTune calibration, " + name, name,
                        LocalDateTime.now())),
                text(dir.resolve(name + ".camilladsp.yaml"), EqExport.camillaDsp(eq, name, 0)),
                text(dir.resolve(name + ".minidsp.txt"), EqExport.miniDsp(eq, sampleRate)));
    }

    private static Path text(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
