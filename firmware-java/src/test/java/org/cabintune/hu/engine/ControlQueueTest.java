package org.cabintune.hu.engine;

import org.cabintune.dsp.testing.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControlQueueTest {

    private record Received(Control command, long a, long b) {
    }

    @Test
    void deliversCommandsInOrderWithTheirArguments() {
        ControlQueue queue = new ControlQueue(8);
        assertTrue(queue.offer(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(-12.5), 0));
        assertTrue(queue.offer(Control.LOOP, 480, 96000));
        assertTrue(queue.offer(Control.MUTE, 0, 0));
        List<Received> got = new ArrayList<>();
        assertEquals(3, queue.drain((c, a, b) -> got.add(new Received(c, a, b)), 100));
        assertEquals(List.of(new Received(Control.SET_VOLUME_DB, Double.doubleToRawLongBits(-12.5), 0),
                new Received(Control.LOOP, 480, 96000), new Received(Control.MUTE, 0, 0)), got);
        assertEquals(0, queue.drain((c, a, b) -> got.add(null), 100));
    }

    @Test
    void aFullQueueRefusesAndCountsInsteadOfBlocking() {
        ControlQueue queue = new ControlQueue(4);
        for (int i = 0; i < 4; i++) {
            assertTrue(queue.offer(Control.SEEK, i, 0));
        }
        assertFalse(queue.offer(Control.SEEK, 99, 0));
        assertEquals(1, queue.rejected());
        assertEquals(2, queue.drain((c, a, b) -> { }, 2));
        assertTrue(queue.offer(Control.SEEK, 4, 0));
        long[] seen = new long[8];
        int[] n = {0};
        queue.drain((c, a, b) -> seen[n[0]++] = a, 100);
        assertEquals(3, n[0]);
        assertEquals(2, seen[0]);
        assertEquals(4, seen[2]);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6, 100})
    void refusesCapacitiesThatAreNotPowersOfTwo(int capacity) {
        assertThrows(IllegalArgumentException.class, () -> new ControlQueue(capacity));
    }

    @Test
    void concurrentProducersLoseNothingAndKeepTheirOwnOrder() throws Exception {
        int producers = 3;
        int each = 20_000;
        ControlQueue queue = new ControlQueue(64);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    while (!queue.offer(Control.SEEK, id, i)) {
                        Thread.onSpinWait();
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long[] next = new long[producers];
        int[] total = {0};
        go.countDown();
        while (total[0] < producers * each) {
            queue.drain((c, a, b) -> {
                assertEquals(next[(int) a], b, "producer " + a + " out of order");
                next[(int) a]++;
                total[0]++;
            }, 64);
        }
        for (Thread t : threads) {
            t.join();
        }
        for (long n : next) {
            assertEquals(each, n);
        }
    }

    @Test
    void offeringAndDrainingAllocateNothing() {
        ControlQueue queue = new ControlQueue(16);
        ControlQueue.Handler handler = (c, a, b) -> { };
        assertEquals(0, Allocation.bytesAllocatedBy(() -> {
            queue.offer(Control.SET_VOLUME_DB, 1, 2);
            queue.offer(Control.PAUSE, 0, 0);
            queue.drain(handler, 16);
        }, 20_000));
    }
}
