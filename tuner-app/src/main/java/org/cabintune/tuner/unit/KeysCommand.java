package org.cabintune.tuner.unit;

import java.io.PrintWriter;
import java.util.Base64;
import org.cabintune.link.protocol.Check;
import org.cabintune.link.protocol.FieldException;
import org.cabintune.link.protocol.Limits;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune keys init|pair|list}: the installer's Ed25519 key, which signs everything
 * that changes how a car sounds (profiles, limits, test signals). {@code pair} asks a unit to
 * trust it, which the unit accepts over the serial cable or during the pairing window a long
 * press on its button opens.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Manage the installer key that signs profiles, limits and test signals.",
        subcommands = CommandLine.HelpCommand.class,
        footer = {"", "Examples:", "  cabintune keys init --label \"Workshop bench 2\"",
                "  cabintune keys pair --serial /dev/ttyUSB0",
                "  cabintune keys pair --mqtt ssl://car.local:8883 --credentials car.properties \\",
                "      --unit car-7",
                "      (within 60 s of a long press on the unit's button)", "  cabintune keys list", ""})
public final class KeysCommand {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Make a new installer key pair, kept in the config directory readable by you only (0600).")
    int init(@Mixin ConfigDir config,
             @Option(names = "--label", paramLabel = "TEXT", defaultValue = "${sys:user.name}",
                     description = "Who holds the key, as units list it (default: your user name).") String label,
             @Option(names = "--force", description = "Replace an existing key (units that trusted it must pair again).")
             boolean force) {
        try {
            Check.text("label", label, Limits.MAX_TEXT_CHARS);
        } catch (FieldException e) {
            throw new Failure("--label: " + e.getMessage(), e);
        }
        InstallerKeyFile key = InstallerKeyFile.create(config.resolve(), label, force);
        out().println("installer key " + key.key().keyId() + " (" + label + ") written to " + key.file());
        return 0;
    }

    @Command(name = "pair", mixinStandardHelpOptions = true,
            description = {"Ask a head unit to trust the installer key. Over --serial it is accepted at once;",
                    "over --mqtt only within the pairing window a long press on the unit's button opens."})
    int pair(@Mixin LinkOptions link, @Mixin ConfigDir config, @Mixin UnitOption unit) {
        InstallerKeyFile key = InstallerKeyFile.load(config.resolve());
        try (UnitLink connection = UnitLink.open(link, unit.id, message -> { })) {
            // Refused without presence, the unit's message says how to give it (long press or cable).
            connection.ask(key.key().pairCommand(key.label()), key.key());
            out().println("unit " + connection.unit() + " trusts installer key " + key.key().keyId() + " (" + key.label() + ")");
        }
        return 0;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the installer key kept here.")
    int list(@Mixin ConfigDir config) {
        InstallerKeyFile key = InstallerKeyFile.load(config.resolve());
        out().printf("%-16s  %-44s  %s%n", "KEY", "PUBLIC KEY", "LABEL");
        out().printf("%-16s  %-44s  %s%n", key.key().keyId(), Base64.getEncoder().encodeToString(key.key().rawPublicKey()),
                key.label());
        out().println("kept in " + key.file());
        return 0;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
