package org.cabintune.tuner;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * One run of a command line with its output captured.
 *
 * @param status the exit status
 * @param out    what it printed on standard output
 * @param err    what it printed on standard error
 */
public record CliRun(int status, String out, String err) {

    /** Runs {@code cli} with {@code args}, capturing both streams. */
    public static CliRun of(CommandLine cli, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new CliRun(status, out.toString(), err.toString());
    }
}
