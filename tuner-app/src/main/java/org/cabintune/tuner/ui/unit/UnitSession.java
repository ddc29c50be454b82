package org.cabintune.tuner.ui.unit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.cabintune.link.protocol.Command;
import org.cabintune.link.protocol.Envelope;
import org.cabintune.link.protocol.Reply;
import org.cabintune.link.security.InstallerKey;
import org.cabintune.tuner.audition.AuditionSession;
import org.cabintune.tuner.calibrate.HeadUnit;
import org.cabintune.tuner.unit.Failure;
import org.cabintune.tuner.unit.InstallerKeyFile;
import org.cabintune.tuner.unit.LinkHeadUnit;
import org.cabintune.tuner.unit.LinkOptions;
import org.cabintune.tuner.unit.ProfilePush;
import org.cabintune.tuner.unit.UnitLink;

/**
 * The head unit the desktop tuner works with, shared by its panels: the connection the connect
 * panel opened, what the unit said it is, its latest state (asked for, or sent by the unit),
 * and the installer key that signs what needs it. One session per window; a new connection
 * replaces the old one.
 *
 * <p>Thread-safe. Its methods block on the link: call them from background threads (the view
 * models do). Listeners are told of changes on whichever thread made them.
 */
public final class UnitSession implements AutoCloseable {

    /**
     * One open connection.
     *
     * @param link the conversation with the unit
     * @param info what the unit said it is
     * @param via  over what it is reached, for people ("over MQTT tcp://car.local:1883")
     */
    record Connection(UnitLink link, Reply.Info info, String via) {
    }

    private final Path configDir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Envelope>> subscribers = new CopyOnWriteArrayList<>();
    private volatile Connection connection;
    private volatile Reply.State state;
    private InstallerKey key;

    /** @param configDir where the installer key is kept; null for the user's config directory */
    public UnitSession(Path configDir) {
        this.configDir = configDir;
    }

    /** A session using the installer key of the user's config directory. */
    public UnitSession() {
        this(null);
    }

    /**
     * Connects to a unit (closing the connection there was), asks what it is and what it plays.
     *
     * @param unitId the unit's id; required over MQTT, null over the cable (whichever unit is on it)
     */
    public Reply.Info connect(LinkOptions options, String unitId) {
        disconnect();
        UnitLink link = UnitLink.open(options, unitId, this::unsolicited);
        try {
            Reply.Info info = link.ask(new Command.Hello("cabintune desktop tuner"), Reply.Info.class);
            Reply.State now = link.ask(new Command.GetState(), Reply.State.class);
            synchronized (this) {
                connection = new Connection(link, info, options.describe());
                state = now;
            }
            changed();
            return info;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** Closes the connection, if there is one. */
    public void disconnect() {
        Connection old;
        synchronized (this) {
            old = connection;
            connection = null;
            state = null;
        }
        if (old != null) {
            old.link().close();
            changed();
        }
    }

    /** Whether a unit is connected. */
    public boolean connected() {
        return connection != null;
    }

    /** What the connected unit said it is, or null. */
    public Reply.Info info() {
        Connection c = connection;
        return c == null ? null : c.info();
    }

    /** The connected unit's latest state, or null. */
    public Reply.State state() {
        return state;
    }

    /** Over what the unit is reached, for people, or null. */
    public String via() {
        Connection c = connection;
        return c == null ? null : c.via();
    }

    /** Sends a driver's command and returns the reply; fails when no unit is connected. */
    public Reply ask(Command command) {
        return open().link().ask(command);
    }

    /** The reply to a driver's command, which must be of {@code type}. */
    public <T extends Reply> T ask(Command command, Class<T> type) {
        return open().link().ask(command, type);
    }

    /** Sends an installer's command, signed with the installer key. */
    public Reply askSigned(Command command) {
        Connection c = open();
        return c.link().ask(command, key());
    }

    /** Stores a profile on the unit, signed with the installer key, and plays it when {@code select}. */
    public void push(Command.PutProfile command, boolean select) {
        Connection c = open();
        ProfilePush.store(c.link(), command, key(), select);
    }

    /** Asks the unit for its state, keeps it and returns it. */
    public Reply.State refreshState() {
        Reply.State now = ask(new Command.GetState(), Reply.State.class);
        state = now;
        changed();
        return now;
    }

    /**
     * The connected unit as the calibration loop drives it, over this session's connection
     * (closing it leaves the connection open).
     */
    public HeadUnit headUnit() {
        Connection c = open();
        return LinkHeadUnit.borrowing(c.link(), c.info(), key());
    }

    /**
     * The connected unit's audition ({@code docs/audition.md}), over this session's connection
     * (closing it leaves the connection open).
     */
    public AuditionSession audition() {
        Connection c = open();
        return AuditionSession.borrowing(c.link(), c.info().outputs());
    }

    /** The installer key, loaded once from the config directory. */
    public synchronized InstallerKey key() {
        if (key == null) {
            key = InstallerKeyFile.load(InstallerKeyFile.directory(configDir)).key();
        }
        return key;
    }

    /** Tells {@code listener} when the connection or the unit's state changes. */
    public void listen(Runnable listener) {
        listeners.add(listener);
    }

    /** Gives {@code subscriber} what the unit sends unasked (meters, state, events) until it is removed. */
    public Runnable subscribe(Consumer<Envelope> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void close() {
        disconnect();
    }

    private Connection open() {
        Connection c = connection;
        if (c == null) {
            throw new Failure("no head unit is connected; connect to one first");
        }
        return c;
    }

    private void unsolicited(Envelope message) {
        if (message.body() instanceof Reply.State now && connection != null) {
            state = now;
            changed();
        }
        for (Consumer<Envelope> s : subscribers) {
            s.accept(message);
        }
    }

    private void changed() {
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
