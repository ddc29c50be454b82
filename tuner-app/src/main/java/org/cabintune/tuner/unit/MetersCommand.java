package org.cabintune.tuner.unit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cabintune.link.protocol.Command.GetMeters;
import org.cabintune.link.protocol.Command.Hello;
import org.cabintune.link.protocol.Command.StreamMeters;
import org.cabintune.link.protocol.Reply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune meters --unit U}: the unit's output levels, live. On a terminal one line is
 * rewritten in place; otherwise (or with {@code --json}) every snapshot is a line of its own.
 * The stream is stopped on the unit when the command ends, Ctrl-C included.
 */
@Command(name = "meters", mixinStandardHelpOptions = true,
        description = "Show a head unit's meters (outputs' peak and RMS, programme loudness, DSP load), live or once.",
        footer = {"", "JSON (--json): one object per snapshot per line: sequence, and outputs with name, peakDbfs, rmsDbfs",
                "(-200 stands for silence); from units that send them, programme (momentaryLufs, shortTermLufs,",
                "integratedLufs, truePeakDbtp) and dspLoad (1 is a whole period).", "", "Examples:",
                "  cabintune meters --mqtt tcp://car.local:1883 --credentials car.properties \\",
                "      --unit car-7",
                "  cabintune meters --serial /dev/ttyUSB0 --once --json", ""})
public final class MetersCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    LinkOptions link;

    @Mixin
    UnitOption unit;

    @Option(names = "--once", description = "One snapshot (get-meters), then exit.")
    boolean once;

    @Option(names = "--json", description = "One JSON object per snapshot per line.")
    boolean json;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "200",
            description = "Milliseconds between snapshots, 50..5000 (default: ${DEFAULT-VALUE}).")
    int intervalMs;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "Stop after N snapshots (default: run until Ctrl-C).")
    long count;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (count < 0) {
            throw new Failure("--count " + count + " is negative");
        }
        StreamMeters start;
        try {
            start = new StreamMeters(intervalMs);
        } catch (IllegalArgumentException e) {
            throw new Failure("--interval: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        BlockingQueue<Reply.Meters> snapshots = new LinkedBlockingQueue<>();
        try (UnitLink connection = UnitLink.open(link, unit.id, message -> {
            if (message.body() instanceof Reply.Meters meters) {
                snapshots.add(meters);
            }
        })) {
            List<String> outputs = connection.ask(new Hello("cabintune tuner meters"), Reply.Info.class).outputs();
            if (once) {
                out.println(line(connection.ask(new GetMeters(), Reply.Meters.class), outputs));
                out.flush();
                return 0;
            }
            connection.ask(start);
            Thread stopper = new Thread(() -> stopQuietly(connection));
            Runtime.getRuntime().addShutdownHook(stopper);
            try {
                stream(snapshots, outputs, connection.unit(), out);
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopper);
                stopQuietly(connection);
            }
        }
        return 0;
    }

    private void stream(BlockingQueue<Reply.Meters> snapshots, List<String> outputs, String unitName, PrintWriter out)
            throws InterruptedException {
        boolean refresh = !json && System.console() != null && System.console().isTerminal();
        Duration patience = link.timeout().plusMillis(intervalMs);
        for (long shown = 0; count == 0 || shown < count; shown++) {
            Reply.Meters meters = snapshots.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
            if (meters == null) {
                throw new Failure("no meter snapshot from unit " + unitName + " within " + UnitLink.seconds(patience)
                        + " after stream-meters " + intervalMs + " " + link.describe());
            }
            if (refresh) {
                out.print("\r" + line(meters, outputs) + "\033[K");
            } else {
                out.println(line(meters, outputs));
            }
            out.flush();
        }
        if (refresh) {
            out.println();
        }
    }

    private static void stopQuietly(UnitLink connection) {
        try {
            connection.ask(new StreamMeters(0));
        } catch (Failure e) {
            // Ending anyway; the unit stops streaming when the next client asks, or on restart.
        }
    }

    private String line(Reply.Meters meters, List<String> outputs) {
        if (json) {
            ObjectNode node = JSON.createObjectNode().put("sequence", meters.sequence());
            for (int i = 0; i < meters.outputs().size(); i++) {
                Reply.Level level = meters.outputs().get(i);
                node.withArray("outputs").addObject().put("name", name(outputs, i)).put("peakDbfs", level.peakDbfs())
                        .put("rmsDbfs", level.rmsDbfs());
            }
            Reply.Programme p = meters.programme();
            if (p != null) {
                node.putObject("programme").put("momentaryLufs", p.momentaryLufs()).put("shortTermLufs", p.shortTermLufs())
                        .put("integratedLufs", p.integratedLufs()).put("truePeakDbtp", p.truePeakDbtp());
            }
            if (meters.dspLoad() != null) {
                node.put("dspLoad", meters.dspLoad());
            }
            return node.toString();
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "#%-6d peak/rms dBFS", meters.sequence()));
        for (int i = 0; i < meters.outputs().size(); i++) {
            Reply.Level level = meters.outputs().get(i);
            text.append(String.format(Locale.ROOT, "  %s %s/%s", name(outputs, i), db(level.peakDbfs()), db(level.rmsDbfs())));
        }
        Reply.Programme p = meters.programme();
        if (p != null) {
            text.append(String.format(Locale.ROOT, "  M/S/I %s/%s/%s LUFS  TP %s dBTP", db(p.momentaryLufs()),
                    db(p.shortTermLufs()), db(p.integratedLufs()), db(p.truePeakDbtp())));
        }
        if (meters.dspLoad() != null) {
            text.append(String.format(Locale.ROOT, "  load %.1f%%", meters.dspLoad() * 100));
        }
        return text.toString();
    }

    private static String name(List<String> outputs, int i) {
        return i < outputs.size() ? outputs.get(i) : "out" + i;
    }

    private static String db(double dbfs) {
        return dbfs <= Reply.METER_FLOOR_DBFS ? "-inf" : String.format(Locale.ROOT, "%.1f", dbfs);
    }
}
