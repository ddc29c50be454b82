package org.cabintune.tuner.unit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cabintune.link.mqtt.UnitDirectory;
import org.cabintune.link.protocol.Reply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune units}: the head units a broker knows of, from their retained
 * {@code status} and {@code state}; over the serial cable, the one unit on it.
 */
@Command(name = "units", mixinStandardHelpOptions = true,
        description = "List the head units seen on the broker (retained status and state), or the unit on the cable.",
        footer = {"", "Examples:", "  cabintune units --mqtt ssl://car.local:8883 --credentials car.properties",
                "  cabintune units --serial /dev/ttyUSB0 --json", ""})
public final class UnitsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    LinkOptions link;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "1",
            description = "How long to collect what the broker holds (default: ${DEFAULT-VALUE} s).")
    double waitSeconds;

    @Option(names = "--json", description = "One JSON object per unit per line.")
    boolean json;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<UnitDirectory.Unit> units = link.isMqtt() ? UnitScan.broker(link, waitSeconds) : List.of(UnitScan.cable(link));
        PrintWriter out = spec.commandLine().getOut();
        if (units.isEmpty()) {
            spec.commandLine().getErr().println("no head units seen " + link.describe());
        } else if (!json) {
            out.printf("%-32s %-8s %-24s %8s  %s%n", "UNIT", "STATUS", "PROFILE", "VOLUME", "PROFILES");
        }
        for (UnitDirectory.Unit unit : units) {
            out.println(json ? json(unit) : row(unit));
        }
        out.flush();
        return 0;
    }

    private static String row(UnitDirectory.Unit unit) {
        Reply.State state = unit.state();
        String status = unit.status() == null ? "-" : unit.status();
        if (state == null) {
            return String.format(Locale.ROOT, "%-32s %-8s %-24s %8s  %s", unit.unitId(), status, "-", "-", "-");
        }
        String volume = String.format(Locale.ROOT, "%.1f dB", state.volumeDb()) + (state.muted() ? " (muted)" : "");
        return String.format(Locale.ROOT, "%-32s %-8s %-24s %8s  %s", unit.unitId(), status,
                state.activeProfile() == null ? "-" : state.activeProfile(), volume,
                String.join(",", state.profiles().stream().map(Reply.ProfileEntry::id).toList()));
    }

    private static String json(UnitDirectory.Unit unit) {
        ObjectNode node = JSON.createObjectNode().put("unit", unit.unitId()).put("status", unit.status());
        Reply.State state = unit.state();
        if (state != null) {
            node.put("activeProfile", state.activeProfile()).put("volumeDb", state.volumeDb()).put("muted", state.muted())
                    .put("bypassed", state.bypassed());
            state.profiles().forEach(p -> node.withArray("profiles").addObject().put("id", p.id()).put("name", p.name()));
        }
        return node.toString();
    }
}
