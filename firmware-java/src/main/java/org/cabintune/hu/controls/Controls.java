package org.cabintune.hu.controls;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.io.i2c.I2C;
import org.cabintune.hu.board.BoardConfig;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The head unit's physical controls on the GPIO pins a board file names ({@code gpio}) and its
 * optional I2C DAC mute ({@code i2cMute}), through Pi4J 4. On a Raspberry Pi the providers are
 * Pi4J's gpiod plugin (the pins, through libgpiod on {@code /dev/gpiochip*}) and linuxfs plugin
 * (I2C, {@code /dev/i2c-*}), which the package built with {@code -Ppi-hardware} ships, or Pi4J's
 * FFM plugin dropped into its {@code plugins/} once published; in tests, Pi4J's mock providers.
 * Only the mock providers are exercised by the tests; the hardware plugins are only seen to load
 * and to refuse a machine without GPIO ({@link HardwareCheck}).
 *
 * <ul>
 *   <li>{@code gpio.profileButtons[0]} / {@code [1]}: short press, previous / next profile
 *       ({@link Button}: debounced, acting on release); long press (0.8 s), the link's pairing
 *       window (a tuner may pair its key for 60 s).</li>
 *   <li>{@code gpio.encoder.a} / {@code .b}: volume, with acceleration ({@link RotaryEncoder},
 *       {@link VolumeCurve}).</li>
 *   <li>{@code gpio.encoder.push}: long press (0.8 s) toggles mute; a short press does nothing,
 *       so knocking the knob while turning it never mutes.</li>
 *   <li>{@code gpio.ampEnable}, {@code gpio.mute}, {@code i2cMute}: the amplifier sequence
 *       ({@link AmpSequencer}).</li>
 *   <li>{@code gpio.statusLed}: the {@link UnitState} blink codes ({@link StatusLed}).</li>
 * </ul>
 *
 * Inputs use the pins' pull-ups and switches to ground; Pi4J's own debounce is off because the
 * controls debounce themselves, identically on every provider. Every method may be called from
 * any thread: the work is handed to the {@link ControlClock}'s thread.
 */
public final class Controls {

    /** Pi4J ids of the I/O the controls create. */
    public static final String PROFILE_PREVIOUS = "profile-previous";
    public static final String PROFILE_NEXT = "profile-next";
    public static final String ENCODER_A = "encoder-a";
    public static final String ENCODER_B = "encoder-b";
    public static final String ENCODER_PUSH = "encoder-push";
    public static final String AMP_ENABLE = "amp-enable";
    public static final String AMP_MUTE = "amp-mute";
    public static final String STATUS_LED = "status-led";
    public static final String DAC_MUTE = "dac-mute";

    private final ControlClock clock;
    private final StatusLed led;
    private final AmpSequencer amp;
    private final Consumer<String> warnings;
    private boolean faulted;

    private Controls(ControlClock clock, DigitalOutput ledPin, DigitalOutput ampEnable, DigitalOutput ampMute,
            DacMute dac, OutputGate output, AmpTiming timing, Consumer<String> warnings) {
        this.clock = clock;
        this.warnings = warnings;
        this.led = new StatusLed(ledPin, clock);
        this.amp = new AmpSequencer(clock, ampEnable, ampMute, dac, output, timing, this::faultHere);
    }

    /**
     * Sets up the board's controls and puts the outputs in their safe state: amplifier off and
     * muted, DAC muted, LED showing {@link UnitState#BOOTING}.
     *
     * @param pi4j     a Pi4J context with digital input, digital output and (for an
     *                 {@code i2cMute}) I2C providers
     * @param board    a board with a {@code gpio} section
     * @param timing   the amplifier sequence's waits for this stream
     * @param actions  what the buttons and the knob do
     * @param output   the stream's output, held while the amplifier switches
     * @param warnings told, one line each, of failures that do not stop the stream
     * @throws IllegalArgumentException when the board has no {@code gpio} section
     * @throws IllegalStateException when an output pin (amplifier enable, amplifier mute, LED)
     *                               cannot be set up, naming it and quoting Pi4J, e.g.
     *                               {@code amp-enable on GPIO 17 failed (No gpio chip yet
     *                               initialized!)}. An input or the I2C DAC mute that cannot be
     *                               set up is a fault told through {@code warnings}: the controls
     *                               open without it, so the amplifier still switches on.
     */
    public static Controls open(Context pi4j, BoardConfig board, AmpTiming timing, ControlClock clock,
            HeadUnitActions actions, OutputGate output, Consumer<String> warnings) {
        BoardConfig.Gpio gpio = board.gpio();
        if (gpio == null) {
            throw new IllegalArgumentException("board " + board.id() + " has no gpio section: no controls to open");
        }
        DigitalOutput ampEnable = output(pi4j, AMP_ENABLE, gpio.ampEnable(), DigitalState.LOW);
        DigitalOutput ampMute = output(pi4j, AMP_MUTE, gpio.mute(), DigitalState.HIGH);
        DigitalOutput ledPin = output(pi4j, STATUS_LED, gpio.statusLed(), DigitalState.LOW);
        DacMute dac = null;
        String dacFailure = null;
        if (board.i2cMute() != null) {
            BoardConfig.I2cMute m = board.i2cMute();
            try {
                I2C device = open(String.format("%s on I2C bus %d at 0x%02x", DAC_MUTE, m.bus(), m.address()),
                        () -> pi4j.create(I2C.newConfigBuilder(pi4j).id(DAC_MUTE).name("DAC mute register")
                                .bus(m.bus()).device(m.address()).build()));
                dac = new DacMute(device, m);
            } catch (IllegalStateException e) {
                String lacking = HardwareCheck.i2cProblem(m, HardwareCheck.DEV);
                dacFailure = e.getMessage() + (lacking == null ? "" : ": " + lacking)
                        + "; the amplifier is switched without the DAC mute";
            }
        }
        Controls controls = new Controls(clock, ledPin, ampEnable, ampMute, dac, output, timing, warnings);
        clock.execute(() -> {
            controls.amp.idle();
            controls.led.show(UnitState.BOOTING);
        });
        if (dacFailure != null) {
            controls.fault(dacFailure);
        }
        // The amplifier's pins are set up: from here on a failure costs only the input it
        // concerns, so the amplifier still switches on and the car is never left silent.
        controls.optional(() -> button(pi4j, clock, PROFILE_PREVIOUS, gpio.profileButtons().get(0),
                actions::previousProfile, actions::openPairing));
        controls.optional(() -> button(pi4j, clock, PROFILE_NEXT, gpio.profileButtons().get(1), actions::nextProfile,
                actions::openPairing));
        controls.optional(() -> button(pi4j, clock, ENCODER_PUSH, gpio.encoder().push(), null, actions::toggleMute));
        controls.optional(() -> {
            DigitalInput a = input(pi4j, ENCODER_A, gpio.encoder().a());
            DigitalInput b = input(pi4j, ENCODER_B, gpio.encoder().b());
            RotaryEncoder encoder = new RotaryEncoder(a.isHigh(), b.isHigh(), actions::changeVolume);
            a.addListener(e -> forward(clock, e.state(), (high, nanos) -> encoder.edge(true, high, nanos)));
            b.addListener(e -> forward(clock, e.state(), (high, nanos) -> encoder.edge(false, high, nanos)));
        });
        return controls;
    }

    /** Sets up an input; when that fails, reports it as a fault and goes on without it. */
    private void optional(Runnable setUp) {
        try {
            setUp.run();
        } catch (IllegalStateException e) {
            fault(e.getMessage() + "; running without it");
        }
    }

    /** Shows {@code state} on the LED; after a fault the LED keeps showing the fault. */
    public void showState(UnitState state) {
        clock.execute(() -> {
            if (!faulted) {
                led.show(state);
            }
        });
    }

    /** Reports a failure that does not stop the stream: one line, and the LED shows the fault. */
    public void fault(String why) {
        clock.execute(() -> faultHere(why));
    }

    private void faultHere(String why) {
        warnings.accept(why);
        faulted = true;
        led.show(UnitState.FAULT);
    }

    /** Runs the start sequence; call once the stream runs with its output held. */
    public void streamStarted() {
        clock.execute(amp::streamStarted);
    }

    /** Runs the stop sequence; the future completes when the stream may stop. */
    public CompletableFuture<Void> stopSequence() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        clock.execute(() -> amp.stop().whenComplete((v, e) -> done.complete(null)));
        return done;
    }

    /** Turns the LED off; the owner of the Pi4J context shuts it down after this. */
    public void close() {
        clock.execute(led::off);
    }

    private static DigitalInput input(Context pi4j, String id, int bcm) {
        return open(id + " on GPIO " + bcm, () -> pi4j.create(DigitalInput.newConfigBuilder(pi4j).id(id).name(id)
                .bcm(bcm).pull(PullResistance.PULL_UP).debounce(0L).build()));
    }

    private static DigitalOutput output(Context pi4j, String id, int bcm, DigitalState safe) {
        return open(id + " on GPIO " + bcm, () -> pi4j.create(DigitalOutput.newConfigBuilder(pi4j).id(id).name(id)
                .bcm(bcm).initial(safe).shutdown(safe).build()));
    }

    /** Creates one I/O; a provider's failure, which rarely names the pin, is rethrown naming it. */
    private static <T> T open(String what, Supplier<T> create) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(what + " failed (" + (e.getMessage() != null ? e.getMessage() : e) + ")", e);
        }
    }

    private static void button(Context pi4j, ControlClock clock, String id, int bcm, Runnable onShort, Runnable onLong) {
        DigitalInput pin = input(pi4j, id, bcm);
        Button button = new Button(clock, pin.isHigh(), onShort, onLong);
        pin.addListener(e -> forward(clock, e.state(), (high, nanos) -> button.edge(high)));
    }

    /** An edge from Pi4J's thread: stamped now, handled on the control thread. */
    private static void forward(ControlClock clock, DigitalState state, Edge edge) {
        if (state != DigitalState.HIGH && state != DigitalState.LOW) {
            return;
        }
        long nanos = clock.nanoTime();
        boolean high = state == DigitalState.HIGH;
        clock.execute(() -> edge.at(high, nanos));
    }

    @FunctionalInterface
    private interface Edge {
        void at(boolean high, long nanos);
    }
}
