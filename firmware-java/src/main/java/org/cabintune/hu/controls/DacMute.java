package org.cabintune.hu.controls;

import com.pi4j.io.i2c.I2C;
import org.cabintune.hu.board.BoardConfig;

/**
 * The DAC's own mute register ({@code i2cMute} in the board file), written over I2C through
 * Pi4J: on the PCM512x family, register 3 with 0x11 mutes both channels and 0x00 unmutes them.
 */
final class DacMute {

    private final I2C device;
    private final int register;
    private final byte muteValue;
    private final byte unmuteValue;

    DacMute(I2C device, BoardConfig.I2cMute config) {
        this.device = device;
        this.register = config.register();
        this.muteValue = (byte) (int) config.muteValue();
        this.unmuteValue = (byte) (int) config.unmuteValue();
    }

    void mute() {
        device.writeRegister(register, muteValue);
    }

    void unmute() {
        device.writeRegister(register, unmuteValue);
    }

    @Override
    public String toString() {
        return String.format("I2C mute (bus %d, 0x%02x, register %d)", device.bus(), device.device(), register);
    }
}
