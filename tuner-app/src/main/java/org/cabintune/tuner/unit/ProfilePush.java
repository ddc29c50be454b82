package org.cabintune.tuner.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileParser;
import org.cabintune.link.protocol.Command.PutProfile;
import org.cabintune.link.protocol.Command.SelectProfile;
import org.cabintune.link.protocol.FieldException;
import org.cabintune.link.security.InstallerKey;

/**
 * Storing a profile on a head unit: checked here with the unit's own parser, so a bad file
 * never reaches the car, then a {@code put-profile} signed with the installer key. What
 * {@code cabintune push} and the desktop tuner share.
 */
public final class ProfilePush {

    private ProfilePush() {
    }

    /** The profile in {@code file}, checked as the unit will check it. */
    public static Profile read(Path file) {
        try {
            return ProfileParser.parse(file);
        } catch (ProfileException e) {
            throw new Failure(file + ": " + String.join("; ", e.problems()) + " (nothing was sent)", e);
        } catch (IOException e) {
            throw new Failure(file + ": cannot read it: " + e.getMessage(), e);
        }
    }

    /** The id a file's profile is stored under unless another is given: its name without .json, lower case. */
    public static String defaultId(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".json") ? name.substring(0, name.length() - 5) : name).toLowerCase(Locale.ROOT);
    }

    /**
     * The request that stores {@code profile} under {@code id}; an id the protocol refuses fails
     * with its reason after {@code idSource}, which says where the id came from.
     */
    public static PutProfile command(String id, Profile profile, String idSource) {
        try {
            return new PutProfile(id, profile);
        } catch (FieldException e) {
            throw new Failure(idSource + e.getMessage(), e);
        }
    }

    /** Stores it on the unit, signed by {@code key}, and plays it when {@code select}. */
    public static void store(UnitLink unit, PutProfile command, InstallerKey key, boolean select) {
        unit.ask(command, key);
        if (select) {
            unit.ask(new SelectProfile(command.profileId()));
        }
    }
}
