package org.cabintune.tuner.ui.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardConfigException;
import org.cabintune.hu.board.BoardLoader;
import org.cabintune.tuner.audio.Prompt;
import org.cabintune.tuner.audio.SoundCardInput;
import org.cabintune.tuner.audio.SoundCardMicrophone;
import org.cabintune.tuner.cabin.CabinReader;
import org.cabintune.tuner.cabin.CabinSpec;
import org.cabintune.tuner.calibrate.HeadUnit;
import org.cabintune.tuner.calibrate.Microphone;
import org.cabintune.tuner.calibrate.RenderedUnit;
import org.cabintune.tuner.calibrate.VirtualCar;
import org.cabintune.tuner.unit.Failure;

/**
 * What a measurement runs on: the head unit that plays, the microphone that hears, the board
 * the unit runs (its outputs and protection), and what is measured, for the report.
 *
 * @param unit       the head unit
 * @param microphone the microphone
 * @param board      the unit's board
 * @param car        what is measured: a car's name
 */
public record Rig(HeadUnit unit, Microphone microphone, BoardConfig board, String car)
        implements AutoCloseable {

    /** Opens a rig when a calibration starts, in the background. */
    @FunctionalInterface
    public interface Opener {

        /**
         * @param prompt where a microphone moved by hand asks to be moved (the wizard)
         * @param log    the calibration's log
         */
        Rig open(Prompt prompt, Consumer<String> log) throws IOException;
    }

    /**
     * A rehearsal on this computer: the board's chain rendered here ({@link RenderedUnit}) heard
     * in a virtual car, as fast as the computer renders it.
     *
     * @param handHeld  one position per take, as a microphone moved by hand; else all at once
     * @param positions how many of the cabin's microphone positions
     */
    public static Rig rehearsal(Path boardFile, Path cabinFile, String seat, int positions, boolean handHeld) {
        BoardConfig board = board(boardFile);
        CabinSpec cabin = cabin(cabinFile);
        RenderedUnit unit = new RenderedUnit(board);
        try {
            return new Rig(unit, virtualCar(cabin, unit, seat, positions, handHeld), board, cabin.name());
        } catch (RuntimeException e) {
            unit.close();
            throw e;
        }
    }

    /**
     * The connected unit heard in a virtual car, which listens to what the unit sends its DAC
     * (the unit runs with {@code --sink wav:FILE}, {@code dacRecording}).
     */
    public static Rig virtualCar(UnitSession session, Path boardFile, Path cabinFile, Path dacRecording, String seat,
                                 int positions, boolean handHeld) {
        BoardConfig board = board(boardFile);
        CabinSpec cabin = cabin(cabinFile);
        HeadUnit unit = session.headUnit();
        Microphone mic = guard(() -> handHeld
                ? VirtualCar.handHeld(cabin, unit.sampleRate(), unit.outputs(), dacRecording, seat, positions, 1)
                : new VirtualCar(cabin, unit.sampleRate(), unit.outputs(), dacRecording, seat, positions, 1));
        return new Rig(unit, mic, board, cabin.name());
    }

    /**
     * The connected unit heard by a measurement microphone on a sound card, moved by hand to
     * {@code positions} positions around {@code seat}; before each it asks through
     * {@code prompt}. The board is read first, so a bad file is reported before the unit is asked
     * anything; the device is opened once, at the unit's rate, so a missing or busy one is
     * reported before anything plays.
     *
     * @param car what is measured, for the report; blank for the unit's id
     */
    public static Rig soundCard(UnitSession session, Path boardFile, SoundCardInput input, String seat, int positions,
                                String car, Prompt prompt, Consumer<String> log) throws IOException {
        BoardConfig board = board(boardFile);
        if (!session.connected()) {
            throw new Failure("no head unit is connected; connect to one first");
        }
        HeadUnit unit = session.headUnit();
        try {
            Microphone mic = SoundCardMicrophone.open(input, unit.sampleRate(), positions, seat, prompt, log);
            return new Rig(unit, mic, board, car == null || car.isBlank() ? unit.id() : car);
        } catch (IOException | RuntimeException e) {
            unit.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            microphone.close();
        } finally {
            // A unit over the session's connection leaves the connection open.
            unit.close();
        }
    }

    private static Microphone virtualCar(CabinSpec cabin, RenderedUnit unit, String seat, int positions,
                                         boolean handHeld) {
        return guard(() -> handHeld ? VirtualCar.handHeld(cabin, unit, seat, positions, 1)
                : new VirtualCar(cabin, unit, seat, positions, 1));
    }

    /** The virtual car's own checks (seat, positions) as a failure a person can act on. */
    private static Microphone guard(java.util.function.Supplier<Microphone> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage().replace("--positions ", "positions "), e);
        }
    }

    static BoardConfig board(Path file) {
        if (file == null) {
            throw new Failure("choose the board file the unit runs (board-configs/*.yaml)");
        }
        try {
            return BoardLoader.load(file);
        } catch (BoardConfigException e) {
            throw new Failure(file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static CabinSpec cabin(Path file) {
        if (file == null) {
            throw new Failure("choose the virtual car (calibration/cabins/*.yaml)");
        }
        try {
            return CabinReader.read(file);
        } catch (IOException e) {
            throw new Failure("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new Failure(file + ": " + e.getMessage(), e);
        }
    }
}
