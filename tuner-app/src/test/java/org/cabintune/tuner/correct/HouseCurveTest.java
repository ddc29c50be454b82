package org.cabintune.tuner.correct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HouseCurveTest {

    @TempDir
    Path dir;

    private static HouseCurve shipped(String name) throws IOException {
        return HouseCurve.read(Path.of("..", "calibration", "targets", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"car-default.txt", "flat.txt", "car-bright.txt"})
    void shippedCurvesRead(String name) throws IOException {
        HouseCurve c = shipped(name);
        assertTrue(c.hz().length >= 2);
    }

    @Test
    void carDefaultLiftsTheBassInsideThePreferredRangeAndRollsOffTheTop() throws IOException {
        HouseCurve c = shipped("car-default.txt");
        for (double f : new double[] {20, 40, 60}) {
            assertEquals(9, c.at(f), 1e-9, "bass shelf at " + f);
        }
        assertTrue(c.at(90) >= 6 && c.at(90) <= 13, "still inside +6 .. +13 dB at 90 Hz: " + c.at(90));
        assertEquals(0, c.at(200), 1e-9);
        assertEquals(0, c.at(1000), 1e-9);
        assertEquals(-3, c.at(20_000), 1e-9);
        for (int i = 1; i < c.hz().length; i++) {
            assertTrue(c.db()[i] <= c.db()[i - 1], "never rises: " + c.hz()[i]);
        }
    }

    @Test
    void interpolatesOverLogFrequencyAndHoldsTheEnds() {
        HouseCurve c = HouseCurve.parse("t", List.of("100 0", "400 6"));
        assertEquals(3, c.at(200), 1e-12, "200 Hz is half-way from 100 to 400 on a log scale");
        assertEquals(0, c.at(20), 1e-12);
        assertEquals(6, c.at(20_000), 1e-12);
    }

    @Test
    void readsCommentsBlanksCommasAndTabs() {
        HouseCurve c = HouseCurve.parse("t", List.of("* REW style", "# hash", "; semicolon", "", "20, 3", "1000\t0.5",
                "  20000   -1  "));
        assertArrayEquals(new double[] {20, 1000, 20000}, c.hz());
        assertArrayEquals(new double[] {3, 0.5, -1}, c.db());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "20 0|20 1|t:2: frequency 20 Hz does not rise above the previous point's 20 Hz",
        "20 0|100 abc|t:2: 'abc' is not a number in '100 abc'",
        "20 0|0.5 1|t:2: frequency 0.5 Hz is outside the allowed range 1 .. 100000 Hz",
        "20 0|200000 1|t:2: frequency 200000 Hz is outside the allowed range 1 .. 100000 Hz",
        "20 0|100 1 2|t:2: expected 'frequency dB', got '100 1 2'",
        "* only|20 0|t: a house curve needs at least 2 'frequency dB' points, found 1"})
    void refusesBadLinesNamingFileLineAndProblem(String first, String second, String message) {
        CorrectionException e = assertThrows(CorrectionException.class,
                () -> HouseCurve.parse("t", List.of(first, second)));
        assertEquals(message, e.getMessage());
    }

    @Test
    void missingFileIsOneLine() {
        CorrectionException e = assertThrows(CorrectionException.class, () -> HouseCurve.read(dir.resolve("none.txt")));
        assertTrue(e.getMessage().endsWith("none.txt: no such file"), e.getMessage());
    }

    @Test
    void writtenCurveReadsBackTheSame() throws IOException {
        HouseCurve c = shipped("car-default.txt");
        Path file = dir.resolve("copy.txt");
        c.write(file, List.of("copy of car-default", ""));
        HouseCurve back = HouseCurve.read(file);
        assertArrayEquals(c.hz(), back.hz(), 1e-9);
        assertArrayEquals(c.db(), back.db(), 0.005);
    }
}
