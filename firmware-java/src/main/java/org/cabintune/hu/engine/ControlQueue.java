package org.cabintune.hu.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded multi-producer, single-consumer queue of primitive-encoded {@link Control}
 * commands: the only way control threads (MQTT, serial, GPIO, CLI) reach the audio thread.
 *
 * <p>The algorithm is Dmitry Vyukov's bounded queue: every slot carries a sequence number;
 * a producer claims a slot with one CAS on the tail, writes the payload into parallel
 * primitive arrays and publishes it with a release store of the slot's sequence; the single
 * consumer reads a slot once its sequence says it is full, then hands the slot back with
 * another release store. Nothing is allocated on either side, no thread ever waits for
 * another, and a full queue refuses the command ({@link #offer} returns false) instead of
 * blocking. The consumer side, {@link #drain}, is wait-free.
 */
public final class ControlQueue {

    /** Receives drained commands on the audio thread. */
    public interface Handler {
        /** One command and its two arguments. */
        void onCommand(Control command, long a, long b);
    }

    /**
     * Slot sequences through a VarHandle rather than an AtomicLongArray: that class carries a
     * string constant, which the audio thread would allocate when it first has its code
     * compiled (see {@link Checks}).
     */
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);

    private final int mask;
    private final long[] sequence;
    private final int[] commands;
    private final long[] first;
    private final long[] second;
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    /** Next slot to read; the consumer's alone. */
    private long head;

    /** @param capacity slots, a power of two from 2 to 2^20 */
    public ControlQueue(int capacity) {
        Checks.queueCapacity(capacity);
        mask = capacity - 1;
        sequence = new long[capacity];
        for (int i = 0; i < capacity; i++) {
            sequence[i] = i;
        }
        VarHandle.releaseFence();
        commands = new int[capacity];
        first = new long[capacity];
        second = new long[capacity];
    }

    /** Slots in the queue. */
    public int capacity() {
        return mask + 1;
    }

    /**
     * Queues a command; any thread but the consumer's. Returns false, and counts it, when the
     * queue is full: the caller decides whether to retry or report.
     */
    public boolean offer(Control command, long a, long b) {
        long position = tail.get();
        while (true) {
            int slot = (int) position & mask;
            long difference = (long) SEQUENCE.getAcquire(sequence, slot) - position;
            if (difference == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    commands[slot] = command.ordinal();
                    first[slot] = a;
                    second[slot] = b;
                    SEQUENCE.setRelease(sequence, slot, position + 1);
                    return true;
                }
                position = tail.get();
            } else if (difference < 0) {
                rejected.incrementAndGet();
                return false;
            } else {
                position = tail.get();
            }
        }
    }

    /**
     * Hands at most {@code limit} queued commands, oldest first, to {@code handler} and returns
     * how many. The consumer thread only.
     */
    public int drain(Handler handler, int limit) {
        int done = 0;
        while (done < limit) {
            int slot = (int) head & mask;
            if ((long) SEQUENCE.getAcquire(sequence, slot) != head + 1) {
                break;
            }
            Control command = Control.of(commands[slot]);
            long a = first[slot];
            long b = second[slot];
            SEQUENCE.setRelease(sequence, slot, head + mask + 1);
            head++;
            done++;
            handler.onCommand(command, a, b);
        }
        return done;
    }

    /** Commands refused because the queue was full, since creation. */
    public long rejected() {
        return rejected.get();
    }
}
