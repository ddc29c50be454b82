"""An independent real-time probe for the engine soak (after cyclictest).

Runs in its own process, pinned to the audio thread's CPU at a higher SCHED_FIFO priority,
and wakes every millisecond. When it wakes late the CPU itself was unavailable: the host took
the virtual CPU, or the kernel ran something above both. Being outside the JVM it never waits
at a safepoint, so a JVM pause never shows here.

Arguments: cpu priority seconds threshold_ns. Prints one summary line, then one line per late
wake: "<CLOCK_MONOTONIC ns at wake> <lateness ns>".
"""
import os
import sys
import time

cpu, priority, seconds, threshold = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
os.sched_setaffinity(0, {cpu})
try:
    os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(priority))
    realtime = 1
except PermissionError:
    realtime = 0
period = 1_000_000
end = time.monotonic_ns() + int(seconds * 1e9)
due = time.monotonic_ns() + period
stalls = []
wakes = 0
worst = 0
print("ready", flush=True)
while due < end:
    now = time.monotonic_ns()
    if due > now:
        time.sleep((due - now) / 1e9)
    now = time.monotonic_ns()
    late = now - due
    wakes += 1
    worst = max(worst, late)
    if late > threshold:
        stalls.append((now, late))
    due += period
    if due < now:
        due = now + period
print(f"probe realtime={realtime} wakes={wakes} worst={worst}")
for at, late in stalls:
    print(at, late)
