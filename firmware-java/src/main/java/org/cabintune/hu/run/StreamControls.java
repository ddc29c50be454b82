package org.cabintune.hu.run;

import com.pi4j.boardinfo.definition.BoardModel;
import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.controls.AmpTiming;
import org.cabintune.hu.controls.Controls;
import org.cabintune.hu.controls.EngineActions;
import org.cabintune.hu.controls.ExecutorClock;
import org.cabintune.hu.controls.HardwareCheck;
import org.cabintune.hu.controls.OutputControl;
import org.cabintune.hu.controls.ProfileSelector;
import org.cabintune.hu.engine.AudioEngine;

import java.io.PrintStream;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The physical controls of a {@code run}: the board's buttons, knob, amplifier, DAC mute and
 * LED driving the running engine, when the board has a {@code gpio} section and a Pi4J platform
 * provides GPIO (Pi4J's gpiod and linuxfs plugins on a Raspberry Pi, in the package built with
 * {@code -Ppi-hardware}). Otherwise there are none, said in one line, and the stream plays as
 * before. With controls the engine starts held at silence and the amplifier sequence releases
 * it; when the controls then fail to open (a machine without GPIO, say), one line says which
 * part failed and what the machine lacks, and the stream is released to play without them.
 */
final class StreamControls {

    /** The longest the stop sequence may take before the stream stops anyway, s. */
    private static final long STOP_TIMEOUT_S = 2;

    private final BoardConfig board;
    private final PrintStream err;
    private final Context pi4j;
    private ExecutorClock clock;
    private EngineActions actions;
    private Controls controls;
    /** The run's one volume and mute, so a ceiling set on it holds for the link and the page alike. */
    private OutputControl output;

    private StreamControls(BoardConfig board, PrintStream err, Context pi4j) {
        this.board = board;
        this.err = err;
        this.pi4j = pi4j;
    }

    /** Finds a Pi4J platform for the board's controls, or says in one line why there are none. */
    static StreamControls prepare(BoardConfig board, Supplier<Context> platform, PrintStream err) {
        if (board.gpio() == null) {
            err.println("controls: board " + board.id() + " has no GPIO controls; running without them");
            return new StreamControls(board, err, null);
        }
        Context context;
        try {
            context = platform.get();
        } catch (RuntimeException | LinkageError | ServiceConfigurationError e) {
            err.println("controls: no Pi4J platform (" + e.getMessage() + "); running without controls");
            return new StreamControls(board, err, null);
        }
        boolean gpio = context.hasProvider(IOType.DIGITAL_INPUT) && context.hasProvider(IOType.DIGITAL_OUTPUT);
        boolean i2c = board.i2cMute() == null || context.hasProvider(IOType.I2C);
        if (!gpio || !i2c) {
            context.shutdown();
            err.println("controls: Pi4J has no " + (gpio ? "I2C" : "GPIO") + " provider here (the package built with"
                    + " -Ppi-hardware has " + (gpio ? "pi4j-plugin-linuxfs" : "pi4j-plugin-gpiod")
                    + "); running without controls");
            return new StreamControls(board, err, null);
        }
        return new StreamControls(board, err, context);
    }

    /** True when the engine must start held at silence, for the amplifier sequence to release. */
    boolean holdsOutput() {
        return pi4j != null;
    }

    /** Opens the controls on a built, not yet started engine (built with {@code muted(holdsOutput())}). */
    void attach(AudioEngine engine, ProfileSelector profiles) {
        if (pi4j == null) {
            return;
        }
        actions = new EngineActions(engine, profiles);
        clock = new ExecutorClock(e -> {
            if (controls != null) {
                controls.fault("controls failed: " + e);
            }
        });
        AudioEngine.Context stream = engine.context();
        AmpTiming timing = AmpTiming.forStream(stream.rampMs(), stream.periodFrames(), board.stream().periods(),
                stream.sampleRate());
        try {
            controls = Controls.open(pi4j, board, timing, clock, actions, actions, line -> err.println("controls: " + line));
            actions.onState(controls::showState);
        } catch (RuntimeException e) {
            boolean raspberryPi = pi4j.boardInfo().getBoardModel() != BoardModel.UNKNOWN;
            List<String> lacking = HardwareCheck.gpioProblems(raspberryPi, HardwareCheck.DEV);
            err.println("controls: " + e.getMessage() + (lacking.isEmpty() ? "" : ": " + String.join(", ", lacking))
                    + "; running without controls");
        }
    }

    /** What a long press on a profile button opens: the link's pairing window. Without controls, nothing. */
    void onPairing(Runnable pairing) {
        if (actions != null) {
            actions.onPairing(pairing);
        }
    }

    /**
     * The volume and mute the link sets: the controls' own, run on their thread (so the knob and
     * the link share one volume and the amplifier sequence's hold stays in force), or the
     * engine's without controls.
     */
    synchronized OutputControl output(AudioEngine engine) {
        if (output == null) {
            output = actions == null ? OutputControl.of(engine) : onControlThread();
        }
        return output;
    }

    private OutputControl onControlThread() {
        return new OutputControl() {
            @Override
            public boolean setVolumeDb(double volumeDb) {
                return onControlThread(() -> actions.setVolumeDb(volumeDb));
            }

            @Override
            public boolean setMuted(boolean muted) {
                return onControlThread(() -> actions.setMuted(muted));
            }

            @Override
            public boolean setVolumeCeilingDb(double ceilingDb) {
                return onControlThread(() -> actions.setVolumeCeilingDb(ceilingDb));
            }

            @Override
            public double volumeDb() {
                return actions.volumeDb();
            }

            @Override
            public boolean muted() {
                return actions.muted();
            }
        };
    }

    private boolean onControlThread(Supplier<Boolean> action) {
        try {
            return CompletableFuture.supplyAsync(action, clock::execute).get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /** The stream runs: start the amplifier sequence (or, if the controls failed to open, just play). */
    void streamStarted() {
        if (controls != null) {
            controls.streamStarted();
        } else if (actions != null) {
            clock.execute(actions::release);
        }
    }

    /**
     * Before the stream stops: amplifier off and DAC muted, waiting at most
     * {@value #STOP_TIMEOUT_S} s; the LED shows a fault first when the stream failed.
     */
    void beforeStop(String failure) throws InterruptedException {
        if (controls == null) {
            return;
        }
        if (failure != null) {
            controls.fault("the stream failed: " + failure);
        }
        try {
            controls.stopSequence().get(STOP_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            err.println("controls: the amplifier stop sequence did not finish: " + e);
        }
    }

    /** LED off, control thread stopped, Pi4J shut down (outputs to their safe states). */
    void close() throws InterruptedException {
        if (controls != null) {
            controls.close();
        }
        if (clock != null) {
            clock.close();
        }
        if (pi4j != null) {
            pi4j.shutdown();
        }
    }

    /** The actions the controls drive, or null without controls (for tests). */
    EngineActions actions() {
        return actions;
    }
}
