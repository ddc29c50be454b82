package org.cabintune.hu.engine;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * Puts the calling thread in Linux's SCHED_FIFO class through {@code sched_setscheduler(0, ...)}
 * (pid 0 is the calling thread). An audio thread in SCHED_FIFO runs as soon as it wakes,
 * before every ordinary thread (compilers, the garbage collector's concurrent work, other
 * programs), which is how pro-audio daemons meet millisecond deadlines on a general-purpose
 * kernel. It needs CAP_SYS_NICE or an {@code RLIMIT_RTPRIO} at least the priority (systemd:
 * {@code LimitRTPRIO=}); without either the thread simply stays in the normal class.
 */
final class RealtimeScheduling {

    private static final int SCHED_FIFO = 1;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(
            java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));

    private RealtimeScheduling() {
    }

    /**
     * Raises the calling thread to SCHED_FIFO at {@code priority} (1..99).
     *
     * @return null on success, otherwise why not (for a one-line warning)
     */
    static String raise(int priority) {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MemorySegment symbol = linker.defaultLookup().find("sched_setscheduler").orElse(null);
            if (symbol == null) {
                return "sched_setscheduler is not available on this system";
            }
            MethodHandle call = linker.downcallHandle(symbol,
                    FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS),
                    Linker.Option.captureCallState("errno"));
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment param = arena.allocateFrom(JAVA_INT, priority);
            int rc = (int) call.invokeExact(state, 0, SCHED_FIFO, param);
            if (rc == 0) {
                return null;
            }
            int errno = (int) ERRNO.get(state, 0L);
            return errno == 1
                    ? "not permitted (needs CAP_SYS_NICE or LimitRTPRIO=" + priority + ")"
                    : "sched_setscheduler failed with errno " + errno;
        } catch (Throwable t) {
            return "sched_setscheduler could not be called: " + t;
        }
    }
}
