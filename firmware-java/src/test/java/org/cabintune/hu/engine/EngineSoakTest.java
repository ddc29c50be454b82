package org.cabintune.hu.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The paced soak of {@link Soak}, 5 s long. The full 60 s run is {@link EngineSoak60sTest}.
 *
 * <p>Opt-in ({@code -Dcabintune.soak=true}) like the 60 s run: on a shared two-vCPU virtual
 * machine the host takes the CPU away for milliseconds at a time, and a rare miss the
 * latency probe cannot attribute (a JVM safepoint is the suspect) makes the default suite
 * fail by chance. The zero-miss bar is for a quiet head unit; see docs/engine.md.
 */
@EnabledIfSystemProperty(named = "cabintune.soak", matches = "true")
class EngineSoakTest {

    @Test
    void fiveSecondsOfSixtyFourFramePeriodsMissNoDeadlineAndAllocateNothing() throws Exception {
        Soak.Result result = Soak.run(5);
        System.out.println(result.summary());
        Soak.check(result);
    }
}
