package org.cabintune.hu.controls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The volume knob on Pi4J's mock digital inputs: quadrature sequences at different speeds, in
 * both directions, with contact bounce and with a missed edge.
 */
class EncoderTest extends OnDacPlusBoard {

    private static final String A = Controls.ENCODER_A;
    private static final String B = Controls.ENCODER_B;

    /**
     * {@code detents} detents from rest (A = B = high), one every {@code msPerDetent}, its four
     * edges evenly spaced. Clockwise (A leads): A falls, B falls, A rises, B rises.
     */
    private void turn(int detents, boolean clockwise, double msPerDetent) {
        String first = clockwise ? A : B;
        String second = clockwise ? B : A;
        for (int d = 0; d < detents; d++) {
            rig.set(first, false, msPerDetent / 4);
            rig.set(second, false, msPerDetent / 4);
            rig.set(first, true, msPerDetent / 4);
            rig.set(second, true, msPerDetent / 4);
        }
    }

    private List<Double> volumeSteps() {
        List<Double> steps = new ArrayList<>();
        for (ControlsRig.Event e : rig.events("volume ")) {
            steps.add(Double.parseDouble(e.what().substring(7)));
        }
        return steps;
    }

    @ParameterizedTest(name = "a detent every {0} ms: {1} dB each after the first")
    @CsvSource({"400, 0.5", "120, 0.5", "100, 0.5", "60, 1.0", "40, 1.5", "30, 2.0", "20, 3.0", "15, 4.0", "8, 4.0"})
    void fasterTurnsTakeBiggerSteps(double msPerDetent, double step) {
        turn(6, true, msPerDetent);
        List<Double> expected = new ArrayList<>(Collections.nCopies(6, step));
        expected.set(0, VolumeCurve.BASE_STEP_DB);
        assertEquals(expected, volumeSteps());
    }

    @Test
    void anticlockwiseTurnsItDown() {
        turn(3, false, 30);
        assertEquals(List.of(-0.5, -2.0, -2.0), volumeSteps());
    }

    @Test
    void aReversalStartsSlowAgain() {
        turn(4, true, 20);
        turn(2, false, 20);
        assertEquals(List.of(0.5, 3.0, 3.0, 3.0, -0.5, -3.0), volumeSteps());
    }

    @Test
    void aPauseStartsSlowAgain() {
        turn(2, true, 20);
        rig.clock.advanceMs(500);
        turn(2, true, 20);
        assertEquals(List.of(0.5, 3.0, 0.5, 3.0), volumeSteps());
    }

    @Test
    void contactBounceOnEveryEdgeCountsNothingExtra() {
        for (int d = 0; d < 5; d++) {
            for (String[] edge : new String[][]{{A, "0"}, {B, "0"}, {A, "1"}, {B, "1"}}) {
                boolean level = edge[1].equals("1");
                // Three bounces 0.2 ms apart before the contact settles.
                rig.set(edge[0], level, 0.2);
                rig.set(edge[0], !level, 0.2);
                rig.set(edge[0], level, 0.2);
                rig.set(edge[0], !level, 0.2);
                rig.set(edge[0], level, 50);
            }
        }
        assertEquals(List.of(0.5, 0.5, 0.5, 0.5, 0.5), volumeSteps());
    }

    @Test
    void aWobbleWithinOneDetentCountsNothing() {
        rig.set(A, false, 10);
        rig.set(B, false, 10);
        rig.set(B, true, 10);
        rig.set(A, true, 10);
        assertEquals(List.of(), volumeSteps());
    }

    @Test
    void aLostEdgeLosesThatDetentButNotTheNext() {
        // B's fall never arrives: A falls and rises, then B "rises" from where it was.
        rig.set(A, false, 10);
        rig.set(A, true, 10);
        rig.set(B, true, 10);
        assertEquals(List.of(), volumeSteps());
        turn(1, true, 200);
        assertEquals(List.of(0.5), volumeSteps());
    }
}
