package org.cabintune.hu.board;

import java.util.List;
import org.cabintune.dsp.wav.DitherMode;

/**
 * One head-unit board as {@code board-configs/<board>.yaml} describes it: the DAC and how the
 * stream runs on it, which speaker each DAC channel drives and how it is protected, the GPIO
 * pins of the controls, an optional I2C mute, the default profile, and what an installer adds
 * to the boot configuration. Read and checked by {@link BoardLoader}; every field is
 * documented in {@code docs/boards.md}. Optional fields are null when absent.
 *
 * @param id        kebab-case name, the file's name without {@code .yaml}
 * @param name      what a person calls the board
 * @param soc       {@code rpi4}, {@code rpi5} or {@code any} (no Raspberry Pi hardware needed)
 * @param dac       the converter
 * @param stream    how the engine runs on it
 * @param outputs   the DAC channels in use and their speakers
 * @param gpio      control pins, or null when the board has none
 * @param i2cMute   a mute register in the DAC, or null
 * @param profile   the profile played when none is given, relative to the repository root
 * @param configTxt lines for {@code /boot/firmware/config.txt}
 * @param modules   kernel modules for {@code /etc/modules}, or null
 * @param profileStore the directory of the drivers' profiles (the profile store), or null for
 *                  none: {@code run} then plays {@code profile} alone
 * @param link      the control link's defaults for {@code run}, or null for none
 */
public record BoardConfig(String id, String name, String soc, Dac dac, Stream stream, List<Output> outputs,
                          Gpio gpio, I2cMute i2cMute, String profile, List<String> configTxt, List<String> modules,
                          String profileStore, Link link) {

    /**
     * The control link ({@code docs/head-unit-link.md}); each field may be left out.
     *
     * @param mqtt   the broker: {@code tcp://host:port}, {@code ssl://host:port}, or {@code embedded}
     *               for a broker inside the head unit
     * @param serial the serial port the tuner's cable plugs into, e.g. {@code /dev/ttyGS0}
     * @param unitId the unit's id in its MQTT topics: lower-case words joined by hyphens, 1..32
     * @param web    where the driver's page listens, {@code HOST:PORT} ({@code docs/driver-page.md})
     */
    public record Link(String mqtt, String serial, String unitId, String web) {

        /** What {@code mqtt} may be besides {@code embedded}: a broker's address. */
        public static final java.util.regex.Pattern BROKER_URI = java.util.regex.Pattern.compile("(tcp|ssl)://[^\\s/]+:\\d{1,5}");
    }

    /**
     * The converter.
     *
     * @param chip         the DAC chip, e.g. {@code PCM5122}, or {@code none}
     * @param bus          {@code i2s}, {@code usb} or {@code none}
     * @param alsaDevice   the ALSA PCM name, e.g. {@code hw:CARD=sndrpihifiberry,DEV=0}; null without one
     * @param sampleRates  rates the DAC runs at, Hz
     * @param formats      sample formats it takes: {@code S16_LE}, {@code S24_3LE}, {@code S32_LE}
     * @param channels     output channels, 1..32
     * @param reservedPins GPIO pins the DAC uses beyond I2S (18-21) and I2C (2, 3), or null
     */
    public record Dac(String chip, String bus, String alsaDevice, List<Integer> sampleRates, List<String> formats,
                      Integer channels, List<Integer> reservedPins) {
    }

    /**
     * How the engine runs on the board.
     *
     * @param sink             {@code alsa}, {@code null} (paced at real time) or {@code wav}
     * @param wavPath          the file a {@code wav} sink records to
     * @param source           {@code sine}, {@code pink}, {@code sweep}, {@code file:PATH} or {@code alsa:DEVICE}
     * @param sampleRate       one of the DAC's rates
     * @param format           one of the DAC's formats
     * @param periodFrames     frames per period, 32..1024
     * @param periods          periods in the device buffer, 2..16
     * @param realtimePriority SCHED_FIFO priority of the audio thread, 0 (none) .. 99
     * @param nice             nice value of the daemon's other threads, -20..19
     * @param dither           {@code tpdf} (the default when absent), {@code shaped} or {@code off}: how
     *                         words shorter than 25 bits are dithered
     */
    public record Stream(String sink, String wavPath, String source, Integer sampleRate, String format,
                         Integer periodFrames, Integer periods, Integer realtimePriority, Integer nice, String dither) {

        /** The dither the stream asks for: {@code tpdf} unless the file says otherwise. */
        public DitherMode ditherMode() {
            return dither == null ? DitherMode.TPDF : DitherMode.fromWord(dither).orElseThrow();
        }
    }

    /**
     * One DAC channel and the speaker on it.
     *
     * @param channel       the DAC channel, 0-based
     * @param speaker       the profile output that plays here (kebab-case)
     * @param role          the driver: a profile role word ({@code tweeter}, {@code subwoofer}, ...)
     * @param ceilingDbtp   the highest level this output may reach, dBTP, -60..0
     * @param minHighpassHz the lowest highpass the profile must put on this output, or null;
     *                      required for tweeters
     */
    public record Output(Integer channel, String speaker, String role, Double ceilingDbtp, Double minHighpassHz) {
    }

    /**
     * The control pins, BCM numbers 0..27.
     *
     * @param profileButtons the previous and next profile buttons (short press)
     * @param encoder        the volume knob
     * @param ampEnable      drives the amplifier's remote/enable input
     * @param mute           drives the amplifier's mute input
     * @param statusLed      the status LED
     */
    public record Gpio(List<Integer> profileButtons, Encoder encoder, Integer ampEnable, Integer mute,
                       Integer statusLed) {
    }

    /** A rotary encoder: quadrature pins {@code a} and {@code b} and its push switch. */
    public record Encoder(Integer a, Integer b, Integer push) {
    }

    /**
     * A mute in the DAC's own registers, written over I2C before the stream stops and after it starts.
     *
     * @param bus         the I2C bus ({@code /dev/i2c-N})
     * @param address     the 7-bit device address, 0x03..0x77
     * @param register    the register, 0..255
     * @param muteValue   the value that mutes, 0..255
     * @param unmuteValue the value that unmutes, 0..255
     */
    public record I2cMute(Integer bus, Integer address, Integer register, Integer muteValue, Integer unmuteValue) {
    }

    /** This board with another {@code stream} section (a rate or sink chosen for one run). */
    public BoardConfig withStream(Stream other) {
        return new BoardConfig(id, name, soc, dac, other, outputs, gpio, i2cMute, profile, configTxt, modules,
                profileStore, link);
    }

    /** The output on DAC channel {@code channel}, or null. */
    public Output outputOnChannel(int channel) {
        return outputs.stream().filter(o -> o.channel() == channel).findFirst().orElse(null);
    }
}
