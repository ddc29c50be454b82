package org.cabintune.hu.engine;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Linux scheduling for a Java audio process, through the FFM API.
 *
 * <p>{@link #raiseCurrentThread} puts the audio thread in the SCHED_FIFO class: it runs as soon
 * as it wakes, before every ordinary thread, which is how pro-audio daemons meet millisecond
 * deadlines on a general-purpose kernel.
 *
 * <p>That is not enough in a JVM. At every safepoint (a collector pause, a deoptimisation) the
 * audio thread waits until every other Java thread has reached the safepoint and the VM thread
 * has done its work; if those ordinary threads are starved by other processes, the audio thread
 * waits with them. {@link #reniceProcess} therefore gives every thread of the JVM a higher
 * CFS weight (threads created later inherit it), so they are not starved, without taking them
 * out of the fair class.
 *
 * <p>Both need privileges: CAP_SYS_NICE, or in a systemd unit {@code LimitRTPRIO=} and
 * {@code LimitNICE=} (or {@code Nice=} and {@code CPUSchedulingPolicy=} on the service). Without
 * them nothing changes and the methods say why.
 */
public final class RealtimeScheduling {

    private static final int SCHED_FIFO = 1;
    private static final int PRIO_PROCESS = 0;
    private static final int EPERM = 1;
    private static final int EACCES = 13;
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    private RealtimeScheduling() {
    }

    /**
     * Puts the calling thread in SCHED_FIFO at {@code priority} (1..99), via
     * {@code sched_setscheduler(0, ...)}, where 0 is the calling thread.
     *
     * @return null on success, otherwise why not, for a one-line warning
     */
    public static String raiseCurrentThread(int priority) {
        if (priority < 1 || priority > 99) {
            throw new IllegalArgumentException("priority = " + priority + " is outside 1..99");
        }
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle call = downcall("sched_setscheduler", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS));
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) call.invokeExact(state, 0, SCHED_FIFO, arena.allocateFrom(JAVA_INT, priority));
            return rc == 0 ? null : explain("SCHED_FIFO priority " + priority, (int) ERRNO.get(state, 0L));
        } catch (Throwable t) {
            return "sched_setscheduler could not be called: " + t;
        }
    }

    /**
     * Pins the calling thread to one CPU with {@code sched_setaffinity(0, ...)}, as an audio
     * thread is pinned to a core kept free of other work ({@code isolcpus=}).
     *
     * @return null on success, otherwise why not
     */
    public static String pinCurrentThread(int cpu) {
        if (cpu < 0 || cpu >= 1024) {
            throw new IllegalArgumentException("cpu = " + cpu + " is outside 0..1023");
        }
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle call = downcall("sched_setaffinity", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS));
            MemorySegment state = arena.allocate(CALL_STATE);
            MemorySegment mask = arena.allocate(128);
            mask.set(JAVA_BYTE, cpu / 8, (byte) (1 << (cpu % 8)));
            int rc = (int) call.invokeExact(state, 0, 128L, mask);
            return rc == 0 ? null : explain("CPU " + cpu, (int) ERRNO.get(state, 0L));
        } catch (Throwable t) {
            return "sched_setaffinity could not be called: " + t;
        }
    }

    /**
     * Sets the nice value of every thread of this process to {@code nice} (-20..19), via
     * {@code setpriority(PRIO_PROCESS, tid, nice)} for each task in {@code /proc/self/task}.
     *
     * @return null on success, otherwise why not (the first failure)
     */
    public static String reniceProcess(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice = " + nice + " is outside -20..19");
        }
        List<Integer> tids;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tids = tasks.map(p -> Integer.parseInt(p.getFileName().toString())).toList();
        } catch (IOException | RuntimeException e) {
            return "the threads of this process cannot be listed: " + e.getMessage();
        }
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle call = downcall("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
            MemorySegment state = arena.allocate(CALL_STATE);
            for (int tid : tids) {
                int rc = (int) call.invokeExact(state, PRIO_PROCESS, tid, nice);
                int errno = (int) ERRNO.get(state, 0L);
                // A thread that ended since the listing (ESRCH) is no failure.
                if (rc != 0 && errno != 3) {
                    return explain("nice " + nice, errno);
                }
            }
            return null;
        } catch (Throwable t) {
            return "setpriority could not be called: " + t;
        }
    }

    /**
     * Sets the nice value of the calling thread alone to {@code nice} (-20..19), via
     * {@code setpriority(PRIO_PROCESS, 0, nice)}: on Linux the nice value is a thread's, and 0
     * names the caller. Raising it (a background thread giving way) needs no privilege.
     *
     * @return null on success, otherwise why not
     */
    public static String niceCurrentThread(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("nice = " + nice + " is outside -20..19");
        }
        try (Arena arena = Arena.ofConfined()) {
            MethodHandle call = downcall("setpriority", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
            MemorySegment state = arena.allocate(CALL_STATE);
            int rc = (int) call.invokeExact(state, PRIO_PROCESS, 0, nice);
            return rc == 0 ? null : explain("nice " + nice, (int) ERRNO.get(state, 0L));
        } catch (Throwable t) {
            return "setpriority could not be called: " + t;
        }
    }

    private static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        MemorySegment symbol = linker.defaultLookup().find(name)
                .orElseThrow(() -> new UnsupportedOperationException(name + " is not available on this system"));
        return linker.downcallHandle(symbol, descriptor, Linker.Option.captureCallState("errno"));
    }

    private static String explain(String what, int errno) {
        return errno == EPERM || errno == EACCES
                ? what + " not permitted (needs CAP_SYS_NICE, or LimitRTPRIO=/LimitNICE= for the service)"
                : what + " failed with errno " + errno;
    }
}
