package org.cabintune.tuner.ui.eq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.event.InputEvent;
import java.awt.event.MouseEvent;
import java.awt.event.MouseWheelEvent;
import java.awt.event.MouseWheelListener;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.cabintune.dsp.profile.FilterSpec;
import org.cabintune.tuner.measure.LogGrid;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EQ plot's handles under the mouse, with events as the window would deliver them (no screen needed). */
class EqChartTest {

    private EqEditorModel model;
    private EqChart chart;

    @BeforeEach
    void draw() {
        double[] hz = LogGrid.of(20, 20_000, 48);
        model = new EqEditorModel(new EqEditorModel.Setup("test", 48_000, hz, new double[hz.length], new double[hz.length],
                20, 16_000, List.of(), null, "test"), List.of(new FilterSpec.Peaking(1000, 2, -3)));
        chart = new EqChart(new EqChart.Handles() {
            @Override
            public void selected(int index) {
            }

            @Override
            public void moved(int index, double freqHz, double gainDb) {
                model.move(index, freqHz, gainDb);
            }

            @Override
            public void qScaled(int index, double factor) {
                model.scaleQ(index, factor);
            }
        });
        chart.setSize(1200, 700);
        chart.show(model);
        paint();
    }

    /** Lays the chart out as a paint does, so screen and value positions agree. */
    private void paint() {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        chart.paint(g);
        g.dispose();
    }

    private MouseEvent mouse(int id, Point2D at, int modifiers) {
        return new MouseEvent(chart, id, 0, modifiers, (int) Math.round(at.getX()), (int) Math.round(at.getY()), 1, false,
                MouseEvent.BUTTON1);
    }

    @Test
    void draggingAHandleMovesItsFilter() {
        Point2D handle = chart.toScreen(1000, -3, 1);
        assertEquals(0, chart.hit(handle));
        chart.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, handle, InputEvent.BUTTON1_DOWN_MASK));
        chart.mouseDragged(mouse(MouseEvent.MOUSE_DRAGGED, chart.toScreen(2000, -6, 1), InputEvent.BUTTON1_DOWN_MASK));
        chart.mouseReleased(mouse(MouseEvent.MOUSE_RELEASED, chart.toScreen(2000, -6, 1), 0));
        EqBand moved = model.bands().getFirst();
        assertEquals(2000, moved.freqHz(), 2000 * 0.01, "within a pixel's worth of frequency");
        assertEquals(-6, moved.gainDb(), 0.15);
        assertEquals(2, moved.q(), 0, "a plain drag keeps Q");
    }

    @Test
    void theWheelOverAHandleChangesItsQ() {
        Point2D handle = chart.toScreen(1000, -3, 1);
        MouseWheelEvent up = new MouseWheelEvent(chart, MouseEvent.MOUSE_WHEEL, 0, 0, (int) handle.getX(), (int) handle.getY(),
                0, false, MouseWheelEvent.WHEEL_UNIT_SCROLL, 1, -1);
        for (MouseWheelListener l : chart.getMouseWheelListeners()) {
            l.mouseWheelMoved(up);
        }
        assertEquals(2 * EqChart.Q_STEP, model.bands().getFirst().q(), 1e-9);
    }

    @Test
    void shiftDragChangesQAndPressingElsewhereMovesNothing() {
        Point2D handle = chart.toScreen(1000, -3, 1);
        chart.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, handle, InputEvent.BUTTON1_DOWN_MASK));
        Point2D above = new Point2D.Double(handle.getX(), handle.getY() - 40);
        chart.mouseDragged(mouse(MouseEvent.MOUSE_DRAGGED, above, InputEvent.BUTTON1_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        chart.mouseReleased(mouse(MouseEvent.MOUSE_RELEASED, above, 0));
        EqBand b = model.bands().getFirst();
        assertEquals(1000, b.freqHz());
        assertEquals(-3, b.gainDb());
        assertEquals(2 * Math.pow(EqChart.Q_STEP, 40 / 8.0), b.q(), 1e-6, "up 40 pixels: Q times 1.1^5");
        Point2D away = chart.toScreen(100, 6, 1);
        assertEquals(-1, chart.hit(away));
        List<EqBand> before = model.bands();
        chart.mousePressed(mouse(MouseEvent.MOUSE_PRESSED, away, InputEvent.BUTTON1_DOWN_MASK));
        chart.mouseReleased(mouse(MouseEvent.MOUSE_RELEASED, away, 0));
        assertEquals(before, model.bands());
        assertTrue(chart.shown().size() == 3, "measured, target and predicted on the left axis");
    }
}
