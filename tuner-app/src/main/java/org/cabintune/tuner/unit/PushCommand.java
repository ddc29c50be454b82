package org.cabintune.tuner.unit;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.link.protocol.Command.PutProfile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cabintune push --unit U --profile P.json}: checks the profile here with the same
 * parser the unit uses (so a bad file never reaches the car), signs a {@code put-profile} with
 * the installer key and stores it on the unit.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Check a profile, sign it with the installer key and store it on a head unit.",
        footer = {"", "The profile is checked here first, with the unit's own parser; nothing is sent if it has problems.",
                "The unit must trust the key: ./cabintune keys pair --unit U.", "",
                "Examples:", "  cabintune push --mqtt ssl://car.local:8883 --credentials car.properties \\",
                "      --unit car-7 --profile driver-seat.json --select",
                "  cabintune push --serial /dev/ttyUSB0 --profile driver-seat.json", ""})
public final class PushCommand implements Callable<Integer> {

    @Mixin
    LinkOptions link;

    @Mixin
    ConfigDir config;

    @Mixin
    UnitOption unit;

    @Option(names = "--profile", paramLabel = "FILE.json", required = true, description = "The profile to store.")
    Path profileFile;

    @Option(names = "--id", paramLabel = "ID",
            description = "The id to store it under (default: the file name without .json, e.g. driver-seat).")
    String profileId;

    @Option(names = "--select", description = "Play it once stored.")
    boolean select;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Profile profile = ProfilePush.read(profileFile);
        String id = profileId != null ? profileId : ProfilePush.defaultId(profileFile);
        PutProfile command = ProfilePush.command(id, profile, profileId != null ? "--id: "
                : "the file name gives a profile id that is not valid; use --id: ");
        InstallerKeyFile key = InstallerKeyFile.load(config.resolve());
        try (UnitLink connection = UnitLink.open(link, unit.id, message -> { })) {
            ProfilePush.store(connection, command, key.key(), select);
            spec.commandLine().getOut().println("stored profile " + id + " (" + profile.name() + ") on unit "
                    + connection.unit());
            if (select) {
                spec.commandLine().getOut().println("unit " + connection.unit() + " now plays " + id);
            }
        }
        return 0;
    }
}
