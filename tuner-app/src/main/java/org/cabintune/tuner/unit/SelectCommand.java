package org.cabintune.tuner.unit;

import java.util.List;
import java.util.concurrent.Callable;
import org.cabintune.link.protocol.Command.GetState;
import org.cabintune.link.protocol.Command.SelectProfile;
import org.cabintune.link.protocol.Reply;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cabintune select --unit U --profile NAME}: switches the unit to a stored profile. */
@Command(name = "select", mixinStandardHelpOptions = true,
        description = "Switch a head unit to one of its stored profiles, named by id or by name.",
        footer = {"", "Examples:", "  cabintune select --mqtt tcp://car.local:1883 --credentials car.properties \\",
                "      --unit car-7 --profile driver-seat",
                "  cabintune select --serial /dev/ttyUSB0 --profile \"Driver seat\"", ""})
public final class SelectCommand implements Callable<Integer> {

    @Mixin
    LinkOptions link;

    @Mixin
    UnitOption unit;

    @Option(names = "--profile", paramLabel = "NAME", required = true, description = "A stored profile's id or name.")
    String profile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (UnitLink connection = UnitLink.open(link, unit.id, message -> { })) {
            Reply.State state = connection.ask(new GetState(), Reply.State.class);
            String id = resolve(profile, state.profiles(), connection.unit());
            connection.ask(new SelectProfile(id));
            spec.commandLine().getOut().println("unit " + connection.unit() + " now plays " + id);
        }
        return 0;
    }

    /** The id of the stored profile with this id, or else with this name (which must be unique). */
    static String resolve(String wanted, List<Reply.ProfileEntry> stored, String unit) {
        for (Reply.ProfileEntry entry : stored) {
            if (entry.id().equals(wanted)) {
                return entry.id();
            }
        }
        List<Reply.ProfileEntry> named = stored.stream().filter(e -> e.name().equals(wanted)).toList();
        if (named.size() == 1) {
            return named.getFirst().id();
        }
        if (named.size() > 1) {
            throw new Failure("--profile \"" + wanted + "\" names " + named.size() + " profiles on unit " + unit
                    + "; use one of their ids: " + String.join(", ", named.stream().map(Reply.ProfileEntry::id).toList()));
        }
        throw new Failure("--profile \"" + wanted + "\" is not stored on unit " + unit + "; it has "
                + (stored.isEmpty() ? "no profiles" : String.join(", ", stored.stream()
                        .map(e -> e.id() + " (" + e.name() + ")").toList())));
    }
}
