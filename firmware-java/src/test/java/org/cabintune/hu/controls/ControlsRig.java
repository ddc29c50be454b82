package org.cabintune.hu.controls;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.i2c.I2C;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;
import org.cabintune.hu.board.BoardConfig;
import org.cabintune.hu.board.BoardLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The controls of a shipped board on Pi4J's mock providers, driven by a {@link ManualClock}:
 * tests set the mock inputs' levels, move time, and read what the controls did, on the mock
 * outputs and I2C device and through {@link HeadUnitActions} and {@link OutputGate}, each entry
 * stamped with the clock's time.
 */
final class ControlsRig implements HeadUnitActions, OutputGate, AutoCloseable {

    /** A thing that happened, at {@code ms}: an action, or an output pin that changed. */
    record Event(double ms, String what) {
        @Override
        public String toString() {
            return what + " @" + ms;
        }
    }

    static final AmpTiming TIMING = AmpTiming.forStream(10, 128, 3, 48000);

    final ManualClock clock = new ManualClock();
    final Context pi4j;
    final Controls controls;
    final List<Event> events = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    /** The board's controls, every switch open (released, encoder at rest) for 100 ms. */
    static ControlsRig open(String board) throws Exception {
        ControlsRig rig = new ControlsRig(board);
        for (String id : List.of(Controls.PROFILE_PREVIOUS, Controls.PROFILE_NEXT, Controls.ENCODER_PUSH,
                Controls.ENCODER_A, Controls.ENCODER_B)) {
            rig.set(id, true);
        }
        rig.clock.advanceMs(100);
        rig.events.clear();
        return rig;
    }

    /** The board's controls with every mock input as Pi4J made it: low. */
    ControlsRig(String board) throws Exception {
        this(board, MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance(),
                MockI2CProvider.newInstance());
    }

    /** The board's controls on only the given mock providers (digital outputs at least). */
    ControlsRig(String board, com.pi4j.provider.Provider<?, ?, ?>... providers) throws Exception {
        BoardConfig config = BoardLoader.load(Path.of("..", "board-configs", board + ".yaml"));
        pi4j = Pi4J.newContextBuilder().add(providers).build();
        controls = Controls.open(pi4j, config, TIMING, clock, this, this, warnings::add);
        for (String id : List.of(Controls.AMP_ENABLE, Controls.AMP_MUTE, Controls.STATUS_LED)) {
            DigitalOutput pin = pi4j.io(id);
            pin.addListener(e -> record(id + (e.state() == DigitalState.HIGH ? " high" : " low")));
        }
        clock.advanceMs(0);
    }

    void set(String input, boolean high) {
        MockDigitalInput pin = pi4j.io(input);
        pin.mockState(high ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** Sets an input, then lets {@code ms} pass. */
    void set(String input, boolean high, double ms) {
        set(input, high);
        clock.advanceMs(ms);
    }

    boolean high(String output) {
        DigitalOutput pin = pi4j.io(output);
        return pin.state() == DigitalState.HIGH;
    }

    /** The values written to the DAC mute register since the last call, oldest first. */
    List<Integer> dacWrites(int register) {
        I2C dac = pi4j.io(Controls.DAC_MUTE);
        byte[] buffer = new byte[64];
        int n = dac.readRegister(register, buffer, 0, buffer.length);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(buffer[i] & 0xff);
        }
        return values;
    }

    /** The actions asked of the head unit: the events that are not output pins changing. */
    List<Event> actions() {
        return events.stream().filter(e -> !e.what.startsWith(Controls.AMP_ENABLE) && !e.what.startsWith(Controls.AMP_MUTE)
                && !e.what.startsWith(Controls.STATUS_LED)).toList();
    }

    /** The events whose text starts with {@code prefix}. */
    List<Event> events(String prefix) {
        return events.stream().filter(e -> e.what.startsWith(prefix)).toList();
    }

    private void record(String what) {
        events.add(new Event(clock.nowMs(), what));
    }

    @Override
    public void nextProfile() {
        record("next");
    }

    @Override
    public void previousProfile() {
        record("previous");
    }

    @Override
    public void changeVolume(double deltaDb) {
        record("volume " + deltaDb);
    }

    @Override
    public void toggleMute() {
        record("toggle mute");
    }

    @Override
    public void hold() {
        record("hold");
    }

    @Override
    public void release() {
        record("release");
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }
}
