package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.profile.ProfileException;
import org.cabintune.dsp.profile.ProfileValidator;
import org.cabintune.dsp.profile.ProfileWriter;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.tuner.unit.Failure;
import org.cabintune.tuner.unit.ProfilePush;

/**
 * The profiles panel's model. On the connected unit: its stored profiles, which one plays,
 * selecting one, deleting one (after a confirmation). On this computer: profile files opened
 * here, which can be named, duplicated, saved and pushed to the unit, checked with the unit's
 * own parser and signed with the installer key as {@code cabintune push} does.
 */
public final class ProfilesModel {

    /**
     * A profile stored on the unit.
     *
     * @param id      its id
     * @param name    its name
     * @param playing whether the unit plays it
     */
    public record Stored(String id, String name, boolean playing) {
    }

    /**
     * A profile on this computer, and the id it will be stored under on the unit.
     *
     * @param id      lower-case words joined by hyphens, unique here
     * @param profile the profile, checked
     * @param file    the file it came from or was saved to, or null for a copy never saved
     */
    public record Local(String id, Profile profile, Path file) {
    }

    /**
     * A question the view must put before an action goes ahead.
     *
     * @param profileId the profile it is about
     * @param question  the question, one or two sentences
     * @param action    the button that goes ahead, e.g. "Delete"
     */
    public record Confirmation(String profileId, String question, String action) {
    }

    /**
     * What the profiles panel shows.
     *
     * @param unit    the connected unit's id, or null
     * @param stored  its stored profiles
     * @param local   the profiles on this computer
     * @param confirm a question waiting for an answer, or null
     * @param status  what runs, or how the last action ended
     */
    public record State(String unit, List<Stored> stored, List<Local> local, Confirmation confirm, Status status) {
    }

    private final UnitSession session;
    private final ModelState<State> state;
    private final Tasks tasks;

    public ProfilesModel(UnitSession session, ModelThreads threads) {
        this.session = session;
        this.state = new ModelState<>(new State(null, List.of(), List.of(), null, Status.IDLE), threads);
        this.tasks = new Tasks(threads, change -> state.update(s -> new State(s.unit(), s.stored(), s.local(),
                s.confirm(), change.apply(s.status()))));
        session.listen(this::followSession);
        followSession();
    }

    public ModelState<State> state() {
        return state;
    }

    /** Asks the unit for its profiles again. */
    public void refresh() {
        onUnit("Asking " + unitName() + " for its profiles...", () -> {
            session.refreshState();
            return null;
        });
    }

    /** Has the unit play a stored profile. */
    public void select(String id) {
        onUnit("Switching " + unitName() + " to " + id + "...", () -> {
            session.ask(new Command.SelectProfile(id));
            session.refreshState();
            return unitName() + " now plays " + id + ".";
        });
    }

    /** Asks for confirmation before deleting a stored profile. */
    public void askDelete(String id) {
        Stored s = state.get().stored().stream().filter(p -> p.id().equals(id)).findFirst().orElse(null);
        if (s == null) {
            fail(id + " is not stored on " + unitName() + ".");
            return;
        }
        if (s.playing()) {
            fail(id + " is playing; select another profile before deleting it.");
            return;
        }
        Confirmation c = new Confirmation(id, "Delete \"" + s.name() + "\" (" + id + ") from " + unitName()
                + "? It cannot be undone; a copy on this computer stays.", "Delete");
        state.update(x -> new State(x.unit(), x.stored(), x.local(), c, Status.IDLE));
    }

    /** Goes ahead with the delete the confirmation asked about. */
    public void confirmDelete() {
        Confirmation c = state.get().confirm();
        if (c == null) {
            return;
        }
        state.update(x -> new State(x.unit(), x.stored(), x.local(), null, x.status()));
        onUnit("Deleting " + c.profileId() + " from " + unitName() + "...", () -> {
            session.askSigned(new Command.DeleteProfile(c.profileId()));
            session.refreshState();
            return "Deleted " + c.profileId() + " from " + unitName() + ".";
        });
    }

    /** Drops the question; nothing is deleted. */
    public void keep() {
        state.update(x -> new State(x.unit(), x.stored(), x.local(), null, x.status()));
    }

    /** Opens a profile file, checked as the unit will check it, under the id its name gives. */
    public void open(Path file) {
        tasks.start("Opening " + file.getFileName() + "...", false, () -> {
            Profile profile = ProfilePush.read(file);
            String id = unique(ProfilePush.defaultId(file));
            checkId(id, profile);
            addLocal(new Local(id, profile, file));
            return "Opened \"" + profile.name() + "\" as " + id + ".";
        });
    }

    /** Gives a local profile another name (what the driver sees) and the id it will be stored under. */
    public void rename(String id, String newId, String newName) {
        Local l = local(id);
        if (l == null) {
            return;
        }
        try {
            Profile renamed = new Profile(l.profile().format(), newName == null ? "" : newName.strip(),
                    l.profile().sampleRate(), l.profile().inputs(), l.profile().bus(), l.profile().outputs());
            ProfileValidator.validate(renamed);
            String target = newId == null ? "" : newId.strip();
            checkId(target, renamed);
            if (!target.equals(id) && local(target, false) != null) {
                throw new Failure("id " + target + " is taken by another profile here");
            }
            replaceLocal(id, new Local(target, renamed, l.file()));
            state.update(x -> new State(x.unit(), x.stored(), x.local(), x.confirm(),
                    Status.done("Renamed to \"" + renamed.name() + "\" (" + target + ").")));
        } catch (ProfileException e) {
            fail(String.join("; ", e.problems()));
        } catch (Failure e) {
            fail(e.getMessage());
        }
    }

    /** Makes a copy of a local profile under a new id and name, e.g. to tune a variant of it. */
    public void duplicate(String id) {
        Local l = local(id);
        if (l == null) {
            return;
        }
        String copyId = unique(id + "-copy");
        String name = l.profile().name() + " copy";
        Profile p = l.profile();
        Profile copy = new Profile(p.format(), name.length() > 64 ? name.substring(0, 64) : name, p.sampleRate(),
                p.inputs(), p.bus(), p.outputs());
        addLocal(new Local(copyId, copy, null));
        state.update(x -> new State(x.unit(), x.stored(), x.local(), x.confirm(),
                Status.done("Copied " + id + " to " + copyId + ".")));
    }

    /** Writes a local profile to {@code file}. */
    public void save(String id, Path file) {
        Local l = local(id);
        if (l == null) {
            return;
        }
        tasks.start("Saving " + id + "...", false, () -> {
            try {
                ProfileWriter.write(l.profile(), file);
            } catch (ProfileException e) {
                throw new Failure(String.join("; ", e.problems()), e);
            } catch (IOException e) {
                throw new Failure("cannot write " + file + ": " + e.getMessage(), e);
            }
            replaceLocal(id, new Local(id, l.profile(), file));
            return "Saved " + id + " to " + file + ".";
        });
    }

    /** Forgets a local profile (its file stays). */
    public void close(String id) {
        state.update(x -> new State(x.unit(), x.stored(), x.local().stream().filter(l -> !l.id().equals(id)).toList(),
                x.confirm(), x.status()));
    }

    /**
     * Stores a local profile on the unit under its id, signed with the installer key, and plays
     * it when {@code play}. A profile of that id on the unit is replaced.
     */
    public void push(String id, boolean play) {
        Local l = local(id);
        if (l == null) {
            return;
        }
        onUnit("Storing " + id + " on " + unitName() + " (signed)...", () -> {
            session.push(ProfilePush.command(l.id(), l.profile(), "profile id: "), play);
            session.refreshState();
            return "Stored \"" + l.profile().name() + "\" as " + id + " on " + unitName()
                    + (play ? "; it plays now." : ".");
        });
    }

    private void onUnit(String what, Tasks.Work work) {
        if (!session.connected()) {
            fail("Connect to a head unit first.");
            return;
        }
        tasks.start(what, false, work);
    }

    private void followSession() {
        Reply.State unitState = session.state();
        Reply.Info info = session.info();
        List<Stored> stored = new ArrayList<>();
        if (unitState != null) {
            for (Reply.ProfileEntry e : unitState.profiles()) {
                stored.add(new Stored(e.id(), e.name(), e.id().equals(unitState.activeProfile())));
            }
        }
        state.update(x -> new State(info == null ? null : info.unitId(), List.copyOf(stored), x.local(),
                info == null ? null : x.confirm(), x.status()));
    }

    private String unitName() {
        Reply.Info info = session.info();
        return info == null ? "the unit" : info.unitId();
    }

    private Local local(String id) {
        return local(id, true);
    }

    private Local local(String id, boolean complain) {
        Local l = state.get().local().stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (l == null && complain) {
            fail("no profile " + id + " is open here");
        }
        return l;
    }

    private void addLocal(Local l) {
        state.update(x -> {
            List<Local> all = new ArrayList<>(x.local());
            all.add(l);
            return new State(x.unit(), x.stored(), List.copyOf(all), x.confirm(), x.status());
        });
    }

    private void replaceLocal(String id, Local l) {
        state.update(x -> new State(x.unit(), x.stored(), x.local().stream().map(y -> y.id().equals(id) ? l : y)
                .toList(), x.confirm(), x.status()));
    }

    /** {@code id}, or {@code id-2}, {@code id-3}... if a local profile has it. */
    private String unique(String id) {
        String candidate = id;
        for (int n = 2; local(candidate, false) != null; n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    /** Refuses an id the protocol would refuse, saying why, before anything is sent. */
    private static void checkId(String id, Profile profile) {
        ProfilePush.command(id, profile, "profile id: ");
    }

    private void fail(String message) {
        state.update(x -> new State(x.unit(), x.stored(), x.local(), x.confirm(), Status.failed(message)));
    }
}
