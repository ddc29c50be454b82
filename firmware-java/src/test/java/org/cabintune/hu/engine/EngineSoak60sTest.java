package org.cabintune.hu.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The 60 s paced soak: 64-frame periods under control traffic, graph swaps and collector
 * pressure, zero deadline misses. Runs only when asked, so the default suite stays short:
 * {@code ./mvnw -B -q -pl firmware-java -am test -Dtest=EngineSoak60sTest -Dsurefire.failIfNoSpecifiedTests=false -Dcabintune.soak=true}.
 */
@EnabledIfSystemProperty(named = "cabintune.soak", matches = "true")
class EngineSoak60sTest {

    @Test
    void sixtySecondsOfSixtyFourFramePeriodsMissNoDeadlineAndAllocateNothing() throws Exception {
        Soak.Result result = Soak.run(60);
        System.out.println(result.summary());
        Soak.check(result);
    }
}
