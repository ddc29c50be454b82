package org.cabintune.hu.engine;

import org.junit.jupiter.api.Test;

/**
 * The paced soak of {@link Soak}, 5 s long so the default suite stays short. The full 60 s
 * run is {@link EngineSoak60sTest}.
 */
class EngineSoakTest {

    @Test
    void fiveSecondsOfSixtyFourFramePeriodsMissNoDeadlineAndAllocateNothing() throws Exception {
        Soak.Result result = Soak.run(5);
        System.out.println(result.summary());
        Soak.check(result);
    }
}
