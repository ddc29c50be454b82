package org.cabintune.hu.audition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class MatchProgressTest {

    @Test
    void aReplacedMatchStillRunningCannotWriteOverItsSuccessor() {
        MatchProgress progress = new MatchProgress();
        assertEquals(0, progress.fraction());
        progress.begin(1);
        progress.report(1, 0.7);
        assertEquals(0.7, progress.fraction(), 1e-6);
        progress.begin(2);
        assertEquals(0, progress.fraction(), "a new match starts at nothing done");
        progress.report(1, 0.8);
        assertEquals(0, progress.fraction(), "the replaced match's report is dropped");
        progress.report(2, 0.25);
        assertEquals(0.25, progress.fraction(), 1e-6);
        progress.report(2, 1);
        assertEquals(1, progress.fraction());
    }

    /** A stale match reporting as fast as it can, while new matches begin: none of its reports shows. */
    @Test
    void reportsRacingABeginNeverShowTheStaleMatch() throws InterruptedException {
        MatchProgress progress = new MatchProgress();
        progress.begin(1);
        CountDownLatch running = new CountDownLatch(1);
        Thread stale = Thread.ofPlatform().start(() -> {
            running.countDown();
            for (int i = 0; i < 2_000_000; i++) {
                progress.report(1, 0.5);
            }
        });
        running.await();
        for (int number = 2; number < 20_000; number++) {
            progress.begin(number);
            assertEquals(0, progress.fraction(), "match " + number + " just began");
        }
        stale.join();
        assertEquals(0, progress.fraction());
    }
}
