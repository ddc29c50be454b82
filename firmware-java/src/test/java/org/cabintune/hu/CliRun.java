package org.cabintune.hu;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * {@code cabintune-hu} run in-process, as the launcher runs it, with what it printed.
 *
 * @param exit   the exit code
 * @param stdout what it printed on standard output
 * @param stderr what it printed on standard error (picocli's usage errors included)
 */
public record CliRun(int exit, String stdout, String stderr) {

    /** Runs {@code args}; System.out and System.err are captured while it runs. */
    public static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            CommandLine cli = new CommandLine(new HeadUnitCli());
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            exit = cli.execute(args);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
