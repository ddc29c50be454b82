package org.cabintune.tuner.unit;

import java.nio.file.Path;
import java.util.List;
import org.cabintune.dsp.profile.Profile;
import org.cabintune.dsp.sweep.SweepSpec;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.tuner.calibrate.HeadUnit;

/** A head unit over the link (MQTT or the cable), with the installer key that signs what needs it. */
public final class LinkHeadUnit implements HeadUnit {

    /** Silence after the stimulus before it would repeat: longer than anything waits for it. */
    static final double PAUSE_SECONDS = 30;

    private final UnitLink link;
    private final InstallerKey key;
    private final Reply.Info info;
    private final boolean ownsLink;

    private LinkHeadUnit(UnitLink link, InstallerKey key, Reply.Info info, boolean ownsLink) {
        this.link = link;
        this.key = key;
        this.info = info;
        this.ownsLink = ownsLink;
    }

    /**
     * The unit over a link that stays open after {@link #close} (the desktop tuner's connection,
     * which other panels use too).
     *
     * @param info what the unit said it is, answering {@code hello} on this link
     */
    public static LinkHeadUnit borrowing(UnitLink link, Reply.Info info, InstallerKey key) {
        return new LinkHeadUnit(link, key, info, false);
    }

    /** Connects and asks the unit what it is. */
    public static LinkHeadUnit open(LinkOptions options, String unitId, InstallerKey key) {
        UnitLink link = UnitLink.open(options, unitId, message -> { });
        try {
            Reply.Info info = link.ask(new Command.Hello("cabintune calibrate"), Reply.Info.class);
            return new LinkHeadUnit(link, key, info, true);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** Connects with the installer key of the tuner's configuration directory. */
    public static LinkHeadUnit open(LinkOptions options, UnitOption unit, ConfigDir config) {
        return open(options, unit.id, InstallerKeyFile.load(config.resolve()).key());
    }

    /**
     * Connects over MQTT with a key kept in {@code keyDir}, trying until {@code waitSeconds} have
     * passed (a unit that is still starting its broker).
     */
    public static LinkHeadUnit openMqtt(String url, String user, Path passwordFile, String unitId, Path keyDir,
                                        double waitSeconds) {
        InstallerKey key = InstallerKeyFile.load(keyDir).key();
        LinkOptions options = LinkOptions.mqtt(url, user, passwordFile, 10);
        long deadline = System.nanoTime() + (long) (waitSeconds * 1e9);
        while (true) {
            try {
                return open(options, unitId, key);
            } catch (Failure e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("interrupted while waiting for unit " + unitId, e);
            }
        }
    }

    /** Makes a new installer key in {@code dir} (for a unit of one's own, as the demo's) and returns its file. */
    public static Path newKey(Path dir, String label) {
        return InstallerKeyFile.create(dir, label, true).file();
    }

    @Override
    public String id() {
        return info.unitId();
    }

    @Override
    public int sampleRate() {
        return info.sampleRate();
    }

    @Override
    public List<String> outputs() {
        return info.outputs();
    }

    @Override
    public String activeProfile() {
        return link.ask(new Command.GetState(), Reply.State.class).activeProfile();
    }

    @Override
    public void install(String id, Profile profile) {
        link.ask(new Command.PutProfile(id, profile), key);
        link.ask(new Command.SelectProfile(id));
    }

    @Override
    public void select(String id) {
        link.ask(new Command.SelectProfile(id));
    }

    @Override
    public void playSweep(SweepSpec spec, List<Integer> outputs, int reference) {
        // A long pause: the stimulus plays once while it is recorded, then the tuner stops it.
        link.ask(Command.PlayTestSignal.stimulus(outputs, spec, reference, PAUSE_SECONDS, Command.Correction.ON), key);
    }

    /**
     * Plays pink noise at {@code rmsDbfs} RMS on {@code outputs} until stopped, through each
     * output's correction ({@code corrected}) or around it.
     */
    public void playPink(List<Integer> outputs, double rmsDbfs, boolean corrected) {
        link.ask(new Command.PlayTestSignal(outputs, new org.cabintune.link.protocol.TestSignal.Pink(), rmsDbfs,
                corrected ? Command.Correction.ON : Command.Correction.BYPASSED), key);
    }

    @Override
    public void stopSignal() {
        link.ask(new Command.StopTestSignal());
    }

    @Override
    public void close() {
        if (ownsLink) {
            link.close();
        }
    }
}
