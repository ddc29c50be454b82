package org.cabintune.hu.controls;

import com.pi4j.io.gpio.digital.DigitalOutput;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Switches the amplifier and the DAC's mute around the stream so the speakers never hear a
 * start or a stop. Runs on the control thread.
 *
 * <p><b>Start</b> (after the stream runs, its output held at exact silence): unmute the DAC
 * (I2C), wait {@link AmpTiming#dacSettleNanos}, switch the amplifier on (amp-enable high), wait
 * {@link AmpTiming#ampSettleNanos} for its soft start, then release its mute input (low) and the
 * stream's output, which ramps up. <b>Stop</b> (before the stream stops): hold the stream's
 * output (it ramps to silence) and mute the amplifier (mute input high), wait
 * {@link AmpTiming#outputSilentNanos} until silence has reached the DAC, switch the amplifier off,
 * wait {@link AmpTiming#ampOffNanos}, mute the DAC; only then may the stream stop. A stop during the
 * start sequence cancels the rest of it. An I2C write that fails is reported and the sequence
 * goes on: the stream's own silence and the amplifier still protect the speakers.
 */
final class AmpSequencer {

    private final ControlClock clock;
    private final DigitalOutput ampEnable;
    private final DigitalOutput ampMute;
    private final DacMute dac;
    private final OutputGate output;
    private final AmpTiming timing;
    private final Consumer<String> faults;
    private int generation;

    /**
     * @param dac     the DAC's mute, or null when the board has none
     * @param output  the stream's output, released at the end of the start sequence
     * @param faults  told of a failed I2C write
     */
    AmpSequencer(ControlClock clock, DigitalOutput ampEnable, DigitalOutput ampMute, DacMute dac, OutputGate output,
            AmpTiming timing, Consumer<String> faults) {
        this.clock = clock;
        this.ampEnable = ampEnable;
        this.ampMute = ampMute;
        this.dac = dac;
        this.output = output;
        this.timing = timing;
        this.faults = faults;
    }

    /** The state before a stream: amplifier off and muted, DAC muted. */
    void idle() {
        ampMute.high();
        ampEnable.low();
        writeDac(true);
    }

    /** The start sequence; call once the stream runs with its output held. */
    void streamStarted() {
        int g = ++generation;
        writeDac(false);
        clock.schedule(timing.dacSettleNanos(), () -> {
            if (g != generation) {
                return;
            }
            ampEnable.high();
            clock.schedule(timing.ampSettleNanos(), () -> {
                if (g != generation) {
                    return;
                }
                ampMute.low();
                output.release();
            });
        });
    }

    /** The stop sequence; the returned future completes when the stream may stop. */
    CompletableFuture<Void> stop() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        int g = ++generation;
        output.hold();
        ampMute.high();
        clock.schedule(timing.outputSilentNanos(), () -> {
            ampEnable.low();
            clock.schedule(timing.ampOffNanos(), () -> {
                if (g == generation) {
                    writeDac(true);
                }
                done.complete(null);
            });
        });
        return done;
    }

    private void writeDac(boolean mute) {
        if (dac == null) {
            return;
        }
        try {
            if (mute) {
                dac.mute();
            } else {
                dac.unmute();
            }
        } catch (RuntimeException e) {
            faults.accept(dac + (mute ? " could not mute: " : " could not unmute: ") + e.getMessage());
        }
    }
}
