package org.cabintune.hu.audition;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.cabintune.hu.engine.SwitchableSource;
import org.cabintune.link.command.PortException;
import org.cabintune.link.protocol.ErrorCode;

/**
 * A change of what the engine's {@link SwitchableSource} plays, made from a command's thread:
 * published, then waited for until the audio thread has taken it. A master, a test signal and
 * the programme all take their turn this way.
 */
public final class SourceSwitch {

    /** How long the audio thread gets to take a switch: a stream that runs takes it in a block. */
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(2);

    private SourceSwitch() {
    }

    /**
     * Runs {@code change} and waits until {@code taken} holds, at most 2 s.
     *
     * @param what what now plays, for the error: "the master", "the programme", ...
     * @throws PortException INTERNAL when the audio thread does not take it in time (the stream
     *     is not running) or the wait is interrupted
     */
    public static void await(Runnable change, BooleanSupplier taken, String what) throws PortException {
        change.run();
        try {
            if (!SwitchableSource.await(taken, TIMEOUT_NANOS)) {
                throw new PortException(ErrorCode.INTERNAL, "the audio thread did not switch to " + what
                        + " within 2 s; is the stream running?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortException(ErrorCode.INTERNAL, "interrupted while the source switched to " + what);
        }
    }
}
